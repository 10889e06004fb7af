import { Hono } from 'hono';
import { assertCsvBody, jsonBody, readBody } from '../../core/http/body.js';
import { cachedResponse } from '../../core/http/cache.js';
import { requireIfMatch } from '../../core/http/preconditions.js';
import { notFound, ProblemError } from '../../core/http/problem.js';
import { currentStaff, type KitEnv, requireStaff } from '../../core/http/staff.js';
import type { Staff } from '../../core/auth/auth.js';
import type { DirectoryContext } from '../context.js';
import { changeEntry, entryEtag, NothingChanged, stampOf } from '../data/editing.js';
import { knownOrgs } from '../data/orgs.js';
import { itemUpdateSchema, planInputSchema, type ActionPlan, type ItemUpdate, type PlanInput } from '../model/plan.js';
import { planItemsCsv, readPlanItemsCsv } from '../plans/csv.js';
import { assertOwnItems, checkPlanInput, checkPlanLinks, presentPlan } from '../views/plans.js';
import { entryRoutes, findEntry } from './entry-routes.js';

/** Largest plan CSV accepted (bytes). */
const MAX_PLAN_CSV_BYTES = 512 * 1024;

/**
 * Move one item of a plan on (status, and a dated note added): only the item's responsible
 * organisation (or admin) may, and only on the plan version `ifMatch` (else 412 with the stored one).
 */
export async function updatePlanItem(
  ctx: DirectoryContext,
  staff: Staff,
  planId: string,
  itemId: string,
  ifMatch: string,
  update: ItemUpdate,
): Promise<ActionPlan> {
  const { collection } = await ctx.load();
  const plan = findEntry<ActionPlan>(collection, 'plans', planId);
  if (!plan.items.some((i) => i.id === itemId)) throw notFound('No such item in this plan.');
  const responsibleOf = (p: ActionPlan) => p.items.filter((i) => i.id === itemId).map((i) => i.responsible);
  return changeEntry<ActionPlan>(
    ctx,
    'plans',
    plan.id,
    ifMatch,
    staff,
    responsibleOf,
    (current) => ({
      ...current,
      items: current.items.map((item) =>
        item.id === itemId ? { ...item, status: update.status, notes: update.note ? [...item.notes, update.note] : item.notes } : item,
      ),
      updated: stampOf(ctx, staff),
    }),
    'update',
    undefined,
    (p) => presentPlan(p, ctx.deps.clock.now()),
  );
}

/**
 * `/api/directory/plans`: action plans of agreements and groups. The owner's editors change a plan
 * as a whole; the responsible organisation's editors move their own items on.
 */
export function plansRoutes(ctx: DirectoryContext) {
  const app = new Hono<KitEnv>();
  const known = knownOrgs(ctx.deps.config);
  const staffOnly = requireStaff(ctx.deps.auth, 'admin', 'editor');

  app.get('/', async (c) => {
    const { collection } = await ctx.load();
    const now = ctx.deps.clock.now();
    const plans = collection.plans.filter((p) => p.status !== 'retired').map((p) => presentPlan(p, now));
    return cachedResponse(c, JSON.stringify({ total: plans.length, items: plans }));
  });

  // an item's own organisation updates its status and adds a dated note; If-Match is the plan's ETag
  app.put('/:id/items/:itemId', staffOnly, async (c) => {
    const staff = currentStaff(c);
    const ifMatch = requireIfMatch(c);
    const update = await jsonBody(c, itemUpdateSchema());
    const written = await updatePlanItem(ctx, staff, c.req.param('id'), c.req.param('itemId'), ifMatch, update);
    return c.json(written, 200, { ETag: entryEtag(written) });
  });

  app.get('/:id/items.csv', async (c) => {
    const { collection } = await ctx.load();
    const plan = findEntry<ActionPlan>(collection, 'plans', c.req.param('id'));
    return cachedResponse(c, planItemsCsv(plan.items), { contentType: 'text/csv; charset=utf-8' });
  });

  // the plan's items replaced from a CSV file: all rows or none; If-Match is the plan's ETag
  app.post('/:id/items.csv', staffOnly, async (c) => {
    const staff = currentStaff(c);
    const ifMatch = requireIfMatch(c);
    assertCsvBody(c);
    await readBody(c, MAX_PLAN_CSV_BYTES);
    const bytes = await c.req.arrayBuffer();
    let written: ActionPlan | undefined;
    try {
      written = await changeEntry<ActionPlan>(
        ctx,
        'plans',
        c.req.param('id'),
        ifMatch,
        staff,
        (p) => [p.owner],
        (current) => {
          const { items, errors, rows } = readPlanItemsCsv(bytes, current.items, known);
          if (errors.length)
            throw new ProblemError({
              status: 400,
              title: 'Filen har fel och har inte lästs in',
              detail: `${errors.length} error(s); nothing was stored.`,
              errors: errors.slice(0, 50).map((e) => ({
                field: `row ${e.row}, column ${e.column}`,
                message: e.message,
                sv: `Rad ${e.row}, kolumn ${e.column}: ${e.sv}`,
              })),
              extensions: { errorCount: errors.length },
            });
          // rows as a spreadsheet shows them; a removed item has no row, so its id names it
          assertOwnItems(staff, current.items, items, (index, id) => (index === undefined ? `id ${id}` : `row ${rows[index]}`));
          // a file equal to the stored items (e.g. an export opened and saved) writes nothing and adds no history
          if (JSON.stringify(items) === JSON.stringify(current.items)) throw new NothingChanged();
          return { ...current, items, updated: stampOf(ctx, staff) };
        },
        'import',
        undefined,
        (p) => presentPlan(p, ctx.deps.clock.now()),
      );
    } catch (error) {
      if (!(error instanceof NothingChanged)) throw error;
    }
    if (!written) {
      const { collection } = await ctx.load();
      const plan = findEntry<ActionPlan>(collection, 'plans', c.req.param('id'));
      return c.json(plan, 200, { ETag: entryEtag(plan) });
    }
    return c.json(written, 200, { ETag: entryEtag(written) });
  });

  app.route(
    '/',
    entryRoutes<PlanInput, ActionPlan>(ctx, {
      kind: 'plans',
      schema: planInputSchema,
      orgsOf: (p) => [p.owner],
      check: (input) => checkPlanInput(input, known),
      checkWith: checkPlanLinks,
      present: (p, now) => presentPlan(p, now),
      parts: ['items'],
      guard: (staff, before, after) => assertOwnItems(staff, before.items, after.items),
    }),
  );
  return app;
}
