import { Hono } from 'hono';
import { cachedResponse } from '../../core/http/cache.js';
import { badRequest } from '../../core/http/problem.js';
import type { KitEnv } from '../../core/http/staff.js';
import type { IndicatorsContext } from '../context.js';
import { TOTAL } from '../model/cells.js';
import { AREA_ORG } from '../query/observations.js';
import { assertReleased, filters, ONE_INDICATOR, scopeOf, viewerOf } from './common.js';

/**
 * Aggregates of one indicator: `/area` (the area total per period with coverage and method),
 * `/compare` (every organisation side by side for a period, default the latest) and `/series`
 * (a time series of one organisation or of the area).
 */
export function aggregateRoutes(ctx: IndicatorsContext) {
  const app = new Hono<KitEnv>();
  app.get('/area', async (c) => {
    const f = filters(c, ctx, ONE_INDICATOR);
    const viewer = await viewerOf(c, ctx);
    await assertReleased(ctx, viewer, f.period);
    const table = await ctx.table(f.indicator?.id as string, viewer);
    const items = table.area.filter((a) => !f.period || a.period === f.period);
    return cachedResponse(
      c,
      JSON.stringify({ indicator: table.indicator.id, unit: table.indicator.unit, available: table.available, items }),
      { scope: scopeOf(viewer) },
    );
  });
  app.get('/compare', async (c) => {
    const f = filters(c, ctx, ONE_INDICATOR);
    const viewer = await viewerOf(c, ctx);
    await assertReleased(ctx, viewer, f.period);
    const table = await ctx.table(f.indicator?.id as string, viewer);
    const period = f.period ?? table.periods.at(-1);
    const organizations = table.rows.filter((r) => r.period === period && (!f.organization || r.organization === f.organization));
    const area = table.area.find((a) => a.period === period);
    return cachedResponse(
      c,
      JSON.stringify({
        indicator: table.indicator.id,
        unit: table.indicator.unit,
        available: table.available,
        period: period ?? null,
        area: area ?? null,
        organizations,
      }),
      {
        scope: scopeOf(viewer),
      },
    );
  });
  app.get('/series', async (c) => {
    const f = filters(c, ctx, ONE_INDICATOR);
    if (f.period)
      throw badRequest([
        { field: 'period', message: 'A series covers every period; leave period out', sv: 'En tidsserie omfattar alla perioder' },
      ]);
    const viewer = await viewerOf(c, ctx);
    await assertReleased(ctx, viewer, f.period);
    const table = await ctx.table(f.indicator?.id as string, viewer);
    const org = f.organization ?? AREA_ORG;
    const points =
      org === AREA_ORG
        ? table.area.map((a) => ({
            period: a.period,
            ...(a.cells[TOTAL] ?? { value: null, status: 'not-reported' }),
            coverage: a.coverage,
            method: a.method,
          }))
        : table.rows
            .filter((r) => r.organization === org)
            .map((r) => ({ period: r.period, ...(r.cells[TOTAL] ?? { value: null, status: r.status }) }));
    return cachedResponse(
      c,
      JSON.stringify({ indicator: table.indicator.id, unit: table.indicator.unit, organization: org, available: table.available, points }),
      { scope: scopeOf(viewer) },
    );
  });
  return app;
}
