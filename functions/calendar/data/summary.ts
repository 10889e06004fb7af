import type { AttendanceRow } from '../../core/contracts/attendance.js';
import { quarterOfIso } from '../../core/period.js';
import type { CalendarEvent } from '../model/event.js';
import type { EventSummary, LedgerCounts, SummaryIndex } from '../model/ledger.js';

export type { EventSummary, SummaryIndex } from '../model/ledger.js';

/** Counts of a training nobody has registered for yet. */
export function emptyCounts(): LedgerCounts & { rev: number } {
  return { rev: 0, confirmed: 0, waitlisted: 0, byOrg: {} };
}

/** The training's own fields of a summary (they always take the latest version). */
export function summaryOf(event: CalendarEvent): Pick<EventSummary, 'topic' | 'organizer' | 'start' | 'cancelled'> {
  return { topic: event.topic, organizer: event.organizer, start: event.start, cancelled: event.status === 'cancelled' };
}

/** Attendance rows (confirmed registrations per organisation, quarter and topic), cancelled trainings left out. */
export function attendanceRows(index: SummaryIndex): AttendanceRow[] {
  const counts = new Map<string, AttendanceRow>();
  for (const s of Object.values(index)) {
    if (s.cancelled) continue;
    for (const [org, n] of Object.entries(s.byOrg)) {
      const row = { org, period: quarterOfIso(s.start), topic: s.topic, count: 0 };
      const key = `${row.org}|${row.period}|${row.topic}`;
      const prev = counts.get(key) ?? row;
      counts.set(key, { ...prev, count: prev.count + n });
    }
  }
  return [...counts.values()]
    .filter((r) => r.count > 0)
    .sort((a, b) => `${a.period}${a.org}${a.topic}`.localeCompare(`${b.period}${b.org}${b.topic}`));
}
