import { Hono } from 'hono';
import { requireStaff, type KitEnv } from '../../core/http/staff.js';
import type { CalendarContext } from '../context.js';
import { attendanceRows } from '../data/summary.js';
import { publishedEvents } from '../data/published.js';

/** `GET /api/calendar/attendance` (staff): confirmed registrations per organisation, quarter and topic. */
export function attendanceRoutes(ctx: CalendarContext): Hono<KitEnv> {
  const app = new Hono<KitEnv>();
  app.get('/', requireStaff(ctx.deps.auth, 'admin', 'editor'), async (c) => {
    const { summaries } = await publishedEvents(ctx);
    c.header('Cache-Control', 'private, no-store');
    return c.json({ items: attendanceRows(summaries) });
  });
  return app;
}
