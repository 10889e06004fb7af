import { attendanceContract, type AttendanceRow } from '../../core/contracts/attendance.js';
import { publishDerived } from '../../core/store/json.js';
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
  const published = await publishDerived<AttendanceRow[]>(
    ctx.deps.store,
    PUBLIC_ATTENDANCE_KEY,
    async (found) => {
      ctx.collection.forget();
      const rows: AttendanceRow[] = attendanceRows((await ctx.collection.read()).collection.summaries);
      if (found.state === 'present' && JSON.stringify(found.value) === JSON.stringify(rows)) return undefined;
      // the contract's schema checks what is written, as `writeContract` does
      return attendanceContract.schema.parse(rows);
    },
    RETRY,
  );
  return published.written;
}
