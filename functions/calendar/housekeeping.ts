import type { AppDeps } from '../core/deps.js';
import { createCalendarContext, type CalendarContext } from './context.js';
import { publishAttendance } from './data/attendance.js';
import { foldWrittenLedgers, syncCounts } from './data/counts-sync.js';
import { sweepPendingWrites } from './data/new-events.js';
import { purgeExpired } from './data/purge.js';
import { reconcileCollection } from './data/reconcile.js';

/** What one housekeeping run did. */
export interface HousekeepingReport {
  /** Trainings of interrupted writes removed (by pending notes cleared). */
  readonly swept: number;
  /** Collection entries repaired. */
  readonly repaired: number;
  /** Trainings whose seat counts were taken from their ledgers into the collection. */
  readonly counted: number;
  /** Trainings whose registrations were deleted after retention. */
  readonly purged: number;
  /** Whether `calendar/public/attendance.json` was rewritten. */
  readonly attendancePublished: boolean;
}

/**
 * The calendar's housekeeping, never run inside a user's request: remove the trainings of writes
 * that died half-way, repair the collection against the training objects, derive the collection's
 * seat counts from the ledgers changed since the last run (a registration writes only its ledger),
 * delete registrations past retention, and derive the public attendance file from the collection's counts. Every step
 * is safe to repeat, so a run that fails half-way is finished by the next; a failed step is logged
 * and the run fails at the end (the schedule retries it), after the other steps have run.
 */
export async function runHousekeeping(ctx: CalendarContext): Promise<HousekeepingReport> {
  const log = ctx.deps.log;
  const failed: string[] = [];
  const step = async <T>(name: string, fallback: T, task: () => Promise<T>): Promise<T> => {
    try {
      return await task();
    } catch (error) {
      failed.push(name);
      log.error('calendar housekeeping step failed', {
        service: 'calendar',
        step: name,
        kind: error instanceof Error ? error.name : 'unknown',
      });
      return fallback;
    }
  };
  const swept = await step('sweep', 0, () => sweepPendingWrites(ctx));
  const repaired = await step('reconcile', 0, () => reconcileCollection(ctx));
  const counted = await step('counts', 0, () => syncCounts(ctx));
  const purged = await step('purge', 0, () => purgeExpired(ctx));
  const attendancePublished = await step('attendance', false, () => publishAttendance(ctx));
  const report = { swept, repaired, counted, purged, attendancePublished };
  log.info('calendar housekeeping', { service: 'calendar', ...report, failed: failed.join(',') || undefined });
  if (failed.length) throw new Error(`calendar housekeeping failed: ${failed.join(', ')}`);
  return report;
}

/**
 * The scheduled invocation's task (Lambda: an EventBridge rule; locally: `startLocalSchedule` in `functions/local-schedule.ts`).
 *
 * @example
 * export const handler = lambdaHandler('calendar', createCalendarApp, settings, calendarHousekeeping);
 */
export function calendarHousekeeping(deps: AppDeps): Promise<HousekeepingReport> {
  return runHousekeeping(createCalendarContext(deps));
}

/**
 * The object-created notification's task (Lambda: the data bucket's notification for ledger
 * writes; locally: `withLedgerFold` in `functions/local-schedule.ts`): take the counts of the
 * ledgers just written into the collection, so the lists follow within seconds. Returns how many
 * trainings' counts changed.
 *
 * @example
 * export const handler = lambdaHandler('calendar', createCalendarApp, settings, calendarHousekeeping, calendarLedgerWrites);
 */
export function calendarLedgerWrites(keys: readonly string[], deps: AppDeps): Promise<number> {
  return foldWrittenLedgers(createCalendarContext(deps), keys);
}
