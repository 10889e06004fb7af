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
import { isOverdue } from '../views/plans.js';
import { once } from '../../core/once.js';

/** Days ahead the coordinator's view of ending agreements looks. */
export const ENDING_WITHIN_DAYS = 90;

/** The nearest of an agreement's end and review date, in days from today. */
function soonest(a: { daysLeft: number | null; reviewDaysLeft: number | null }): number {
  return Math.min(...[a.daysLeft, a.reviewDaysLeft].filter((d): d is number => d !== null && d >= 0));
}

/** The query of `GET /api/directory/coordinator/gaps`. */
export const gapQuery = once(() => z.object({ targetGroup: z.enum(termIds(TARGET_GROUPS)).optional() }));

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

  // agreements whose end or review date falls within the window, soonest first, each with why it is listed
  app.get('/agreements-ending', async (c) => {
    const { collection } = await ctx.load();
    const now = ctx.deps.clock.now();
    const near = (days: number | null) => days !== null && days >= 0 && days <= ENDING_WITHIN_DAYS;
    const items = collection.agreements
      .filter((a) => a.status !== 'retired')
      .map((a) => ({ ...a, ...agreementState(a, now) }))
      .map((a) => ({ ...a, reasons: [...(near(a.daysLeft) ? ['ends'] : []), ...(near(a.reviewDaysLeft) ? ['review'] : [])] }))
      .filter((a) => a.reasons.length > 0)
      .sort((a, b) => soonest(a) - soonest(b));
    return c.json({ days: ENDING_WITHIN_DAYS, total: items.length, items }, 200, noStore);
  });

  // agreements in force or being written that have no goals ("mål och mått") to follow up
  app.get('/agreements-without-goals', async (c) => {
    const { collection } = await ctx.load();
    const now = ctx.deps.clock.now();
    const items = collection.agreements
      .filter((a) => a.status !== 'retired' && a.goals.length === 0)
      .map((a) => ({ ...a, ...agreementState(a, now) }))
      .filter((a) => !a.expired && a.phase !== 'upphort')
      .sort((a, b) => a.title.localeCompare(b.title, 'sv'));
    return c.json({ total: items.length, items }, 200, noStore);
  });

  // every overdue item of every plan in the area, the longest overdue first
  app.get('/overdue-items', async (c) => {
    const { collection } = await ctx.load();
    const now = ctx.deps.clock.now();
    const items = collection.plans
      .filter((p) => p.status !== 'retired')
      .flatMap((p) => p.items.filter((i) => isOverdue(i, now)).map((i) => ({ planId: p.id, planTitle: p.title, ...i })))
      .sort((a, b) => (a.deadline ?? '').localeCompare(b.deadline ?? ''));
    return c.json({ total: items.length, items }, 200, noStore);
  });

  app.get('/gaps', async (c) => {
    const query = queryParams(c, gapQuery());
    const { collection } = await ctx.load();
    const items = coverageGaps(collection.services, ctx.deps.config, query.targetGroup);
    return c.json({ total: items.length, items }, 200, noStore);
  });
  return app;
}
