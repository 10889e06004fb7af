import { decodeCursor, encodeCursor, type Store } from '../../core/store/store.js';
import { getJson } from '../../core/store/json.js';
import { parseSubmissionKey, SUBMISSIONS_PREFIX } from '../store/keys.js';
import type { Submission } from '../store/submissions.js';
import { readState, type ModerationState, type Status } from './state.js';

/** Filters of the moderators' list. */
export interface ListFilter {
  readonly malbild?: string;
  readonly municipality?: string;
  readonly period?: string;
  readonly status?: Status;
  readonly cursor?: string;
  readonly limit: number;
}

/** One row of the moderators' list. */
export type ModeratedSubmission = Submission & { readonly moderation: ModerationState; /** For `If-Match`. */ readonly etag: string };

/**
 * A page of submissions matching `filter`, oldest first, skipping those older than `since`. The
 * cursor is the last key looked at, so pages never repeat or skip a submission.
 */
export async function listSubmissions(
  store: Store,
  filter: ListFilter,
  since: Date,
): Promise<{ items: ModeratedSubmission[]; cursor?: string }> {
  const prefix = filter.period ? `${SUBMISSIONS_PREFIX}${filter.period}/` : SUBMISSIONS_PREFIX;
  let storeCursor = filter.cursor;
  if (storeCursor !== undefined && !decodeCursor(storeCursor).startsWith(prefix)) throw new TypeError('Cursor of another listing');
  const items: ModeratedSubmission[] = [];
  do {
    const page = await store.list(prefix, { cursor: storeCursor, limit: 200 });
    for (const item of page.items) {
      const facts = parseSubmissionKey(item.key);
      if (!facts || facts.receivedAt < since) continue;
      if (filter.malbild && !facts.categories.includes(filter.malbild)) continue;
      if (filter.municipality && facts.municipality !== filter.municipality) continue;
      const { state, etag } = await readState(store, facts.id);
      if (filter.status && state.status !== filter.status) continue;
      const submission = (await getJson<Submission>(store, item.key))?.value;
      if (submission) items.push({ ...submission, moderation: state, etag });
      if (items.length >= filter.limit) return { items, cursor: encodeCursor(item.key) };
    }
    storeCursor = page.cursor;
  } while (storeCursor);
  return { items };
}
