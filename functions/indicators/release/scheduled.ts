import type { AppDeps } from '../../core/deps.js';
import type { IndicatorsContext } from '../context.js';
import { lastCompletedPeriod, type Frequency } from '../model/period.js';
import { REPORTS_PREFIX } from '../model/report.js';
import { deadlinePassed, frequencyOf, revisionDue } from './deadline.js';
import { makeRelease, type ReleaseOptions } from './make.js';
import { ReleaseRefusedError } from './refused.js';
import { getJson } from '../../core/store/json.js';
import { PUBLISHED_KEY, type Published } from './types.js';

/** What a scheduled run did, per period. */
export interface ScheduledOutcome {
  readonly period: string;
  /** `deferred`: due, but left for the next run because this run's time budget was spent. */
  readonly result: 'released' | 'revised' | 'skipped' | 'deferred';
  readonly reason?: string;
}

/** Every period that has reports (from one listing of report keys) plus the last completed one of each frequency. */
async function candidatePeriods(deps: AppDeps, frequencies: ReadonlySet<Frequency>): Promise<string[]> {
  const periods = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await deps.store.list(REPORTS_PREFIX, { cursor });
    for (const item of page.items) periods.add(item.key.slice(REPORTS_PREFIX.length).split('/')[1] ?? '');
    cursor = page.cursor;
  } while (cursor);
  for (const f of frequencies) periods.add(lastCompletedPeriod(f, deps.clock.now()));
  return [...periods].filter((p) => frequencies.has(frequencyOf(p) as Frequency)).sort();
}

/** Options of a scheduled run. */
export interface ScheduledOptions extends ReleaseOptions {
  /**
   * No new release starts after this many milliseconds, so a run ends well within the function's
   * timeout; what is left is released by the next run (e.g. a first deployment with years of
   * reports). @default 30000
   */
  readonly budgetMs?: number;
  /** Monotonic clock for the budget. @default performance.now */
  readonly monotonicNow?: () => number;
}

/**
 * The scheduled release run (an EventBridge rule invokes the indicators function; config
 * `indicators.release.scheduled`): release every period whose deadline has passed and that has no
 * release yet, and revise a released period when `revisionIntervalDays` have passed since its last
 * release and its reports changed. Periods it has no time for are `deferred` to the next run.
 */
export async function scheduledReleases(
  deps: AppDeps,
  ctx: Pick<IndicatorsContext, 'definitions' | 'categories'>,
  options: ScheduledOptions = {},
): Promise<ScheduledOutcome[]> {
  const clock = options.monotonicNow ?? (() => performance.now());
  const stopAt = clock() + (options.budgetMs ?? 30_000);
  if (!deps.config.indicators.release.scheduled) return [];
  const now = deps.clock.now();
  const frequencies = new Set(ctx.definitions.map((d) => d.frequency));
  const published = (await getJson<Published>(deps.store, PUBLISHED_KEY))?.value;
  const out: ScheduledOutcome[] = [];
  for (const period of await candidatePeriods(deps, frequencies)) {
    const last = published?.periods[period];
    if (!deadlinePassed(period, frequencyOf(period) as Frequency, deps.config, now)) continue;
    if (last && !revisionDue(last.releasedAt, deps.config, now)) continue;
    if (clock() >= stopAt) {
      out.push({ period, result: 'deferred' });
      continue;
    }
    try {
      await makeRelease(deps, ctx, period, options);
      out.push({ period, result: last ? 'revised' : 'released' });
    } catch (error) {
      if (!(error instanceof ReleaseRefusedError)) throw error;
      out.push({ period, result: 'skipped', reason: error.reason });
    }
  }
  deps.log.info('scheduled releases', { runs: out.length, made: out.filter((o) => o.result !== 'skipped').length });
  return out;
}
