import { attendanceContract, type AttendanceRow } from '../../core/contracts/attendance.js';
import { writeContract } from '../../core/contracts/contract.js';
import { getJson, TooMuchContentionError } from '../../core/store/json.js';
import { PreconditionFailedError } from '../../core/store/store.js';
import { RETRY, type CalendarContext } from '../context.js';
import type { CalendarEvent } from '../model/event.js';
import type { LedgerCounts } from '../model/ledger.js';
import { changeCollection } from './collection-writes.js';
import { attendanceRows, summaryOf } from './summary.js';

/** Key of the public attendance file read by the indicators service (see `attendanceContract`). */
export const PUBLIC_ATTENDANCE_KEY = attendanceContract.key;

/**
 * Record a training's seat counts in the collection (only if newer than what is there, by ledger
 * revision). The public attendance file is derived from the collection later, by the scheduled
 * housekeeping (`publishAttendance`), never on the request.
 */
export async function recordSummary(
  ctx: CalendarContext,
  event: CalendarEvent,
  counts: LedgerCounts & { rev: number },
  etag?: string,
): Promise<void> {
  await changeCollection(ctx, (collection) => {
    if (!collection.events[event.id]) {
      // Counts for a training the collection does not hold yet: keep them only with its ETag.
      if (!etag) return;
      collection.events[event.id] = { event, etag };
    }
    const prev = collection.summaries[event.id];
    const own = summaryOf(collection.events[event.id]!.event);
    collection.summaries[event.id] = prev && prev.rev > counts.rev ? { ...prev, ...own } : { ...counts, ...own };
  });
}

/**
 * Rewrite the public attendance file from the collection: read it, compute the rows, write only
 * when different, with `If-Match` on what was read (re-read and retry by the calendar's one retry
 * rule when another writer came first, so the newest counts always win). Returns whether it wrote.
 */
export async function publishAttendance(ctx: CalendarContext): Promise<boolean> {
  const { store } = ctx.deps;
  for (let attempt = 0; ; attempt++) {
    ctx.collection.forget();
    const rows: AttendanceRow[] = attendanceRows((await ctx.collection.read()).collection.summaries);
    const current = await getJson<AttendanceRow[]>(store, PUBLIC_ATTENDANCE_KEY);
    if (current && JSON.stringify(current.value) === JSON.stringify(rows)) return false;
    try {
      await writeContract(store, attendanceContract, rows, current ? { ifMatch: current.etag } : { ifNoneMatch: '*' });
      return true;
    } catch (error) {
      if (!(error instanceof PreconditionFailedError)) throw error;
      if (attempt >= RETRY.retries) throw new TooMuchContentionError(PUBLIC_ATTENDANCE_KEY);
      await RETRY.backoff(attempt);
    }
  }
}
