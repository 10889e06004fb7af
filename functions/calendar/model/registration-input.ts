import * as z from 'zod';
import type { CountyConfig } from '../../core/config/schema.js';
import { badRequest, ProblemError } from '../../core/http/problem.js';
import { openTo, type CalendarEvent } from './event.js';
import { organisations } from './vocabulary.js';

/** What a person sends to register: name, work e-mail, organisation, optional role; nothing else. */
export const registrationInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  email: z.email().max(200),
  org: z.string().trim().min(1).max(60),
  role: z
    .string()
    .trim()
    .max(80)
    .optional()
    .transform((r) => r || undefined),
});

/** Validated registration input. */
export type RegistrationFields = z.output<typeof registrationInputSchema>;

/** 400 for an unknown organisation, 409 when the training is not open to it. */
export function checkRegistrationOrg(config: CountyConfig, event: CalendarEvent, org: string): void {
  if (!organisations(config).some((o) => o.id === org))
    throw badRequest([{ field: 'org', message: `Unknown organisation ${org}`, sv: 'Okänd organisation' }]);
  if (!openTo(event, org))
    throw new ProblemError({
      status: 409,
      title: 'Utbildningen är inte öppen för din organisation',
      detail: 'The training is not open to this organisation.',
      errors: [{ field: 'org', message: 'Not in the audience', sv: 'Inte i målgruppen' }],
    });
}
