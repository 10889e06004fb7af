import { Hono, type Context } from 'hono';
import * as z from 'zod';
import { ProblemError } from '../../core/http/problem.js';
import type { KitEnv } from '../../core/http/staff.js';
import { resolveLang, type Text } from '../../core/i18n.js';
import type { FeedbackContext } from '../context.js';
import { assertFormBody, assertSameOrigin } from '../../core/http/same-origin.js';
import { readFormFields } from '../../core/http/body.js';
import { applyChange, QUOTE, TAG } from '../moderation/change.js';
import { listSubmissions } from '../moderation/list.js';
import { STATUSES } from '../moderation/state.js';
import { ModerationLogin, ModerationPage } from '../pages/moderation-page.js';
import { QUARTER, SUBMISSION_ID } from '../store/keys.js';
import { readSubmission, retentionStart } from '../store/submissions.js';
import { moderatorSessionRoutes, MODERATION_PATH as PATH, sessionModerator } from './moderator-session.js';

const filterSchema = z.object({
  malbild: z.string().max(64).optional().catch(undefined),
  municipality: z
    .string()
    .regex(/^\d{4}$/)
    .optional()
    .catch(undefined),
  period: z.string().regex(QUARTER).optional().catch(undefined),
  status: z.enum(STATUSES).optional().catch(undefined),
  cursor: z.string().max(1000).optional().catch(undefined),
});

const NOTICES: Record<string, Text> = {
  saved: { sv: 'Ändringen är sparad.', en: 'The change is saved.' },
  stale: {
    sv: 'Någon annan ändrade synpunkten samtidigt. Se den nya versionen och gör om din ändring.',
    en: 'Someone else changed it at the same time. See the new version and make your change again.',
  },
  invalid: {
    sv: 'Ändringen kunde inte sparas: ett citat måste vara ord ur texten utan styrtecken, teman korta ord.',
    en: 'The change could not be saved: a quote must be words of the text without control characters, themes short words.',
  },
  unreadable: {
    sv: 'Ändringen kunde inte sparas: den innehöll tecken som inte gick att läsa. Skriv citatet och teman igen.',
    en: 'The change could not be saved: it held characters that could not be read. Enter the quote and themes again.',
  },
  denied: { sv: 'Token gäller inte eller saknar rollen moderator.', en: 'The token is not valid or lacks the moderator role.' },
};

/**
 * The moderators' pages, usable without JavaScript: the moderator signs in by pasting their
 * staff token once; it is kept in an HttpOnly, SameSite=Strict cookie limited to these pages and
 * verified on every request by the same code as a bearer token. Posts also pass the Origin check.
 */
export function moderationPageRoutes(ctx: FeedbackContext): Hono<KitEnv> {
  const { deps } = ctx;
  const app = new Hono<KitEnv>();
  const moderator = (c: Context<KitEnv>) => sessionModerator(deps.auth, c);
  const notice = (c: Context<KitEnv>) => NOTICES[c.req.query('meddelande') ?? ''];

  app.route('/', moderatorSessionRoutes(ctx));
  app.get(PATH, async (c) => {
    c.header('Cache-Control', 'private, no-store');
    const lang = resolveLang(c);
    const nonce = c.get('secureHeadersNonce');
    if (!(await moderator(c))) return c.html(<ModerationLogin config={deps.config} lang={lang} nonce={nonce} notice={notice(c)} />);
    const filter = filterSchema.parse(Object.fromEntries(new URL(c.req.url).searchParams));
    const since = retentionStart(deps.clock.now(), deps.config.retention.feedbackDays);
    const page = await listSubmissions(deps.store, { ...filter, limit: 20 }, since).catch((error: unknown) => {
      // a malformed or foreign cursor starts the list over
      if (error instanceof ProblemError) return listSubmissions(deps.store, { ...filter, cursor: undefined, limit: 20 }, since);
      throw error;
    });
    const shown = Object.fromEntries(Object.entries({ ...filter, cursor: undefined }).filter(([, v]) => v)) as Record<string, string>;
    return c.html(
      <ModerationPage
        config={deps.config}
        lang={lang}
        nonce={nonce}
        categories={ctx.categories}
        items={page.items}
        filter={shown}
        next={page.nextCursor}
        notice={notice(c)}
      />,
    );
  });

  app.post(`${PATH}/:id`, async (c) => {
    assertFormBody(c);
    assertSameOrigin(c, deps.publicOrigin);
    const staff = await moderator(c);
    if (!staff) return c.redirect(`${PATH}?meddelande=denied`, 303);
    const { params: form, invalid } = await readFormFields(c, 16384);
    if (invalid.length) return c.redirect(`${PATH}?meddelande=unreadable`, 303);
    const id = c.req.param('id');
    const since = retentionStart(deps.clock.now(), deps.config.retention.feedbackDays);
    const submission = SUBMISSION_ID.test(id) ? await readSubmission(deps.store, id, since) : undefined;
    const status = form.get('status');
    const tags = z.array(TAG).safeParse(
      (form.get('tags') ?? '')
        .split(',')
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean),
    );
    const typedQuote = form.get('quote') ?? '';
    const quote = typedQuote.trim() ? QUOTE.safeParse(typedQuote) : ({ success: true, data: null } as const);
    if (!submission || !STATUSES.includes(status as never) || !tags.success || !quote.success)
      return c.redirect(`${PATH}?meddelande=invalid`, 303);
    try {
      await applyChange(
        ctx,
        submission,
        staff,
        { status: status as (typeof STATUSES)[number], tags: tags.data, quote: quote.data },
        form.get('etag') ?? '',
      );
    } catch (error) {
      if (error instanceof ProblemError) return c.redirect(`${PATH}?meddelande=${error.problem.status === 412 ? 'stale' : 'invalid'}`, 303);
      throw error;
    }
    return c.redirect(`${PATH}?meddelande=saved`, 303);
  });
  return app;
}
