import * as z from 'zod';
import { cursorCodec, malformedCursor } from '../../core/http/paging.js';
import { encodeCursor, type Store } from '../../core/store/store.js';
import { getJson } from '../../core/store/json.js';
import { parseSubmissionKey, SUBMISSIONS_PREFIX, type KeyFacts } from '../data/keys.js';
import { submissionFacts, type Submission } from '../data/submissions.js';
import { readState, type ModerationState, type Status } from './state.js';

/** Filters of the moderators' list. */
export interface ListFilter {
  readonly malbild?: string;
  readonly municipality?: string;
  readonly period?: string;
  readonly status?: Status;
  readonly cursor?: string;
  readonly limit: number;
  /** Ids to leave out (e.g. the open crises the page already shows above the queue). */
  readonly skip?: ReadonlySet<string>;
}

/** Whether a submission's key facts match the list's målbild and municipality filters. */
function matchesKey(facts: KeyFacts, filter: Pick<ListFilter, 'malbild' | 'municipality'>): boolean {
  if (filter.malbild && !facts.categories.includes(filter.malbild)) return false;
  return !filter.municipality || facts.municipality === filter.municipality;
}

/** The cursor of the moderators' list: the key of the last submission looked at. */
export const submissionsCursor = cursorCodec('feedback-submissions', () => z.string().startsWith(SUBMISSIONS_PREFIX));

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
      if (!facts || facts.receivedAt < since || filter.skip?.has(facts.id)) continue;
      if (!matchesKey(facts, filter)) continue;
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

/** At most this many open crises are shown above the queue; more are still in the queue itself. */
export const MAX_OPEN_CRISES = 50;

/**
 * Every submission in the retention period whose text suggested a crisis and that nobody has
 * handled yet (status `new`), newest first, matching `filter`'s målbild, municipality and period.
 * The crisis mark is in the key, so this lists keys and reads only the marked ones. Submissions
 * stored before the mark existed are found by the queue's own order instead.
 */
export async function listOpenCrises(
  store: Store,
  filter: Pick<ListFilter, 'malbild' | 'municipality' | 'period'>,
  since: Date,
): Promise<ModeratedSubmission[]> {
  const prefix = filter.period ? `${SUBMISSIONS_PREFIX}${filter.period}/` : SUBMISSIONS_PREFIX;
  const marked: (KeyFacts & { key: string })[] = [];
  for await (const facts of submissionFacts(store, since, prefix)) if (facts.crisis && matchesKey(facts, filter)) marked.push(facts);
  const open: ModeratedSubmission[] = [];
  for (const facts of marked.reverse()) {
    const { state, etag } = await readState(store, facts.id);
    if (state.status !== 'new') continue;
    const submission = (await getJson<Submission>(store, facts.key))?.value;
    if (submission) open.push({ ...submission, moderation: state, etag });
    if (open.length >= MAX_OPEN_CRISES) break;
  }
  return open;
}
