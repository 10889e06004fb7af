import { attendanceContract, type AttendanceRow } from '../../core/contracts/attendance.js';
import { writeContract } from '../../core/contracts/contract.js';
import { getJson, TooMuchContentionError } from '../../core/store/json.js';
import { PreconditionFailedError } from '../../core/store/store.js';
import { RETRY, type CalendarContext } from '../context.js';
import { attendanceRows } from './summary.js';

/** Key of the public attendance file read by the indicators service (see `attendanceContract`). */
export const PUBLIC_ATTENDANCE_KEY = attendanceContract.key;

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
