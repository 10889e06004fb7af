import { Hono } from 'hono';
import type { Context } from 'hono';
import { notFound } from '../../core/http/problem.js';
import type { KitEnv } from '../../core/http/staff.js';
import { agreementGoalsContract } from '../../core/contracts/agreement-goals.js';
import { contractReader } from '../../core/contracts/reader.js';
import { resolveLang, t, toStockholmIso } from '../../core/i18n.js';
import { Layout } from '../../core/page/layout.js';
import type { IndicatorsContext } from '../context.js';
import { agreementGoalsFor } from '../model/goals.js';
import { isPeriod } from '../model/period.js';
import { NationalComparison } from '../national/view.js';
import { NationalCache } from '../national/store.js';
import { IndicatorPage } from './indicator-page.js';
import { Overview } from './overview.js';
import { MunicipalityPage } from './residence.js';
import { NotReleased, SampleNote } from './release-note.js';

const PUBLIC: { kind: 'public' } = { kind: 'public' };

/** Pages carry a per-response CSP nonce, so they get a short shared-cache lifetime instead of an ETag. */
const page = (c: Context, html: string, status: 200 | 404 = 200) =>
  c.html(html, status, { 'Cache-Control': 'public, max-age=60', Vary: 'Cookie' });

/** `/uppfoljning`, `/uppfoljning/{indicator}` and `/uppfoljning/kommun/{code}`: the public pages (always published figures, whoever asks). */
export function indicatorPages(ctx: IndicatorsContext) {
  const app = new Hono<KitEnv>();
  const { config } = ctx.deps;
  // national figures change once a year: revalidated 40 times less often than the releases (10 minutes by default)
  const national = new NationalCache(ctx.deps.store, ctx.deps.log, ctx.options.monotonicNow, (ctx.options.cacheWindowMs ?? 15_000) * 40);
  // the directory's agreements and their goals change seldom: as long a window as the national figures
  const agreements = contractReader(agreementGoalsContract, [], {
    store: ctx.deps.store,
    log: ctx.deps.log,
    now: ctx.options.monotonicNow ?? (() => performance.now()),
    windowMs: (ctx.options.cacheWindowMs ?? 15_000) * 40,
  });
  app.get('/', async (c) => {
    const lang = resolveLang(c);
    const tables = await ctx.tables(PUBLIC);
    const published = await ctx.releases();
    const title = t(lang, { sv: 'Uppföljning', en: 'Follow-up' });
    const html = await (
      <Layout config={config} lang={lang} title={title} path="/uppfoljning" current="indicators" nonce={c.get('secureHeadersNonce')}>
        <SampleNote published={published} lang={lang} />
        <Overview config={config} lang={lang} tables={tables} published={published} />
      </Layout>
    ).toString();
    return page(c, html);
  });
  app.get('/kommun/:code', async (c) => {
    const lang = resolveLang(c);
    const code = c.req.param('code');
    const name = config.municipalities.find((m) => m.code === code)?.name;
    if (!name) throw notFound('No such municipality in this area.');
    const tables = await ctx.tables(PUBLIC);
    const html = await (
      <Layout
        config={config}
        lang={lang}
        title={name}
        path={`/uppfoljning/kommun/${code}`}
        current="indicators"
        nonce={c.get('secureHeadersNonce')}
      >
        <MunicipalityPage config={config} lang={lang} code={code} tables={tables} />
      </Layout>
    ).toString();
    return page(c, html);
  });
  app.get('/:indicator', async (c) => {
    const lang = resolveLang(c);
    const def = ctx.definition(c.req.param('indicator'));
    if (!def) throw notFound('No such indicator.');
    const asked = c.req.query('period');
    const period = asked && isPeriod(asked, def.frequency) ? asked : undefined;
    const table = await ctx.table(def.id, PUBLIC);
    const published = await ctx.releases();
    const stats = def.koladaKpi ? await national.load() : undefined;
    const today = toStockholmIso(ctx.deps.clock.now()).slice(0, 10);
    const agreementGoals = agreementGoalsFor(await agreements(), def.id, today);
    const unreleased = period !== undefined && !table.periods.includes(period);
    const html = await (
      <Layout
        config={config}
        lang={lang}
        title={t(lang, def)}
        path={`/uppfoljning/${def.id}`}
        current="indicators"
        nonce={c.get('secureHeadersNonce')}
      >
        <SampleNote published={published} lang={lang} />
        {unreleased ? <NotReleased period={period} lang={lang} /> : null}
        <IndicatorPage
          config={config}
          lang={lang}
          table={table}
          period={period}
          categories={ctx.categories}
          published={published}
          agreementGoals={agreementGoals}
        />
        {stats ? <NationalComparison config={config} lang={lang} table={table} stats={stats} /> : null}
      </Layout>
    ).toString();
    return page(c, html, unreleased ? 404 : 200);
  });
  return app;
}
