import { Hono } from 'hono';
import type { KitEnv } from '../../core/http/staff.js';
import { resolveLang } from '../../core/i18n.js';
import type { FeedbackContext } from '../context.js';
import { buildSummary } from '../summary/build.js';
import { summaryRequest } from '../summary/periods.js';
import { SummaryPage } from './summary-page.js';

/** `GET /tyck-till/sammanstallning`: the public summary of one quarter. */
export function summaryPageRoutes(ctx: FeedbackContext): Hono<KitEnv> {
  const app = new Hono<KitEnv>();
  app.get('/', async (c) => {
    const { known, periods, source } = await summaryRequest(ctx, c, 'latest');
    const summary = buildSummary(ctx, periods, source);
    // the page carries a per-response CSP nonce, so it is cached briefly but not revalidated by ETag
    c.header('Cache-Control', 'public, max-age=60');
    return c.html(
      <SummaryPage config={ctx.deps.config} lang={resolveLang(c)} nonce={c.get('secureHeadersNonce')} summary={summary} known={known} />,
    );
  });
  return app;
}
