import { Hono } from 'hono';
import { cachedResponse } from '../../core/http/cache.js';
import type { KitEnv } from '../../core/http/staff.js';
import type { IndicatorsContext } from '../context.js';
import { cellKeysOf } from '../model/cells.js';
import { observationsOf, type Observation } from '../query/observations.js';
import { pageOf } from '../../core/http/paging.js';
import { assertReleased, filters, scopeOf, valuesCursor, viewerOf } from './common.js';
import { reportRoutes } from './reports.js';

/**
 * `/api/indicators/values`: observations in tidy form (`indicator`, `period`, `org` filters; one row
 * per organisation × period × cell with its status), published for the public and raw for staff
 * with rights. `/{indicator}/{period}/{org}` is one organisation's report (staff).
 */
export function valuesRoutes(ctx: IndicatorsContext) {
  const app = new Hono<KitEnv>();
  app.get('/', async (c) => {
    const f = filters(c, ctx, { allowArea: true });
    const viewer = await viewerOf(c, ctx);
    await assertReleased(ctx, viewer, f.period);
    const defs = f.indicator ? [f.indicator] : ctx.definitions;
    const rows: Observation[] = [];
    for (const def of defs) {
      const table = await ctx.table(def.id, viewer);
      rows.push(...observationsOf(table, cellKeysOf(def, ctx.categories), { period: f.period, organization: f.organization }));
    }
    const page = pageOf(rows, f.offset, f.limit, valuesCursor);
    return cachedResponse(c, JSON.stringify({ total: rows.length, ...page }), { scope: scopeOf(viewer), maxAge: 60 });
  });
  app.route('/', reportRoutes(ctx));
  return app;
}
