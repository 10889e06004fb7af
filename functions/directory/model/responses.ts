import * as z from 'zod/mini';
import { listPage } from '../../core/http/response-schemas.js';
import { agreementInputSchema, groupInputSchema } from './group.js';
import { planInputSchema, planItemSchema } from './plan.js';
import { serviceInputSchema } from './service.js';

/**
 * What the directory API answers, as zod schemas for its OpenAPI document (see
 * `core/http/response-schemas.ts`: no handler loads this module). A stored entry is its input's
 * fields (without `verified: boolean`) plus its id and stamps; `verified` is the stamp of the
 * last check, absent while unverified.
 */

/** Who changed or verified an entry, and when. */
export const stampResponse = z.strictObject({ at: z.string(), by: z.string(), change: z.optional(z.string()) });

/** An entry as stored: the input's fields, its id and stamps. */
function stored<S extends z.core.$ZodShape, E extends z.core.$ZodShape>(shape: S, extra: E) {
  const { verified: _boolean, ...fields } = shape;
  return z.strictObject({
    ...(fields as Omit<S, 'verified'>),
    id: z.string(),
    created: stampResponse,
    updated: stampResponse,
    verified: z.optional(stampResponse),
    ...extra,
  });
}
const stale = { stale: z.boolean().check(z.describe('Not verified within 180 days (or never).')) };
const state = {
  expired: z.boolean(),
  daysLeft: z.nullable(z.int()),
  reviewDaysLeft: z.nullable(z.int()),
  phase: z.nullable(z.string()),
};

/** A service as stored (the answer to a write). */
export const serviceResponse = stored(serviceInputSchema().shape, {});
/** A service as read: confidential addresses removed (unless the reader may edit it), freshness explicit. */
export const serviceViewResponse = stored(serviceInputSchema().shape, stale);
/** A search hit: with why it matched when the search had words. */
export const serviceHitResponse = stored(serviceInputSchema().shape, {
  ...stale,
  score: z.optional(z.number()),
  matchedFields: z.optional(z.array(z.enum(['name', 'labels', 'places', 'description']))),
  matchedTerms: z.optional(z.array(z.string())),
});
/** `GET /services`. */
export const servicesResponse = listPage(serviceHitResponse, { total: z.int(), matchedAllWords: z.boolean() });

/** A group as stored. */
export const groupResponse = stored(groupInputSchema().shape, {});
/** A group as read: named contacts only for its own staff. */
export const groupViewResponse = stored(groupInputSchema().shape, stale);
/** `GET /groups`. */
export const groupsResponse = listPage(groupViewResponse, { total: z.int() });

/** An agreement as stored. */
export const agreementResponse = stored(agreementInputSchema().shape, {});
/** An agreement as read: whether it has ended, days left, days to review, its current phase. */
export const agreementViewResponse = stored(agreementInputSchema().shape, state);
/** `GET /agreements`. */
export const agreementsResponse = listPage(agreementViewResponse, { total: z.int() });

/** A plan as stored. */
export const planResponse = stored(planInputSchema().shape, {});
/** A plan as read: every item marked overdue or not, and the plan's progress. */
export const planViewResponse = stored(
  { ...planInputSchema().shape, items: z.array(z.strictObject({ ...planItemSchema().shape, overdue: z.boolean() })) },
  {
    progress: z.strictObject({
      counts: z.record(z.string(), z.int()),
      total: z.int(),
      overdue: z.int(),
      percentDone: z.int(),
    }),
  },
);
/** `GET /plans`. */
export const plansResponse = z.strictObject({ total: z.int(), items: z.array(planViewResponse) });

/** `GET /{kind}/{id}/history` (staff). */
export const historyResponse = z.strictObject({
  id: z.string(),
  created: stampResponse,
  changes: z.array(
    z.strictObject({
      at: z.string(),
      by: z.string(),
      action: z.enum(['create', 'update', 'retire', 'import']),
      kind: z.string(),
      id: z.string(),
      after: z.unknown(),
    }),
  ),
});

const organization = {
  id: z.string(),
  name: z.string(),
  kind: z.enum(['region', 'region-unit', 'municipality']),
  municipalityCode: z.optional(z.string()),
};
/** `GET /organizations`. */
export const organizationsResponse = z.strictObject({ total: z.int(), items: z.array(z.strictObject(organization)) });
/** `GET /organizations/{id}`: with its services, groups and agreements. */
export const organizationResponse = z.strictObject({
  ...organization,
  services: z.array(z.strictObject({ id: z.string(), name: z.string() })),
  groups: z.array(z.strictObject({ id: z.string(), name: z.string() })),
  agreements: z.array(z.strictObject({ id: z.string(), title: z.string() })),
});

/** `POST /services.csv`. */
export const importResponse = z.strictObject({
  imported: z.int(),
  changed: z.int(),
  ids: z.array(z.string()),
  changedIds: z.array(z.string()),
});

const counted = <T extends z.core.SomeType>(item: T, days = false) =>
  z.strictObject({ ...(days ? { days: z.int() } : {}), total: z.int(), items: z.array(item) });
/** The coordinator's views (staff). */
export const coordinatorResponses = {
  unverified: counted(
    z.strictObject({
      kind: z.enum(['services', 'groups', 'agreements']),
      id: z.string(),
      name: z.string(),
      verifiedAt: z.nullable(z.string()),
    }),
    true,
  ),
  agreementsEnding: counted(stored(agreementInputSchema().shape, { ...state, reasons: z.array(z.enum(['ends', 'review'])) }), true),
  agreementsWithoutGoals: counted(agreementViewResponse),
  overdueItems: counted(z.strictObject({ planId: z.string(), planTitle: z.string(), ...planItemSchema().shape })),
  gaps: counted(z.strictObject({ municipality: z.string(), municipalityName: z.string(), targetGroup: z.string() })),
};
