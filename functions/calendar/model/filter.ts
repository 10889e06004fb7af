import * as z from 'zod';
import { cursorCodec, cursorParam } from '../../core/http/paging.js';
import { parseTime, openTo, type CalendarEvent } from './event.js';
import type { SummaryIndex } from './ledger.js';
import { once } from '../../core/once.js';

/** Query parameters of the event list (API and page share them). */
export const eventQuerySchema = once(() =>
  z.object({
    topic: z.string().max(60).optional(),
    organizer: z.string().max(60).optional(),
    from: z
      .string()
      .max(40)
      .refine((s) => parseTime(s) !== undefined || /^\d{4}-\d{2}-\d{2}$/.test(s), 'A date 2026-03-03 or a date-time')
      .optional(),
    to: z
      .string()
      .max(40)
      .refine((s) => parseTime(s) !== undefined || /^\d{4}-\d{2}-\d{2}$/.test(s), 'A date 2026-03-03 or a date-time')
      .optional(),
    municipality: z.string().max(60).optional(),
    seatsLeft: z.enum(['true', 'false']).optional(),
    cursor: cursorParam(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    lang: z.string().optional(),
  }),
);

/** Parsed event query. */
export type EventQuery = z.output<ReturnType<typeof eventQuerySchema>>;

const bound = (s: string, endOfDay: boolean) =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) ? parseTime(`${s}T${endOfDay ? '23:59:59' : '00:00'}`) : parseTime(s);

/** The trainings matching a query (without paging), in start order. */
export function filterEvents(events: readonly CalendarEvent[], summaries: SummaryIndex, q: Omit<EventQuery, 'limit'>): CalendarEvent[] {
  const from = q.from ? bound(q.from, false) : undefined;
  const to = q.to ? bound(q.to, true) : undefined;
  return events.filter((e) => {
    if (q.topic && e.topic !== q.topic) return false;
    if (q.organizer && e.organizer !== q.organizer) return false;
    if (from && new Date(e.end) < from) return false;
    if (to && new Date(e.start) > to) return false;
    if (q.municipality && !openTo(e, q.municipality)) return false;
    if (q.seatsLeft === 'true' && (e.status === 'cancelled' || (summaries[e.id]?.confirmed ?? 0) >= e.capacity)) return false;
    return true;
  });
}

/** The cursor of the event list: the start and id of the last training shown. */
export const eventsCursor = cursorCodec('calendar-events', () =>
  z.object({ start: z.string().refine((s) => !Number.isNaN(Date.parse(s))), id: z.string().min(1) }),
);

/** One page of `events` after the training at `after` (from `eventsCursor`), with `nextCursor` when more remain. */
export function pageOf<T extends CalendarEvent>(events: readonly T[], after: { start: string; id: string } | undefined, limit: number) {
  let startIndex = 0;
  if (after) {
    const { start, id } = after;
    startIndex = events.findIndex((e) => Date.parse(e.start) > Date.parse(start) || (e.start === start && e.id > id));
    if (startIndex < 0) startIndex = events.length;
  }
  const items = events.slice(startIndex, startIndex + limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: last && startIndex + limit < events.length ? eventsCursor.encode({ start: last.start, id: last.id }) : undefined,
  };
}
