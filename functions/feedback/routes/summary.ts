import { Hono } from 'hono';
import { bodyEtag, cachedResponse } from '../../core/http/cache.js';
import type { KitEnv } from '../../core/http/staff.js';
import type { FeedbackContext } from '../context.js';
import { buildSummary, type Summary } from '../summary/build.js';
import { summaryCsv } from '../summary/csv.js';
import { summaryRequest } from '../summary/periods.js';

const etagOf = (summary: Summary, extra: string) => bodyEtag(JSON.stringify({ ...summary, generatedAt: undefined }) + extra);

/** `GET /summary` and `/summary.csv` under `/api/feedback`: counts of released quarters only. */
export function summaryRoutes(ctx: FeedbackContext): Hono<KitEnv> {
  const app = new Hono<KitEnv>();

  app.get('/summary', async (c) => {
    const { periods, source } = await summaryRequest(ctx, c, 'all');
    const summary = buildSummary(ctx, periods, source);
    return cachedResponse(c, JSON.stringify(summary), { etag: etagOf(summary, 'json') });
  });

  app.get('/summary.csv', async (c) => {
    const { periods, source } = await summaryRequest(ctx, c, 'all');
    const summary = buildSummary(ctx, periods, source);
    c.header('Content-Disposition', `attachment; filename="tyck-till-${ctx.deps.config.id}.csv"`);
    return cachedResponse(c, summaryCsv(summary, ctx.deps.config), {
      etag: etagOf(summary, 'csv'),
      contentType: 'text/csv; charset=utf-8',
    });
  });
  return app;
}
