import { Hono, type Context } from 'hono';
import { cachedResponse } from '../../core/http/cache.js';
import { badRequest } from '../../core/http/problem.js';
import type { KitEnv } from '../../core/http/staff.js';
import type { IndicatorsContext } from '../context.js';
import { definitionsCsv, exportCsv } from '../csv/export.js';
import type { CsvLocale } from '../../core/csv/index.js';
import { cellKeysOf } from '../model/cells.js';
import { observationsOf, type Observation } from '../query/observations.js';
import { samplePeriods } from '../release/sample.js';
import { assertReleased, filters, scopeOf, viewerOf } from './common.js';

/** `samplePeriods` for the JSON export when any released period is sample data. */
async function sampleOf(ctx: IndicatorsContext): Promise<{ samplePeriods?: string[] }> {
  const periods = samplePeriods(await ctx.releases());
  return periods.length ? { samplePeriods: periods } : {};
}

function csvLocale(c: Context): CsvLocale {
  const locale = c.req.query('locale') ?? 'sv';
  if (locale !== 'sv' && locale !== 'en') throw badRequest([{ field: 'locale', message: 'Expected sv or en', sv: 'Ange sv eller en' }]);
  return locale;
}

async function observations(c: Context, ctx: IndicatorsContext) {
  const f = filters(c, ctx);
  const viewer = await viewerOf(c, ctx);
  await assertReleased(ctx, viewer, f.period);
  const rows: Observation[] = [];
  for (const def of f.indicator ? [f.indicator] : ctx.definitions) {
    const table = await ctx.table(def.id, viewer);
    rows.push(...observationsOf(table, cellKeysOf(def, ctx.categories), { period: f.period, organization: f.organization }));
  }
  return { rows, viewer };
}

/**
 * `/export.csv` (Swedish Excel: BOM, `;`, decimal comma; `locale=en` for `,` and decimal point) and
 * `/export.json` (tidy observations in the manner of SDMX: one row per observation with its
 * dimensions, value and status). Published figures for the public, raw for staff with rights.
 */
export function exportRoutes(ctx: IndicatorsContext) {
  const app = new Hono<KitEnv>();
  app.get('/export.csv', async (c) => {
    const locale = csvLocale(c);
    const { rows, viewer } = await observations(c, ctx);
    const csv = exportCsv(ctx.deps.config, ctx.definitions, rows, locale, new Set(samplePeriods(await ctx.releases())));
    const c2 = cachedResponse(c, csv, { contentType: 'text/csv; charset=utf-8', scope: scopeOf(viewer) });
    c2.headers.set('Content-Disposition', `attachment; filename="uppfoljning-${ctx.deps.config.id}${locale === 'en' ? '-en' : ''}.csv"`);
    return c2;
  });
  const definitions = { sv: definitionsCsv(ctx.definitions, 'sv'), en: definitionsCsv(ctx.definitions, 'en') };
  app.get('/definitions.csv', (c) => {
    const locale = csvLocale(c);
    const res = cachedResponse(c, definitions[locale], { contentType: 'text/csv; charset=utf-8', maxAge: 300 });
    res.headers.set(
      'Content-Disposition',
      `attachment; filename="uppfoljning-definitioner-${ctx.deps.config.id}${locale === 'en' ? '-en' : ''}.csv"`,
    );
    return res;
  });
  app.get('/export.json', async (c) => {
    const f = filters(c, ctx);
    const { rows, viewer } = await observations(c, ctx);
    const body = {
      structure: {
        dimensions: ['indicator', 'organization', 'period', 'breakdown', 'category'],
        measure: 'value',
        attributes: ['status', 'unit', 'method', 'coverage'],
        statuses: {
          reported: 'A figure (zero is a figure)',
          'not-reported': 'The organisation has not reported',
          suppressed: 'Hidden to protect persons (value null)',
          'not-applicable': 'Does not apply to the organisation',
          'not-yet-available': 'Derived from a service that has no data yet',
        },
      },
      indicators: (f.indicator ? [f.indicator] : ctx.definitions).map((d) => ({
        id: d.id,
        sv: d.sv,
        en: d.en,
        unit: d.unit,
        aggregate: d.aggregate,
        frequency: d.frequency,
        counting: d.counting,
        koladaKpi: d.koladaKpi ?? null,
        definition: d.definition ?? null,
      })),
      observations: rows,
      // released periods made from sample data (npm run demo): not real figures
      ...(await sampleOf(ctx)),
    };
    return cachedResponse(c, JSON.stringify(body), { scope: scopeOf(viewer) });
  });
  return app;
}
