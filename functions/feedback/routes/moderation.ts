import { Hono } from 'hono';
import * as z from 'zod';
import { jsonBody, queryParams } from '../../core/http/body.js';
import { listQuery } from '../../core/http/paging.js';
import { requireIfMatch } from '../../core/http/preconditions.js';
import { notFound } from '../../core/http/problem.js';
import { currentStaff, requireStaff, type KitEnv } from '../../core/http/staff.js';
import { toStockholmIso } from '../../core/i18n.js';
import { getJson } from '../../core/store/json.js';
import type { FeedbackContext } from '../context.js';
import { listSubmissions } from '../moderation/list.js';
import { applyChange, QUOTE, TAG } from '../moderation/change.js';
import { logAction, readState, STATUSES } from '../moderation/state.js';
import { CONTACTS_PREFIX, QUARTER, SUBMISSION_ID } from '../data/keys.js';
import { readSubmission, retentionStart, type Contact } from '../data/submissions.js';
import { once } from '../../core/once.js';

/** The query of `GET /api/feedback/submissions`. */
export const submissionsQuery = once(() =>
  z.strictObject({
    malbild: z.string().max(64).optional(),
    municipality: z
      .string()
      .regex(/^\d{4}$/)
      .optional(),
    period: z.string().regex(QUARTER).optional(),
    status: z.enum(STATUSES).optional(),
    ...listQuery(200),
  }),
);

/** The body of `PATCH /api/feedback/submissions/{id}`. */
export const change = once(() =>
  z.strictObject({
    status: z.enum(STATUSES).optional(),
    tags: z.array(TAG()).max(20).optional(),
    quote: QUOTE().nullable().optional(),
  }),
);

/** The moderators' API (role `moderator` or `admin`): list, read, change, delete contact details. */
export function moderationRoutes(ctx: FeedbackContext): Hono<KitEnv> {
  const { deps } = ctx;
  const app = new Hono<KitEnv>();
  const since = () => retentionStart(deps.clock.now(), deps.config.retention.feedbackDays);
  const load = async (id: string) => {
    const submission = SUBMISSION_ID.test(id) ? await readSubmission(deps.store, id, since()) : undefined;
    if (!submission) throw notFound('No such submission (or it is older than the retention period).');
    return submission;
  };
  app.use('*', requireStaff(deps.auth, 'moderator', 'admin'));

  app.get('/', async (c) => {
    const query = queryParams(c, submissionsQuery());
    const page = await listSubmissions(deps.store, { ...query, limit: query.limit ?? 50 }, since());
    c.header('Cache-Control', 'private, no-store');
    // `cursor` is the field's earlier, documented name, kept beside `nextCursor` for existing clients
    return c.json({ ...page, ...(page.nextCursor ? { cursor: page.nextCursor } : {}) });
  });

  app.get('/:id', async (c) => {
    const submission = await load(c.req.param('id'));
    const { state, etag } = await readState(deps.store, submission.id);
    const contact = submission.hasContact
      ? (await getJson<Contact>(deps.store, `${CONTACTS_PREFIX}${submission.id}.json`))?.value
      : undefined;
    const contactSince = retentionStart(deps.clock.now(), deps.config.retention.contactDays);
    const fresh = contact && new Date(contact.consentAt) >= contactSince ? contact : undefined;
    c.header('ETag', etag);
    c.header('Cache-Control', 'private, no-store');
    return c.json({ ...submission, moderation: state, contact: fresh ?? null });
  });

  app.patch('/:id', async (c) => {
    const ifMatch = requireIfMatch(c);
    const input = await jsonBody(c, change());
    const submission = await load(c.req.param('id'));
    const { state, etag } = await applyChange(ctx, submission, currentStaff(c), input, ifMatch);
    c.header('ETag', etag);
    return c.json({ ...submission, moderation: state });
  });

  app.delete('/:id/contact', async (c) => {
    const submission = await load(c.req.param('id'));
    const now = deps.clock.now();
    await deps.store.delete(`${CONTACTS_PREFIX}${submission.id}.json`);
    await logAction(
      deps.store,
      {
        at: toStockholmIso(now),
        by: currentStaff(c).sub,
        submission: submission.id,
        action: 'delete-contact',
        fields: ['contact'],
      },
      now,
    );
    return c.body(null, 204);
  });
  return app;
}
