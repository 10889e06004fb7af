import * as z from 'zod/mini';
import { listPage } from '../core/http/response-schemas.js';
import { STATUSES } from './moderation/state.js';

/**
 * What the feedback API answers, as zod schemas for its OpenAPI document (see
 * `core/http/response-schemas.ts`: no handler loads this module).
 */

const KINDS = ['personal-identity-number', 'coordination-number', 'identity-like-number', 'phone', 'email'] as const;

/** A stored submission: redacted text only, never contact details. */
const submission = {
  id: z.string(),
  receivedAt: z.string(),
  period: z.string(),
  categories: z.array(z.string()),
  municipality: z.nullable(z.string()),
  service: z.nullable(z.string()),
  writer: z.nullable(z.string()),
  rating: z.nullable(z.number()),
  text: z.string(),
  redactions: z.partialRecord(z.enum(KINDS), z.int()),
  hasContact: z.boolean(),
  flags: z.array(z.literal('crisis')),
};

/** The moderators' state of a submission. */
export const moderationStateResponse = z.strictObject({
  status: z.enum(STATUSES),
  tags: z.array(z.string()),
  quote: z.nullable(z.string()),
  updatedAt: z.nullable(z.string()),
  updatedBy: z.nullable(z.string()),
  categories: z.optional(z.array(z.string())),
});

/** `PATCH /submissions/{id}`: the submission with its new moderation state. */
export const moderatedResponse = z.strictObject({ ...submission, moderation: moderationStateResponse });

/** `GET /submissions/{id}`: with the contact details while they are kept. */
export const submissionResponse = z.strictObject({
  ...submission,
  moderation: moderationStateResponse,
  contact: z.nullable(
    z.strictObject({ submission: z.string(), contact: z.string(), kind: z.enum(['email', 'phone']), consentAt: z.string() }),
  ),
});

const cursor = { cursor: z.optional(z.string().check(z.describe('Deprecated: the same as `nextCursor` (its earlier name).'))) };

/** `GET /submissions`: a page, each row with its ETag for `If-Match`. */
export const submissionsResponse = listPage(
  z.strictObject({ ...submission, moderation: moderationStateResponse, etag: z.string() }),
  cursor,
);

/** `GET /audit`: the moderators' actions (never any text). */
export const auditResponse = listPage(
  z.strictObject({ at: z.string(), by: z.string(), submission: z.string(), action: z.string(), fields: z.array(z.string()) }),
  cursor,
);

/** `GET /summary`: counts of released quarters (small counts suppressed) and published quotes. */
export const summaryResponse = z.strictObject({
  area: z.string(),
  generatedAt: z.string(),
  periods: z.array(z.string()),
  categories: z.array(z.strictObject({ id: z.string(), sv: z.string(), en: z.string() })),
  minCount: z.int(),
  releases: z.array(z.strictObject({ period: z.string(), revision: z.int(), releasedAt: z.string() })),
  cells: z.array(
    z.strictObject({
      period: z.string(),
      malbild: z.string(),
      municipality: z.nullable(z.string()),
      count: z.nullable(z.int()),
      status: z.enum(['ok', 'suppressed']),
    }),
  ),
  quotes: z.array(z.strictObject({ period: z.string(), categories: z.array(z.string()), text: z.string(), tags: z.array(z.string()) })),
});
