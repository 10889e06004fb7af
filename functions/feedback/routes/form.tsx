import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { resolveLang, type Text } from '../../core/i18n.js';
import type { FeedbackContext } from '../context.js';
import { checkForm, EMPTY_INPUT } from '../form/input.js';
import { unreadableErrors } from '../form/unreadable.js';
import { personalDataError } from '../form/personal-data-error.js';
import { FORM_ID, limitSending, receiveForm, type FormEnv, type ShowForm } from '../guard/middleware.js';
import { issueTimeToken } from '../guard/time-token.js';
import { claimToken, releaseToken } from '../guard/token-use.js';
import { FormPage } from '../pages/form-page.js';
import { FORM_PATH } from '../pages/paths.js';
import { ReviewPage } from '../pages/review-page.js';
import { ThanksPage } from '../pages/thanks-page.js';
import { saveSubmission } from '../data/submissions.js';

const ALREADY_SENT: Text = {
  sv: 'Det här formuläret har redan skickats en gång, och den synpunkten har kommit fram. Vill du skicka något mer kan du skriva det här och skicka igen.',
  en: 'This form has already been sent once, and that feedback has arrived. If you want to send something more, write it here and send it again.',
};

/**
 * The public form under `/tyck-till`: `GET /` (the form), `POST /` (review, edit, send) and
 * `GET /tack` (thank you). A post passes the guards in order: `receiveForm` (same origin, strict
 * body, honeypot, signed time token), `checkSubmission` (fields, personal data, review step),
 * `limitSending` (too fast, rate limit), then one create-only write.
 */
export function formRoutes(ctx: FeedbackContext): Hono<FormEnv> {
  const { deps } = ctx;
  const app = new Hono<FormEnv>();

  const show: ShowForm = async (c, input, errors, status, notice) => {
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
  const thanks = (c: Context<FormEnv>) => c.redirect(`${FORM_PATH}/tack${resolveLang(c) === 'en' ? '?lang=en' : ''}`, 303);

  /** The fields, the personal-data warning and the review step; only a checked send goes on. */
  const checkSubmission: MiddlewareHandler<FormEnv> = async (c, next) => {
    const { raw, invalid } = c.var.feedbackForm;
    // bytes that are not UTF-8 are never stored as replacement characters: the person is told
    if (invalid.length) return show(c, raw, unreadableErrors(invalid), 400);
    if (raw.action === 'edit') return show(c, raw, [], 200);
    const services = await ctx.services();
    const { input, errors } = checkForm(raw, { config: deps.config, categories: ctx.categories, services });
    if (errors.length) return show(c, raw, errors, 400);
    const personal = input.personalDataShown ? undefined : personalDataError(input.text);
    if (personal) return show(c, { ...input, personalDataShown: true }, [personal], 400);
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
    c.set('checkedForm', input);
    await next();
  };

  app.get('/', async (c) => show(c, { ...EMPTY_INPUT, token: issueTimeToken(await ctx.secret(), FORM_ID, deps.clock.now()) }, [], 200));

  app.get('/tack', (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    return c.html(<ThanksPage config={deps.config} lang={resolveLang(c)} nonce={c.get('secureHeadersNonce')} />);
  });

  app.post('/', receiveForm(ctx, show, thanks), checkSubmission, limitSending(ctx, show), async (c) => {
    const { secret, fresh, token, now } = c.var.feedbackForm;
    const input = c.var.checkedForm;
    if (!token.ok) throw new Error('limitSending lets only a timely token through');
    // one token, one submission: the mark is create-only, so of concurrent posts exactly one wins
    if (!(await claimToken(deps.store, secret, token.nonce))) {
      deps.log.info('feedback rejected', { reason: 'token-used' });
      return show(c, fresh, [], 409, ALREADY_SENT);
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
    return thanks(c);
  });
  return app;
}
