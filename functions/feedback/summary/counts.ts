import { getJson, updateJson } from '../../core/store/json.js';
import type { Store } from '../../core/store/store.js';
import type { FeedbackContext } from '../context.js';
import type { ModerationState } from '../moderation/state.js';
import { feedbackCountsContract, type FeedbackCountRow } from '../../core/contracts/feedback-counts.js';
import { MODERATION_PREFIX, SUBMISSIONS_PREFIX } from '../data/keys.js';
import { retentionStart, submissionFacts } from '../data/submissions.js';

/** One row of `feedback/public/counts.json` (see `feedbackCountsContract`). */
export type CountRow = FeedbackCountRow;

/** Every moderation state by submission id (a small collection: only what moderators touched). */
export async function moderationStates(store: Store): Promise<Map<string, ModerationState>> {
  const out = new Map<string, ModerationState>();
  let cursor: string | undefined;
  do {
    const page = await store.list(MODERATION_PREFIX, { cursor });
    const states = await Promise.all(page.items.map(async (i) => [i.key, (await getJson<ModerationState>(store, i.key))?.value] as const));
    for (const [key, state] of states) if (state) out.set(key.slice(MODERATION_PREFIX.length, -'.json'.length), state);
    cursor = page.cursor;
  } while (cursor);
  return out;
}

/**
 * Count submissions per quarter × category × municipality from the keys alone (one list request
 * per 1,000 submissions), leaving out hidden ones and those older than the retention.
 */
export async function countSubmissions(ctx: FeedbackContext, states: Map<string, ModerationState>, period?: string): Promise<CountRow[]> {
  const { deps } = ctx;
  const since = retentionStart(deps.clock.now(), deps.config.retention.feedbackDays);
  const counts = new Map<string, number>();
  for await (const f of submissionFacts(deps.store, since, period ? `${SUBMISSIONS_PREFIX}${period}/` : SUBMISSIONS_PREFIX)) {
    if (states.get(f.id)?.status === 'hidden') continue;
    for (const malbild of f.categories) {
      const key = JSON.stringify([f.period, malbild, f.municipality]);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return [...counts]
    .map(([key, count]) => {
      const [p, malbild, municipality] = JSON.parse(key) as [string, string, string | null];
      return { period: p, malbild, municipality, count };
    })
    .sort(
      (a, b) =>
        a.period.localeCompare(b.period) ||
        a.malbild.localeCompare(b.malbild) ||
        String(a.municipality).localeCompare(String(b.municipality)),
    );
}

/**
 * Rebuild `feedback/public/counts.json` from the submissions and write it only if it changed,
 * over the version read (ETag condition with retry). Submissions never touch this object, so
 * concurrent submissions cannot collide on it; it is rebuilt when the summary is built and
 * when a moderator acts.
 */
export async function rebuildCounts(ctx: FeedbackContext, states?: Map<string, ModerationState>, rows?: CountRow[]): Promise<CountRow[]> {
  const computed = rows ?? (await countSubmissions(ctx, states ?? (await moderationStates(ctx.deps.store))));
  const current = await getJson<CountRow[]>(ctx.deps.store, feedbackCountsContract.key);
  if (current && JSON.stringify(current.value) === JSON.stringify(computed)) return computed;
  // a lost race re-reads and recounts, so a stale snapshot never overwrites a newer one
  let attempt = 0;
  const written = await updateJson<CountRow[]>(ctx.deps.store, feedbackCountsContract.key, async () =>
    feedbackCountsContract.schema.parse(attempt++ === 0 ? computed : await countSubmissions(ctx, await moderationStates(ctx.deps.store))),
  );
  return written.value;
}
