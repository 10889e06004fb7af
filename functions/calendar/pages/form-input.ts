import type { Context } from 'hono';
import { fieldErrors, formBody } from '../../core/http/body.js';
import type { CalendarContext } from '../context.js';
import type { CalendarEvent } from '../model/event.js';
import { openTo } from '../model/event.js';
import { registrationInputSchema, type RegistrationFields } from '../model/registration-input.js';
import { organisations } from '../model/vocabulary.js';
import { assertFormBody } from '../../core/http/same-origin.js';
import type { FormError, FormValues } from './registration-form.js';

/** Read the registration form: the raw values (to show again) and the parsed input when valid. */
export async function readRegistrationForm(c: Context): Promise<{ values: FormValues; parsed?: RegistrationFields }> {
  assertFormBody(c);
  const form = await formBody(c, 4096);
  const values: FormValues = {
    name: form.get('name') ?? '',
    email: form.get('email') ?? '',
    org: form.get('org') ?? '',
    role: form.get('role') ?? '',
  };
  const result = registrationInputSchema().safeParse({ ...values, email: values.email?.trim() });
  return { values, parsed: result.success ? result.data : undefined };
}

/** The errors of a registration form, in the order of the fields, in both languages. */
export function formErrors(
  ctx: CalendarContext,
  event: CalendarEvent,
  values: FormValues,
  parsed: RegistrationFields | undefined,
): FormError[] {
  const errors: FormError[] = [];
  const now = ctx.deps.clock.now();
  if (event.status === 'cancelled') errors.push({ field: 'form', sv: 'Utbildningen är inställd.', en: 'The training is cancelled.' });
  else if (now > new Date(event.registrationDeadline))
    errors.push({ field: 'form', sv: 'Sista anmälningsdag har passerat.', en: 'The registration deadline has passed.' });
  const name = registrationInputSchema().shape.name.safeParse(values.name ?? '');
  if (!name.success) {
    // The text rules (control characters, bidi overrides, nothing visible) say what is wrong; else ask for a name.
    const rule = fieldErrors(name.error.issues).find((e) => e.sv);
    errors.push(
      rule?.sv
        ? { field: 'name', sv: `${rule.sv}.`, en: `${rule.message}.` }
        : { field: 'name', sv: 'Skriv ditt namn.', en: 'Enter your name.' },
    );
  }
  if (!registrationInputSchema().shape.email.safeParse(values.email?.trim()).success)
    errors.push({ field: 'email', sv: 'Skriv en e-postadress som namn@kommun.se.', en: 'Enter an e-mail address like name@kommun.se.' });
  if (!organisations(ctx.deps.config).some((o) => o.id === values.org) || !openTo(event, values.org ?? ''))
    errors.push({ field: 'org', sv: 'Välj din organisation i listan.', en: 'Choose your organisation from the list.' });
  if (!parsed && errors.length === 0) errors.push({ field: 'role', sv: 'Välj en roll i listan.', en: 'Choose a role from the list.' });
  return errors;
}
