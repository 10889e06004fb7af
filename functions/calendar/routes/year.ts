import { Hono } from 'hono';
import { queryParams } from '../../core/http/body.js';
import { cachedResponse } from '../../core/http/cache.js';
import type { KitEnv } from '../../core/http/staff.js';
import { toStockholmIso } from '../../core/i18n.js';
import type { CalendarContext } from '../context.js';
import { publishedEvents } from '../data/published.js';
import { yearQuery, yearView } from '../model/year.js';

/** `/api/calendar/year?year=2026`: the kompetenshjul as JSON, with the topics that have nothing planned. */
export function yearRoutes(ctx: CalendarContext): Hono<KitEnv> {
  const app = new Hono<KitEnv>();
  app.get('/', async (c) => {
    const year = queryParams(c, yearQuery()).year ?? Number(toStockholmIso(ctx.deps.clock.now()).slice(0, 4));
    const view = yearView(ctx.deps.config, (await publishedEvents(ctx)).events, year);
    const body = {
      year,
      topics: view.rows.map((r) => ({ topic: r.topic.id, months: r.months.map((m) => m.map((e) => e.id)), total: r.total })),
      gaps: view.gaps.map((g) => g.id),
    };
    return cachedResponse(c, JSON.stringify(body), { maxAge: 300 });
  });
  return app;
}
