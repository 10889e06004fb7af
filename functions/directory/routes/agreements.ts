import { Hono } from 'hono';
import * as z from 'zod';
import { queryParams } from '../../core/http/body.js';
import { cachedResponse } from '../../core/http/cache.js';
import type { KitEnv } from '../../core/http/staff.js';
import type { DirectoryContext } from '../context.js';
import { pageOf } from '../../core/http/paging.js';
import { agreementsCursor, listParams } from '../data/cursor.js';
import { knownOrgs } from '../data/orgs.js';
import { agreementInputSchema, type Agreement, type AgreementInput } from '../model/group.js';
import { agreementState } from '../views/agreement-state.js';
import { checkAgreementGroups, checkAgreementInput, checkLifecycleKept, guardParties, indicatorIds } from '../views/agreements.js';
import { entryRoutes, type EntryResource } from './entry-routes.js';

/** How agreements are checked, owned (by their parties) and shown; the API and the staff pages share it. */
export function agreementResource(ctx: DirectoryContext): EntryResource<AgreementInput, Agreement> {
  const codes = new Set(knownOrgs(ctx.deps.config));
  const indicators = indicatorIds(ctx.deps.config);
  return {
    kind: 'agreements',
    schema: agreementInputSchema,
    orgsOf: (a) => a.parties,
    check: (input) => checkAgreementInput(input, codes, indicators),
    checkWith: (agreement, collection) => {
      checkLifecycleKept(agreement, collection);
      checkAgreementGroups(agreement, collection);
    },
    parts: ['parties', 'partyRoles', 'lifecycle', 'goals', 'groups'],
    guard: guardParties,
    present: (a, now) => ({ ...a, ...agreementState(a, now) }),
  };
}

/** The query of `GET /api/directory/agreements`; `codes` are the organisations of the area. */
export function agreementQuerySchema(codes: ReadonlySet<string>) {
  return z.object({
    expiringWithinDays: z
      .string()
      .regex(/^\d{1,4}$/, 'Whole days 0–3650')
      .transform(Number)
      .pipe(z.number().max(3650))
      .optional(),
    expired: z.enum(['true', 'false']).optional(),
    party: z
      .string()
      .refine((p) => codes.has(p), 'Not an organisation of this area')
      .optional(),
    ...listParams(),
  });
}

/** `/api/directory/agreements`: agreements, those ending within N days, those expired; staff edit them. */
export function agreementsRoutes(ctx: DirectoryContext) {
  const app = new Hono<KitEnv>();
  const codes = new Set(knownOrgs(ctx.deps.config));
  const querySchema = agreementQuerySchema(codes);

  app.get('/', async (c) => {
    const query = queryParams(c, querySchema);
    const offset = agreementsCursor.decode(query.cursor) ?? 0;
    const { collection } = await ctx.load();
    const now = ctx.deps.clock.now();
    const agreements = collection.agreements
      .filter((a) => query.includeRetired === 'true' || a.status !== 'retired')
      .map((a) => ({ ...a, ...agreementState(a, now) }))
      .filter((a) => !query.party || a.parties.includes(query.party))
      .filter((a) => query.expired === undefined || a.expired === (query.expired === 'true'))
      .filter(
        (a) => query.expiringWithinDays === undefined || (!a.expired && a.daysLeft !== null && a.daysLeft <= query.expiringWithinDays),
      )
      .sort((a, b) => (a.ends ?? '9999').localeCompare(b.ends ?? '9999') || a.title.localeCompare(b.title, 'sv'));
    const page = pageOf(agreements, offset, query.limit ?? 50, agreementsCursor);
    return cachedResponse(c, JSON.stringify({ total: agreements.length, ...page }));
  });

  app.route('/', entryRoutes(ctx, agreementResource(ctx)));
  return app;
}
