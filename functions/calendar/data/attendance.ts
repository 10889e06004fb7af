import { attendanceContract, type AttendanceRow } from '../../core/contracts/attendance.js';
import { writeContract } from '../../core/contracts/contract.js';
import { quarterOfIso as quarterOf } from '../../core/period.js';
import { getJson, TooMuchContentionError } from '../../core/store/json.js';
import { PreconditionFailedError, type Store } from '../../core/store/store.js';
import type { CalendarContext } from '../context.js';
import type { CalendarEvent } from '../model/event.js';
import type { LedgerCounts } from '../model/ledger.js';

/** Key of the internal per-training summary (no personal data): seats taken per organisation. */
export const SUMMARY_KEY = 'calendar/attendance/index.json';
/** Key of the public attendance file read by the indicators service (see `attendanceContract`). */
export const PUBLIC_ATTENDANCE_KEY = attendanceContract.key;

/** The summary of one training: what lists, the year view and attendance need without reading registrations. */
export interface EventSummary extends LedgerCounts {
  readonly rev: number;
  readonly topic: string;
  readonly organizer: string;
  readonly start: string;
  readonly cancelled: boolean;
}

/** All summaries, by training id. */
export type SummaryIndex = Record<string, EventSummary>;

/** Read the summary index (empty when absent). */
export async function readSummaries(store: Store): Promise<SummaryIndex> {
  return (await getJson<SummaryIndex>(store, SUMMARY_KEY))?.value ?? {};
}

/** Attendance rows (confirmed registrations per organisation, quarter and topic), cancelled trainings left out. */
export function attendanceRows(index: SummaryIndex): AttendanceRow[] {
  const counts = new Map<string, AttendanceRow>();
  for (const s of Object.values(index)) {
    if (s.cancelled) continue;
    for (const [org, n] of Object.entries(s.byOrg)) {
      const row = { org, period: quarterOf(s.start), topic: s.topic, count: 0 };
      const key = `${row.org}|${row.period}|${row.topic}`;
      const prev = counts.get(key) ?? row;
      counts.set(key, { ...prev, count: prev.count + n });
    }
  }
  return [...counts.values()]
    .filter((r) => r.count > 0)
    .sort((a, b) => `${a.period}${a.org}${a.topic}`.localeCompare(`${b.period}${b.org}${b.topic}`));
}

/**
 * Record a training's counts in the summary index (only if newer than what is there), then rewrite
 * the public attendance file from the index. The public file is written with `If-Match` on its own
 * previous version and recomputed from a fresh index read on every retry, so the last writer
 * always publishes the newest counts.
 */
export async function recordSummary(ctx: CalendarContext, event: CalendarEvent, counts: LedgerCounts & { rev: number }): Promise<void> {
  const summary: EventSummary = {
    rev: counts.rev,
    confirmed: counts.confirmed,
    waitlisted: counts.waitlisted,
    byOrg: counts.byOrg,
    topic: event.topic,
    organizer: event.organizer,
    start: event.start,
    cancelled: event.status === 'cancelled',
  };
  await ctx.writes.update<SummaryIndex, void>(
    SUMMARY_KEY,
    (index = {}) => {
      const prev = index[event.id];
      // Counts only move forward (by ledger revision); the training's own fields always take the latest.
      index[event.id] = prev && prev.rev > summary.rev ? { ...prev, ...pick(summary) } : summary;
      return { value: index, result: undefined };
    },
    () => ({}),
  );
  await ctx.publishing.run(() => publishAttendance(ctx.deps.store));
}

/**
 * Record new trainings in the summary index in one conditional write (no seats taken yet, so the
 * public attendance file does not change).
 */
export async function recordNewSummaries(ctx: CalendarContext, events: readonly CalendarEvent[]): Promise<void> {
  await ctx.writes.update<SummaryIndex, void>(
    SUMMARY_KEY,
    (index = {}) => {
      for (const e of events)
        index[e.id] ??= {
          rev: 0,
          confirmed: 0,
          waitlisted: 0,
          byOrg: {},
          topic: e.topic,
          organizer: e.organizer,
          start: e.start,
          cancelled: e.status === 'cancelled',
        };
      return { value: index, result: undefined };
    },
    () => ({}),
  );
}

/** Remove trainings that were never completely stored from the summary index (one write, only when any is there). */
export async function forgetSummaries(ctx: CalendarContext, ids: readonly string[]): Promise<void> {
  const current = await readSummaries(ctx.deps.store);
  if (!ids.some((id) => id in current)) return;
  await ctx.writes.update<SummaryIndex, void>(
    SUMMARY_KEY,
    (index = {}) => {
      for (const id of ids) delete index[id];
      return { value: index, result: undefined };
    },
    () => ({}),
  );
}

const pick = (s: EventSummary) => ({ topic: s.topic, organizer: s.organizer, start: s.start, cancelled: s.cancelled });

/**
 * Rewrite the public attendance file from the summary index: read it, recompute from a fresh
 * index, write only when different, with `If-Match` on what was read (re-read and retry when
 * another writer came first, so the newest counts always win).
 */
export async function publishAttendance(store: Store): Promise<void> {
  for (let attempt = 0; attempt < 400; attempt++) {
    const current = await getJson<AttendanceRow[]>(store, PUBLIC_ATTENDANCE_KEY);
    const rows = attendanceRows(await readSummaries(store));
    if (current && JSON.stringify(current.value) === JSON.stringify(rows)) return;
    try {
      await writeContract(store, attendanceContract, rows, current ? { ifMatch: current.etag } : { ifNoneMatch: '*' });
      return;
    } catch (error) {
      if (!(error instanceof PreconditionFailedError)) throw error;
      await new Promise((r) => setTimeout(r, Math.random() * Math.min(2 + attempt * 2, 50)));
    }
  }
  throw new TooMuchContentionError(PUBLIC_ATTENDANCE_KEY);
}
