import * as z from 'zod';
import type { CountyConfig } from '../../core/config/schema.js';
import { badRequest, ProblemError } from '../../core/http/problem.js';
import { singleLine } from '../../core/text/index.js';
import { openTo, type CalendarEvent } from './event.js';
import { organisations } from './vocabulary.js';
import { once } from '../../core/once.js';

/** What a person sends to register: name, work e-mail, organisation, optional role; nothing else. */
export const registrationInputSchema = once(() =>
  z.strictObject({
    name: singleLine(120),
    email: z.email().max(200),
    org: singleLine(60),
    // An empty role (the form's "no role" choice) is no role.
    role: z
      .string()
      .optional()
      .transform((r) => r?.trim() || undefined)
      .pipe(singleLine(80).optional()),
  }),
);

/** Validated registration input. */
export type RegistrationFields = z.output<ReturnType<typeof registrationInputSchema>>;

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
