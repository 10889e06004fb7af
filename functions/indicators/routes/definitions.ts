import { Hono } from 'hono';
import { cachedResponse } from '../../core/http/cache.js';
import type { KitEnv } from '../../core/http/staff.js';
import type { IndicatorsContext } from '../context.js';
import { DIMENSION_LABELS } from '../model/cells.js';

/** `/api/indicators/definitions`: the area's indicators with their definitions, counting rules, breakdown categories, suppression thresholds and area goals. */
export function definitionsRoutes(ctx: IndicatorsContext) {
  const app = new Hono<KitEnv>();
  const body = JSON.stringify({
    items: ctx.definitions.map((d) => ({
      ...d,
      breakdown: d.breakdown.map((dimension) => ({ dimension, ...DIMENSION_LABELS[dimension], categories: ctx.categories[dimension] })),
      goals: ctx.deps.config.indicators.goals.filter((g) => g.indicator === d.id).map(({ indicator: _, ...goal }) => goal),
    })),
  });
  app.get('/', (c) => cachedResponse(c, body, { maxAge: 300 }));
  return app;
}
