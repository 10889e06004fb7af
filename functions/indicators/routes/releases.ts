import { Hono } from 'hono';
import * as z from 'zod';
import { jsonBody } from '../../core/http/body.js';
import { cachedResponse } from '../../core/http/cache.js';
import { currentStaff, type KitEnv, requireStaff } from '../../core/http/staff.js';
import type { IndicatorsContext } from '../context.js';
import { canSee, comparePeriod } from '../release/compare.js';
import { frequencyOf } from '../release/deadline.js';
import { makeRelease } from '../release/make.js';
import { once } from '../../core/once.js';

const periodField = once(() =>
  z
    .string()
    .max(10)
    .refine((p) => frequencyOf(p) !== undefined, {
      message: 'Expected a period such as 2026, 2026-Q3 or 2026-03',
      params: { sv: 'Ange en period som 2026, 2026-Q3 eller 2026-03' },
    }),
);

/** The body of `POST /api/indicators/releases`. */
export const releaseInputSchema = once(() => z.strictObject({ period: periodField() }));

/**
 * `/api/indicators/releases`: the list of releases (public: period, revision, date), a new release
 * or revision of a period (admin, `POST {"period": "2026-Q3"}`), and per period what is reported
 * against what is released (staff; editors see their own organisation's reported figures).
 */
export function releaseRoutes(ctx: IndicatorsContext) {
  const app = new Hono<KitEnv>();
  app.get('/', async (c) => {
    const { releases } = await ctx.releases();
    return cachedResponse(c, JSON.stringify({ items: releases }), { maxAge: 60 });
  });
  app.post('/', requireStaff(ctx.deps.auth, 'admin'), async (c) => {
    const { period } = await jsonBody(c, releaseInputSchema(), 1024);
    const { release, record } = await makeRelease(ctx.deps, ctx, period, ctx.options);
    ctx.published.invalidate();
    const body = {
      period,
      revision: release.revision,
      releasedAt: release.releasedAt,
      hidden: record.hidden.length,
      cells: record.variables.length,
      optimal: record.optimal,
      minRangeWidth: record.minRangeWidth,
      log: record.log,
    };
    return c.json(body, 201, { 'Cache-Control': 'no-store' });
  });
  app.get('/:period', requireStaff(ctx.deps.auth, 'admin', 'editor'), async (c) => {
    const staff = currentStaff(c);
    const body = await comparePeriod(ctx, c.req.param('period'), canSee(staff));
    return cachedResponse(c, JSON.stringify(body), { scope: 'private', maxAge: 0 });
  });
  return app;
}
