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
import { FEEDBACK_INDICATOR } from '../summary/released.js';

/** The query of the summaries: a quarter within the retention period (`known`). */
export const summaryQuery = (known: readonly string[]) =>
  z.object({ period: z.enum(known as [string, ...string[]]).optional(), lang: z.string().optional() });

/** The public summaries: the page, JSON and CSV (counts of released quarters only). */
export function summaryRoutes(ctx: FeedbackContext): Hono<KitEnv> {
  const app = new Hono<KitEnv>();
  // The page shows one quarter: the one asked for, else the latest with released counts.
  // Every summary reads one snapshot object (see summary/snapshot.ts), never the submissions.
  const periodsOf = async (c: Context<KitEnv>, fallback: 'latest' | 'all') => {
    const known = quartersInRetention(ctx);
    const query = queryParams(c, summaryQuery(known));
    const source = await ctx.summarySource();
    if (query.period) return { known, periods: [query.period], source };
    if (fallback === 'all') return { known, periods: known, source };
    const released = source.published.periods;
    const latest = known.find((q) => released[q]?.tables[FEEDBACK_INDICATOR]) ?? quarterOf(ctx.deps.clock.now());
    return { known, periods: [latest], source };
  };
  const etagOf = (summary: Summary, extra: string) => bodyEtag(JSON.stringify({ ...summary, generatedAt: undefined }) + extra);

  app.get('/api/feedback/summary', async (c) => {
    const { periods, source } = await periodsOf(c, 'all');
    const summary = buildSummary(ctx, periods, source);
    return cachedResponse(c, JSON.stringify(summary), { etag: etagOf(summary, 'json') });
  });

  app.get('/api/feedback/summary.csv', async (c) => {
    const { periods, source } = await periodsOf(c, 'all');
    const summary = buildSummary(ctx, periods, source);
    c.header('Content-Disposition', `attachment; filename="tyck-till-${ctx.deps.config.id}.csv"`);
    return cachedResponse(c, summaryCsv(summary, ctx.deps.config), {
      etag: etagOf(summary, 'csv'),
      contentType: 'text/csv; charset=utf-8',
    });
  });

  app.get('/tyck-till/sammanstallning', async (c) => {
    const { known, periods, source } = await periodsOf(c, 'latest');
    const summary = buildSummary(ctx, periods, source);
    const lang = resolveLang(c);
    // the page carries a per-response CSP nonce, so it is cached briefly but not revalidated by ETag
    c.header('Cache-Control', 'public, max-age=60');
    return c.html(<SummaryPage config={ctx.deps.config} lang={lang} nonce={c.get('secureHeadersNonce')} summary={summary} known={known} />);
  });
  return app;
}
