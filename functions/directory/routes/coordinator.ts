import { Hono } from 'hono';
import * as z from 'zod';
import { queryParams } from '../../core/http/body.js';
import { requireStaff, type KitEnv } from '../../core/http/staff.js';
import { TARGET_GROUPS } from '../../core/domain/vocabulary.js';
import type { DirectoryContext } from '../context.js';
import { termIds } from '../model/vocab.js';
import { agreementState } from '../views/agreement-state.js';
import { isStale, STALE_AFTER_DAYS } from '../views/public-service.js';
import { coverageGaps } from '../views/gaps.js';

/** Days ahead the coordinator's view of ending agreements looks. */
export const ENDING_WITHIN_DAYS = 90;

/** `/api/directory/coordinator/*`: the staff views of what needs attention. */
export function coordinatorRoutes(ctx: DirectoryContext) {
  const app = new Hono<KitEnv>();
  app.use('*', requireStaff(ctx.deps.auth, 'admin', 'editor'));
  const noStore = { 'Cache-Control': 'private, no-store' };

  app.get('/unverified', async (c) => {
    const { collection } = await ctx.load();
    const now = ctx.deps.clock.now();
    const pick = <T extends { id: string; status: string; verified?: { at: string } }>(
      kind: string,
      list: readonly T[],
      name: (e: T) => string,
    ) =>
      list
        .filter((e) => e.status !== 'retired' && isStale(e.verified?.at, now))
        .map((e) => ({ kind, id: e.id, name: name(e), verifiedAt: e.verified?.at ?? null }));
    const items = [
      ...pick('services', collection.services, (s) => s.name),
      ...pick('groups', collection.groups, (g) => g.name),
      ...pick('agreements', collection.agreements, (a) => a.title),
    ];
    return c.json({ days: STALE_AFTER_DAYS, total: items.length, items }, 200, noStore);
  });

  app.get('/agreements-ending', async (c) => {
    const { collection } = await ctx.load();
    const now = ctx.deps.clock.now();
    const items = collection.agreements
      .filter((a) => a.status !== 'retired')
      .map((a) => ({ ...a, ...agreementState(a, now) }))
      .filter((a) => a.daysLeft !== null && a.daysLeft >= 0 && a.daysLeft <= ENDING_WITHIN_DAYS)
      .sort((a, b) => (a.daysLeft ?? 0) - (b.daysLeft ?? 0));
    return c.json({ days: ENDING_WITHIN_DAYS, total: items.length, items }, 200, noStore);
  });

  const gapQuery = z.object({ targetGroup: z.enum(termIds(TARGET_GROUPS)).optional() });
  app.get('/gaps', async (c) => {
    const query = queryParams(c, gapQuery);
    const { collection } = await ctx.load();
    const items = coverageGaps(collection.services, ctx.deps.config, query.targetGroup);
    return c.json({ total: items.length, items }, 200, noStore);
  });
  return app;
}
