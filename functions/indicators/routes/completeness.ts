import { Hono } from 'hono';
import { cachedResponse } from '../../core/http/cache.js';
import { requireStaff, type KitEnv } from '../../core/http/staff.js';
import type { IndicatorsContext } from '../context.js';
import { lastCompletedPeriod } from '../model/period.js';
import { reportingOrganisations } from '../query/raw.js';

/** `/api/indicators/completeness` (staff): per indicator, who has and has not reported the last completed period. */
export function completenessRoutes(ctx: IndicatorsContext) {
  const app = new Hono<KitEnv>();
  app.get('/', requireStaff(ctx.deps.auth, 'admin', 'editor'), async (c) => {
    const snapshot = await ctx.cache.load();
    const now = ctx.deps.clock.now();
    const items = ctx.definitions
      .filter((d) => !d.derived)
      .map((def) => {
        const period = lastCompletedPeriod(def.frequency, now);
        const expected = reportingOrganisations(def, ctx.deps.config);
        const done = new Map(
          snapshot.reports.filter((r) => r.indicator === def.id && r.period === period).map((r) => [r.organization, r.current.status]),
        );
        return {
          indicator: def.id,
          period,
          expected: expected.length,
          reported: expected.filter((o) => done.get(o) === 'reported'),
          notApplicable: expected.filter((o) => done.get(o) === 'not-applicable'),
          missing: expected.filter((o) => !done.has(o)),
        };
      });
    return cachedResponse(c, JSON.stringify({ items }), { scope: 'private', maxAge: 0 });
  });
  return app;
}
