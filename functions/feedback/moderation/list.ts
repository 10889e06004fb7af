import * as z from 'zod';
import { cursorCodec, malformedCursor } from '../../core/http/paging.js';
import { encodeCursor, type Store } from '../../core/store/store.js';
import { getJson } from '../../core/store/json.js';
import { parseSubmissionKey, SUBMISSIONS_PREFIX } from '../data/keys.js';
import type { Submission } from '../data/submissions.js';
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

/** The cursor of the moderators' list: the key of the last submission looked at. */
export const submissionsCursor = cursorCodec('feedback-submissions', z.string().startsWith(SUBMISSIONS_PREFIX));

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
): Promise<{ items: ModeratedSubmission[]; nextCursor?: string }> {
  const prefix = filter.period ? `${SUBMISSIONS_PREFIX}${filter.period}/` : SUBMISSIONS_PREFIX;
  const after = submissionsCursor.decode(filter.cursor);
  // a cursor of the same list under another period filter is foreign too
  if (after !== undefined && !after.startsWith(prefix)) throw malformedCursor();
  let storeCursor = after === undefined ? undefined : encodeCursor(after);
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
      if (items.length >= filter.limit) return { items, nextCursor: submissionsCursor.encode(item.key) };
    }
    storeCursor = page.cursor;
  } while (storeCursor);
  return { items };
}
