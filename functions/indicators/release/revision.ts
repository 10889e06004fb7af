import { withEarlierRelease } from '../../core/disclosure/revision.js';
import type { DisclosureProblem } from '../../core/disclosure/types.js';
import type { ReleaseRecord } from './types.js';

/**
 * A revision's problem: the new figures plus everything the earlier releases of the period made
 * known (see `withEarlierRelease`: unchanged shown cells stay fixed as published, changed ones
 * become variables of their own, `r<N>/…`, with every earlier equation). The previous record
 * already holds its own predecessors, so one record suffices.
 */
export function withEarlier(current: DisclosureProblem, previous: ReleaseRecord | undefined): DisclosureProblem {
  if (!previous) return current;
  const earlier = { variables: previous.variables, equations: previous.equations, levels: current.levels };
  return withEarlierRelease(earlier, new Set(previous.hidden), current, `r${previous.revision}/`);
}
