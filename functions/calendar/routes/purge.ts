import { Hono } from 'hono';
import { requireStaff, type KitEnv } from '../../core/http/staff.js';
import type { CalendarContext } from '../context.js';
import { purgeExpired } from '../data/purge.js';

/**
 * `POST /api/calendar/purge` (admin): delete registrations past retention now. The hourly
 * housekeeping schedule does the same off the request path; this is for an admin who cannot wait.
 */
export function purgeRoutes(ctx: CalendarContext): Hono<KitEnv> {
  const app = new Hono<KitEnv>();
  app.post('/', requireStaff(ctx.deps.auth, 'admin'), async (c) => {
    const purged = await purgeExpired(ctx);
    return c.json({ purged });
  });
  return app;
}
