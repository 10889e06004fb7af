import { randomUUID } from 'node:crypto';
import { getJson, putJson } from '../../core/store/json.js';
import type { Store } from '../../core/store/store.js';
import { AUDIT_PREFIX, MODERATION_PREFIX } from '../data/keys.js';

/** Where a submission stands with the moderators. Nothing is public until `published`. */
export const STATUSES = ['new', 'reviewed', 'published', 'hidden'] as const;
/** One moderation status. */
export type Status = (typeof STATUSES)[number];

/** The moderators' state of one submission (the submission itself is never changed). */
export interface ModerationState {
  readonly status: Status;
  /** Theme tags, e.g. `bemotande`, `vantetid`. */
  readonly tags: readonly string[];
  /** The quote chosen for the user council: words of the (redacted) text, redacted again. */
  readonly quote: string | null;
  readonly updatedAt: string | null;
  readonly updatedBy: string | null;
  /** The submission's categories, copied so a published quote can be shown under them. */
  readonly categories?: readonly string[];
}

/** The state of a submission no moderator has touched. */
export const NEW_STATE: ModerationState = { status: 'new', tags: [], quote: null, updatedAt: null, updatedBy: null };

/** The ETag of a submission no moderator has touched (used with `If-Match` for the first change). */
export const NEW_ETAG = '"new"';

/** The moderation state of `id` with the ETag to send back in `If-Match`. */
export async function readState(store: Store, id: string): Promise<{ state: ModerationState; etag: string }> {
  const found = await getJson<ModerationState>(store, `${MODERATION_PREFIX}${id}.json`);
  return found ? { state: found.value, etag: found.etag } : { state: NEW_STATE, etag: NEW_ETAG };
}

/**
 * Write a new state only over the version the moderator saw (`ifMatch`); the first change is
 * create-only. Throws `PreconditionFailedError` when someone else changed it first.
 */
export function writeState(store: Store, id: string, state: ModerationState, ifMatch: string): Promise<{ etag: string }> {
  const key = `${MODERATION_PREFIX}${id}.json`;
  return putJson(store, key, state, ifMatch === NEW_ETAG ? { ifNoneMatch: '*' } : { ifMatch });
}

/** One logged moderator action: who, when, which submission, which fields (never any text). */
export interface AuditEntry {
  readonly at: string;
  readonly by: string;
  readonly submission: string;
  readonly action: string;
  readonly fields: readonly string[];
}

/** Log a moderator action as its own create-only object, so no action is ever lost or changed. */
export async function logAction(store: Store, entry: AuditEntry, now: Date): Promise<void> {
  await putJson(store, `${AUDIT_PREFIX}${now.getTime()}-${randomUUID()}.json`, entry, { ifNoneMatch: '*' });
}
