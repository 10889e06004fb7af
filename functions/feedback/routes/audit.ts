import { Hono } from 'hono';
import * as z from 'zod';
import { queryParams } from '../../core/http/body.js';
import { badRequest } from '../../core/http/problem.js';
import { requireStaff, type KitEnv } from '../../core/http/staff.js';
import { getJson } from '../../core/store/json.js';
import { decodeCursor } from '../../core/store/store.js';
import type { FeedbackContext } from '../context.js';
import type { AuditEntry } from '../moderation/state.js';
import { AUDIT_PREFIX } from '../store/keys.js';

/** `GET /api/feedback/audit`: the moderators' actions, oldest first, paged by cursor (moderator). */
export function auditRoutes(ctx: FeedbackContext): Hono<KitEnv> {
  const { deps } = ctx;
  const app = new Hono<KitEnv>();
  app.get('/api/feedback/audit', requireStaff(deps.auth, 'moderator', 'admin'), async (c) => {
    const { cursor, limit } = queryParams(
      c,
      z.object({ cursor: z.string().max(1000).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }),
    );
    try {
      if (cursor !== undefined && !decodeCursor(cursor).startsWith(AUDIT_PREFIX)) throw new TypeError('foreign cursor');
    } catch {
      throw badRequest([{ field: 'cursor', message: 'Malformed cursor', sv: 'Ogiltig markör' }]);
    }
    const page = await deps.store.list(AUDIT_PREFIX, { cursor, limit });
    const items = await Promise.all(page.items.map(async (i) => (await getJson<AuditEntry>(deps.store, i.key))?.value));
    c.header('Cache-Control', 'private, no-store');
    return c.json({ items: items.filter(Boolean), ...(page.cursor ? { cursor: page.cursor } : {}) });
  });
  return app;
}
