import type { AppDeps } from '../core/deps.js';
import { createFeedbackContext } from './context.js';
import { moderationStates, rebuildCounts } from './summary/counts.js';
import { rebuildSummarySnapshot, type SnapshotOutcome } from './summary/snapshot.js';

/** What one scheduled run of the feedback service did. */
export interface FeedbackHousekeeping {
  /** Rows in `feedback/public/counts.json` after the run. */
  readonly countRows: number;
  /** What happened to `feedback/public/summary.json`. */
  readonly snapshot: SnapshotOutcome;
}

/**
 * The feedback service's housekeeping, run on a schedule and never inside a user's request:
 * recount `feedback/public/counts.json` (what the indicator release reads) from the submission
 * keys, and rebuild `feedback/public/summary.json` (what every public summary reads) when it is
 * missing, corrupt, or older than the releases and moderation states it comes from. Each object
 * is written only when it changed, over the version read; a run that fails half-way is finished
 * by the next one.
 *
 * @example
 * await feedbackHousekeeping(deps); // { countRows: 42, snapshot: 'current' }
 */
export async function feedbackHousekeeping(deps: AppDeps): Promise<FeedbackHousekeeping> {
  const ctx = createFeedbackContext(deps);
  const states = await moderationStates(deps.store);
  const rows = await rebuildCounts(ctx, states);
  const snapshot = await rebuildSummarySnapshot(deps.store, deps.clock, deps.log);
  deps.log.info('feedback housekeeping done', { countRows: rows.length, snapshot });
  return { countRows: rows.length, snapshot };
}
