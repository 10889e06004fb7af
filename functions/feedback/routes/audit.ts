import { Hono } from 'hono';
import * as z from 'zod';
import { queryParams } from '../../core/http/body.js';
import { requireStaff, type KitEnv } from '../../core/http/staff.js';
import { getJson } from '../../core/store/json.js';
import { cursorCodec, listQuery } from '../../core/http/paging.js';
import { decodeCursor, encodeCursor } from '../../core/store/store.js';
import type { FeedbackContext } from '../context.js';
import type { AuditEntry } from '../moderation/state.js';
import { AUDIT_PREFIX } from '../data/keys.js';
import { once } from '../../core/once.js';

/** The cursor of the audit list: the key of the last action shown. */
const auditCursor = cursorCodec('feedback-audit', () => z.string().startsWith(AUDIT_PREFIX));

/** The query of `GET /api/feedback/audit`. */
export const auditQuery = once(() => z.object(listQuery(500)));

/** `GET /api/feedback/audit`: the moderators' actions, oldest first, paged by cursor (moderator). */
export function auditRoutes(ctx: FeedbackContext): Hono<KitEnv> {
  const { deps } = ctx;
  const app = new Hono<KitEnv>();
  app.get('/', requireStaff(deps.auth, 'moderator', 'admin'), async (c) => {
    const { cursor, limit = 100 } = queryParams(c, auditQuery());
    const after = auditCursor.decode(cursor);
    const page = await deps.store.list(AUDIT_PREFIX, { cursor: after === undefined ? undefined : encodeCursor(after), limit });
    const items = await Promise.all(page.items.map(async (i) => (await getJson<AuditEntry>(deps.store, i.key))?.value));
    c.header('Cache-Control', 'private, no-store');
    const next = page.cursor ? auditCursor.encode(decodeCursor(page.cursor)) : undefined;
    // `cursor` is the field's earlier, documented name, kept beside `nextCursor` for existing clients
    return c.json({ items: items.filter(Boolean), ...(next ? { nextCursor: next, cursor: next } : {}) });
  });
  return app;
}
