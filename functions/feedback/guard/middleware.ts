import type { Context, MiddlewareHandler } from 'hono';
import { readFormFields } from '../../core/http/body.js';
import { assertFormBody, assertSameOrigin } from '../../core/http/same-origin.js';
import type { KitVariables } from '../../core/http/staff.js';
import type { Text } from '../../core/i18n.js';
import type { FeedbackContext } from '../context.js';
import { parseForm, type FormError, type FormInput } from '../form/input.js';
import { allowPost, clientKey } from './rate-limit.js';
import { checkTimeToken, issueTimeToken, type TokenCheck } from './time-token.js';

/** The form's id in its time tokens. */
export const FORM_ID = 'tyck-till';

/** What the guards learned about a post of the form, for the next guard and the handler. */
export interface ReceivedForm {
  /** The fields as sent. */
  readonly raw: FormInput;
  /** Fields whose bytes were not UTF-8. */
  readonly invalid: readonly string[];
  readonly secret: Uint8Array;
  readonly now: Date;
  /** The fields as sent with a new time token, for showing the form again. */
  readonly fresh: FormInput;
  /** The time token: signed and not expired, possibly sent too fast (checked only on sending). */
  readonly token: Exclude<TokenCheck, { ok: false; reason: 'forged' | 'expired' }>;
}

/** The Hono environment of the form's routes. */
export interface FormEnv {
  Variables: KitVariables & {
    feedbackForm: ReceivedForm;
    /** The form as checked and normalised, once it is ready to be stored. */
    checkedForm: FormInput;
  };
}

/** How the form is shown again: the input, its errors, the status and an optional notice. */
export type ShowForm = (
  c: Context<FormEnv>,
  input: FormInput,
  errors: readonly FormError[],
  status: 200 | 400 | 409 | 429,
  notice?: Text,
) => Promise<Response>;

const NOT_CHECKED: FormError = {
  field: 'token',
  href: '#text',
  sv: 'Formuläret kunde inte kontrolleras. Det du skrev finns kvar, skicka igen',
  en: 'The form could not be checked. What you wrote is kept, please send it again',
};
const TOO_FAST: FormError = {
  field: 'token',
  href: '#text',
  sv: 'Det gick för fort att skicka. Vänta några sekunder och skicka igen',
  en: 'That was sent too quickly. Wait a few seconds and send it again',
};
const EXPIRED: Text = {
  sv: 'Formuläret hade varit öppet länge. Det du skrev finns kvar: granska det och skicka igen.',
  en: 'The form had been open a long time. What you wrote is kept: review it and send it again.',
};
const tooMany = (seconds: number): FormError => {
  const minutes = Math.ceil(seconds / 60);
  return {
    field: 'rate',
    href: '#text',
    sv: `Du har skickat många synpunkter på kort tid. Vänta ${minutes === 1 ? 'en minut' : `${minutes} minuter`} och skicka igen`,
    en: `You have sent a lot of feedback in a short time. Wait ${minutes === 1 ? 'a minute' : `${minutes} minutes`} and send it again`,
  };
};

/**
 * The first guard of a post: a form body from this origin, read strictly, and a time token that
 * is signed and not expired. A honeypot filled in (a bot) is thanked and discarded; a forged token
 * shows the form again with the text kept; an expired one says so and keeps the text.
 */
export function receiveForm(ctx: FeedbackContext, show: ShowForm, thanks: (c: Context<FormEnv>) => Response): MiddlewareHandler<FormEnv> {
  const { deps } = ctx;
  return async (c, next) => {
    assertFormBody(c);
    assertSameOrigin(c, deps.publicOrigin, { allowNoHeaders: true });
    const form = await readFormFields(c, ctx.maxBodyBytes);
    const raw = parseForm(form.params);
    if (raw.honeypot) {
      deps.log.info('feedback discarded', { reason: 'honeypot' });
      return thanks(c);
    }
    const secret = await ctx.secret();
    const now = deps.clock.now();
    const fresh = { ...raw, token: issueTimeToken(secret, FORM_ID, now) };
    const token = checkTimeToken(secret, FORM_ID, raw.token, now, ctx.tokenLimits);
    if (!token.ok && token.reason === 'forged') return show(c, fresh, [NOT_CHECKED], 400);
    if (!token.ok && token.reason === 'expired') return show(c, fresh, [], 200, EXPIRED);
    c.set('feedbackForm', { raw, invalid: form.invalid, secret, now, fresh, token });
    await next();
  };
}

/**
 * The guard before storing: not sooner after the form was shown than a person could write
 * (`tokenLimits.minSeconds`), and at most `rateLimits.posts` posts per client and window (429 with
 * `Retry-After`). `input` is the checked form the handler is about to store.
 */
export function limitSending(ctx: FeedbackContext, show: ShowForm): MiddlewareHandler<FormEnv> {
  const { deps } = ctx;
  return async (c, next) => {
    const { token, secret, now } = c.var.feedbackForm;
    if (!token.ok) {
      deps.log.info('feedback rejected', { reason: 'too-fast' });
      return show(c, c.var.checkedForm, [TOO_FAST], 400);
    }
    const address = ctx.clientAddress(c) ?? 'unknown';
    const rate = await allowPost(deps.store, deps.clock, clientKey(secret, address, now), ctx.rateLimits);
    if (!rate.ok) {
      deps.log.info('feedback rejected', { reason: 'rate-limit' });
      c.header('Retry-After', String(rate.retryAfterSeconds));
      return show(c, c.var.checkedForm, [tooMany(rate.retryAfterSeconds)], 429);
    }
    await next();
  };
}
