import { Hono, type Context } from 'hono';
import * as z from 'zod';
import { queryParams } from '../../core/http/body.js';
import { bodyEtag, cachedResponse } from '../../core/http/cache.js';
import type { KitEnv } from '../../core/http/staff.js';
import { resolveLang } from '../../core/i18n.js';
import type { FeedbackContext } from '../context.js';
import { SummaryPage } from '../pages/summary-page.js';
import { quarterOf } from '../store/keys.js';
import { buildSummary, quartersInRetention, type Summary } from '../summary/build.js';
import { summaryCsv } from '../summary/csv.js';
import { readReleases } from '../summary/released.js';

/** The public summaries: the page, JSON and CSV (counts of released quarters only). */
export function summaryRoutes(ctx: FeedbackContext): Hono<KitEnv> {
  const app = new Hono<KitEnv>();
  // The page shows one quarter: the one asked for, else the latest with released counts.
  const periodsOf = async (c: Context<KitEnv>, fallback: 'latest' | 'all') => {
    const known = quartersInRetention(ctx);
    const query = queryParams(c, z.object({ period: z.enum(known as [string, ...string[]]).optional(), lang: z.string().optional() }));
    if (query.period) return { known, periods: [query.period] };
    if (fallback === 'all') return { known, periods: known };
    const released = (await readReleases(ctx.deps)).periods;
    return { known, periods: [known.find((q) => released[q]?.tables['feedback-received']) ?? quarterOf(ctx.deps.clock.now())] };
  };
  const etagOf = (summary: Summary, extra: string) => bodyEtag(JSON.stringify({ ...summary, generatedAt: undefined }) + extra);

  app.get('/api/feedback/summary', async (c) => {
    const summary = await buildSummary(ctx, (await periodsOf(c, 'all')).periods);
    return cachedResponse(c, JSON.stringify(summary), { etag: etagOf(summary, 'json') });
  });

  app.get('/api/feedback/summary.csv', async (c) => {
    const summary = await buildSummary(ctx, (await periodsOf(c, 'all')).periods);
    c.header('Content-Disposition', `attachment; filename="tyck-till-${ctx.deps.config.id}.csv"`);
    return cachedResponse(c, summaryCsv(summary, ctx.deps.config), {
      etag: etagOf(summary, 'csv'),
      contentType: 'text/csv; charset=utf-8',
    });
  });

  app.get('/tyck-till/sammanstallning', async (c) => {
    const { known, periods } = await periodsOf(c, 'latest');
    const summary = await buildSummary(ctx, periods);
    const lang = resolveLang(c);
    // the page carries a per-response CSP nonce, so it is cached briefly but not revalidated by ETag
    c.header('Cache-Control', 'public, max-age=60');
    return c.html(<SummaryPage config={ctx.deps.config} lang={lang} nonce={c.get('secureHeadersNonce')} summary={summary} known={known} />);
  });
  return app;
}
