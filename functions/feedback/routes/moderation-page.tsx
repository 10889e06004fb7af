import { Hono, type Context } from 'hono';
import * as z from 'zod';
import { ProblemError } from '../../core/http/problem.js';
import { assertFormBody } from '../../core/http/same-origin.js';
import { currentStaff, type KitEnv } from '../../core/http/staff.js';
import { resolveLang, type Text } from '../../core/i18n.js';
import { staffPage } from '../../core/session/middleware.js';
import type { FeedbackContext } from '../context.js';
import { readFormFields } from '../../core/http/body.js';
import { applyChange, QUOTE, TAG } from '../moderation/change.js';
import { listOpenCrises, listSubmissions, type ModeratedSubmission } from '../moderation/list.js';
import { STATUSES, type Status } from '../moderation/state.js';
import { ModerationPage } from '../pages/moderation-page.js';
import { MODERATION_PATH as PATH } from '../pages/paths.js';
import { QUARTER, SUBMISSION_ID } from '../data/keys.js';
import { readSubmission, retentionStart } from '../data/submissions.js';
import { once } from '../../core/once.js';

const filterSchema = once(() =>
  z.object({
    malbild: z.string().max(64).optional().catch(undefined),
    municipality: z
      .string()
      .regex(/^\d{4}$/)
      .optional()
      .catch(undefined),
    period: z.string().regex(QUARTER).optional().catch(undefined),
    status: z.enum(STATUSES).optional().catch(undefined),
    cursor: z.string().max(1000).optional().catch(undefined),
  }),
);

const NOTICES: Record<string, Text> = {
  saved: { sv: 'Ändringen är sparad.', en: 'The change is saved.' },
  approved: { sv: 'Synpunkten är godkänd och publicerad.', en: 'The feedback is approved and published.' },
  rejected: { sv: 'Synpunkten är avvisad och dold.', en: 'The feedback is rejected and hidden.' },
  stale: {
    sv: 'Någon annan ändrade synpunkten samtidigt (eller formuläret skickades två gånger). Se den nya versionen och gör om din ändring.',
    en: 'Someone else changed it at the same time (or the form was sent twice). See the new version and make your change again.',
  },
  invalid: {
    sv: 'Ändringen kunde inte sparas: ett citat måste vara ord ur texten utan styrtecken, teman korta ord.',
    en: 'The change could not be saved: a quote must be words of the text without control characters, themes short words.',
  },
  unreadable: {
    sv: 'Ändringen kunde inte sparas: den innehöll tecken som inte gick att läsa. Skriv citatet och teman igen.',
    en: 'The change could not be saved: it held characters that could not be read. Enter the quote and themes again.',
  },
};

/** What each button of a submission's form does to its status. */
const ACTIONS: Record<string, { status?: Status; notice: string }> = {
  approve: { status: 'published', notice: 'approved' },
  reject: { status: 'hidden', notice: 'rejected' },
  save: { notice: 'saved' },
};

/** Possible crises first, then new ones, otherwise oldest first (the store's order). */
function queueOrder(items: readonly ModeratedSubmission[]): ModeratedSubmission[] {
  const rank = (s: ModeratedSubmission) => (s.flags?.includes('crisis') ? 0 : 2) + (s.moderation.status === 'new' ? 0 : 1);
  return items
    .map((s, i) => [s, i] as const)
    .sort(([a, i], [b, j]) => rank(a) - rank(b) || i - j)
    .map(([s]) => s);
}

/**
 * The moderators' staff section `/personal/tyck-till`, usable without JavaScript: the queue with
 * possible crises first, and per submission approve (publish), reject (hide), or save status,
 * theme tags and a quote (stored redacted). Signed in with the staff session (moderator or
 * admin); every change goes through `applyChange` (version check, audit log, public counts).
 */
export function moderationPageRoutes(ctx: FeedbackContext): Hono<KitEnv> {
  const { deps } = ctx;
  const app = new Hono<KitEnv>();
  const notice = (c: Context<KitEnv>) => NOTICES[c.req.query('meddelande') ?? ''];

  app.use('*', staffPage(deps, 'moderator', 'admin'));

  app.get('/', async (c) => {
    const filter = filterSchema().parse(Object.fromEntries(new URL(c.req.url).searchParams));
    const since = retentionStart(deps.clock.now(), deps.config.retention.feedbackDays);
    // open crises come first across the whole queue, not only within one page: they are shown
    // above the first page and left out of every page of the queue itself
    const crises = !filter.status || filter.status === 'new' ? await listOpenCrises(deps.store, filter, since) : [];
    const skip = new Set(crises.map((s) => s.id));
    let firstPage = !filter.cursor;
    const page = await listSubmissions(deps.store, { ...filter, limit: 20, skip }, since).catch((error: unknown) => {
      // a malformed or foreign cursor starts the list over
      if (!(error instanceof ProblemError)) throw error;
      firstPage = true;
      return listSubmissions(deps.store, { ...filter, cursor: undefined, limit: 20, skip }, since);
    });
    const shown = Object.fromEntries(Object.entries({ ...filter, cursor: undefined }).filter(([, v]) => v)) as Record<string, string>;
    return c.html(
      <ModerationPage
        config={deps.config}
        lang={resolveLang(c)}
        nonce={c.get('secureHeadersNonce')}
        staff={currentStaff(c)}
        categories={ctx.categories}
        items={[...(firstPage ? crises : []), ...queueOrder(page.items)]}
        filter={shown}
        next={page.nextCursor}
        notice={notice(c)}
      />,
    );
  });

  app.post('/:id', async (c) => {
    assertFormBody(c);
    const { params: form, invalid } = await readFormFields(c, 16384);
    if (invalid.length) return c.redirect(`${PATH}?meddelande=unreadable`, 303);
    const id = c.req.param('id');
    const since = retentionStart(deps.clock.now(), deps.config.retention.feedbackDays);
    const submission = SUBMISSION_ID.test(id) ? await readSubmission(deps.store, id, since) : undefined;
    const action = ACTIONS[form.get('action') ?? 'save'];
    const status = action?.status ?? form.get('status');
    const tags = z.array(TAG()).safeParse(
      (form.get('tags') ?? '')
        .split(',')
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean),
    );
    const typedQuote = form.get('quote') ?? '';
    const quote = typedQuote.trim() ? QUOTE().safeParse(typedQuote) : ({ success: true, data: null } as const);
    if (!action || !submission || !STATUSES.includes(status as never) || !tags.success || !quote.success)
      return c.redirect(`${PATH}?meddelande=invalid`, 303);
    try {
      await applyChange(
        ctx,
        submission,
        currentStaff(c),
        { status: status as Status, tags: tags.data, quote: quote.data },
        form.get('etag') ?? '',
      );
    } catch (error) {
      if (error instanceof ProblemError) return c.redirect(`${PATH}?meddelande=${error.problem.status === 412 ? 'stale' : 'invalid'}`, 303);
      throw error;
    }
    return c.redirect(`${PATH}?meddelande=${action.notice}`, 303);
  });
  return app;
}

/** Where the moderators' page used to be: bookmarks (`/tyck-till/moderering`, and below it) lead to the new one. */
export function oldModerationRoutes(): Hono<KitEnv> {
  const app = new Hono<KitEnv>();
  app.get('*', (c) => c.redirect(PATH, 301));
  return app;
}
