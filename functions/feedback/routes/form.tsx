import { Hono, type Context } from 'hono';
import type { KitEnv } from '../../core/http/staff.js';
import { resolveLang, type Text } from '../../core/i18n.js';
import type { FeedbackContext } from '../context.js';
import { readFormFields } from '../../core/http/body.js';
import { checkForm, EMPTY_INPUT, parseForm, type FormError, type FormInput } from '../form/input.js';
import { unreadableErrors } from '../form/unreadable.js';
import { personalDataError } from '../form/personal-data-error.js';
import { allowPost, clientKey } from '../guard/rate-limit.js';
import { assertFormBody, assertSameOrigin } from '../../core/http/same-origin.js';
import { checkTimeToken, issueTimeToken } from '../guard/time-token.js';
import { claimToken, releaseToken } from '../guard/token-use.js';
import { FormPage } from '../pages/form-page.js';
import { ReviewPage } from '../pages/review-page.js';
import { ThanksPage } from '../pages/thanks-page.js';
import { saveSubmission } from '../store/submissions.js';

/** The form's id in its time tokens. */
export const FORM_ID = 'tyck-till';

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
const tooMany = (seconds: number): FormError => {
  const minutes = Math.ceil(seconds / 60);
  return {
    field: 'rate',
    href: '#text',
    sv: `Du har skickat många synpunkter på kort tid. Vänta ${minutes === 1 ? 'en minut' : `${minutes} minuter`} och skicka igen`,
    en: `You have sent a lot of feedback in a short time. Wait ${minutes === 1 ? 'a minute' : `${minutes} minutes`} and send it again`,
  };
};
const ALREADY_SENT: Text = {
  sv: 'Det här formuläret har redan skickats en gång, och den synpunkten har kommit fram. Vill du skicka något mer kan du skriva det här och skicka igen.',
  en: 'This form has already been sent once, and that feedback has arrived. If you want to send something more, write it here and send it again.',
};
const EXPIRED: Text = {
  sv: 'Formuläret hade varit öppet länge. Det du skrev finns kvar: granska det och skicka igen.',
  en: 'The form had been open a long time. What you wrote is kept: review it and send it again.',
};

/** The public form: `GET /tyck-till`, `POST /tyck-till` (review, edit, send) and the thank-you page. */
export function formRoutes(ctx: FeedbackContext): Hono<KitEnv> {
  const { deps } = ctx;
  const app = new Hono<KitEnv>();

  const showForm = async (
    c: Context<KitEnv>,
    input: FormInput,
    errors: readonly FormError[],
    status: 200 | 400 | 409 | 429,
    notice?: Text,
  ) => {
    c.header('Cache-Control', 'no-store');
    return c.html(
      <FormPage
        config={deps.config}
        lang={resolveLang(c)}
        nonce={c.get('secureHeadersNonce')}
        categories={ctx.categories}
        services={await ctx.services()}
        input={input}
        token={input.token}
        errors={errors}
        notice={notice}
      />,
      status,
    );
  };

  app.get('/tyck-till', async (c) =>
    showForm(c, { ...EMPTY_INPUT, token: issueTimeToken(await ctx.secret(), FORM_ID, deps.clock.now()) }, [], 200),
  );

  app.get('/tyck-till/tack', (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    return c.html(<ThanksPage config={deps.config} lang={resolveLang(c)} nonce={c.get('secureHeadersNonce')} />);
  });

  app.post('/tyck-till', async (c) => {
    assertFormBody(c);
    assertSameOrigin(c, deps.publicOrigin, { allowNoHeaders: true });
    const form = await readFormFields(c, ctx.maxBodyBytes);
    const raw = parseForm(form.params);
    const thanks = () => c.redirect(`/tyck-till/tack${resolveLang(c) === 'en' ? '?lang=en' : ''}`, 303);
    if (raw.honeypot) {
      deps.log.info('feedback discarded', { reason: 'honeypot' });
      return thanks();
    }
    const secret = await ctx.secret();
    const now = deps.clock.now();
    const fresh = { ...raw, token: issueTimeToken(secret, FORM_ID, now) };
    const token = checkTimeToken(secret, FORM_ID, raw.token, now, ctx.tokenLimits);
    if (!token.ok && token.reason === 'forged') return showForm(c, fresh, [NOT_CHECKED], 400);
    if (!token.ok && token.reason === 'expired') return showForm(c, fresh, [], 200, EXPIRED);
    // bytes that are not UTF-8 are never stored as replacement characters: the person is told
    if (form.invalid.length) return showForm(c, raw, unreadableErrors(form.invalid), 400);
    if (raw.action === 'edit') return showForm(c, raw, [], 200);
    const services = await ctx.services();
    const { input, errors } = checkForm(raw, { config: deps.config, categories: ctx.categories, services });
    if (errors.length) return showForm(c, raw, errors, 400);
    const personal = input.personalDataShown ? undefined : personalDataError(input.text);
    if (personal) return showForm(c, { ...input, personalDataShown: true }, [personal], 400);
    if (input.action === 'review') {
      c.header('Cache-Control', 'no-store');
      return c.html(
        <ReviewPage
          config={deps.config}
          lang={resolveLang(c)}
          nonce={c.get('secureHeadersNonce')}
          categories={ctx.categories}
          services={services}
          input={input}
        />,
      );
    }
    if (!token.ok) {
      deps.log.info('feedback rejected', { reason: 'too-fast' });
      return showForm(c, input, [TOO_FAST], 400);
    }
    const address = ctx.clientAddress(c) ?? 'unknown';
    const rate = await allowPost(deps.store, deps.clock, clientKey(secret, address, now), ctx.rateLimits);
    if (!rate.ok) {
      deps.log.info('feedback rejected', { reason: 'rate-limit' });
      c.header('Retry-After', String(rate.retryAfterSeconds));
      return showForm(c, input, [tooMany(rate.retryAfterSeconds)], 429);
    }
    // one token, one submission: the mark is create-only, so of concurrent posts exactly one wins
    if (!(await claimToken(deps.store, secret, token.nonce))) {
      deps.log.info('feedback rejected', { reason: 'token-used' });
      return showForm(c, fresh, [], 409, ALREADY_SENT);
    }
    let saved;
    try {
      saved = await saveSubmission(deps.store, input, now, ctx.newId());
    } catch (error) {
      await releaseToken(deps.store, secret, token.nonce).catch(() => undefined);
      throw error;
    }
    deps.log.info('feedback received', {
      id: saved.id,
      categories: saved.categories.length,
      redacted: Object.values(saved.redactions).reduce((a, b) => a + (b ?? 0), 0),
      contact: saved.hasContact,
    });
    return thanks();
  });
  return app;
}
