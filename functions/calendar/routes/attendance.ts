import { Hono } from 'hono';
import { requireStaff, type KitEnv } from '../../core/http/staff.js';
import type { CalendarContext } from '../context.js';
import { attendanceRows } from '../data/summary.js';
import { publishedEvents } from '../data/published.js';
import { purgeExpired } from '../data/purge.js';

/** `/api/calendar/attendance` (staff): confirmed registrations per organisation, quarter and topic; `/api/calendar/purge` (admin). */
export function attendanceRoutes(ctx: CalendarContext): Hono<KitEnv> {
  const app = new Hono<KitEnv>();
  const staff = requireStaff(ctx.deps.auth, 'admin', 'editor');
  app.get('/attendance', staff, async (c) => {
    const { summaries } = await publishedEvents(ctx);
    c.header('Cache-Control', 'private, no-store');
    return c.json({ items: attendanceRows(summaries) });
  });
  app.post('/purge', requireStaff(ctx.deps.auth, 'admin'), async (c) => {
    const purged = await purgeExpired(ctx);
    return c.json({ purged });
  });
  return app;
}
