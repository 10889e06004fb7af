import type { CountyConfig } from '../../core/config/schema.js';
import type { Term } from '../../core/domain/vocabulary.js';
import { toStockholmIso } from '../../core/i18n.js';
import type { CalendarEvent } from './event.js';
import { trainingTopics } from './vocabulary.js';

/** The years a training may lie in (Stockholm time), and so the years the year view offers. */
export const YEARS = { first: 2000, last: 2100 } as const;

/** One row of the kompetenshjul: a topic and its trainings per month (index 0 = January). */
export interface YearRow {
  readonly topic: Term;
  readonly months: readonly (readonly CalendarEvent[])[];
  readonly total: number;
}

/** The year view: topics × months, and the topics with nothing planned. */
export interface YearView {
  readonly year: number;
  readonly rows: readonly YearRow[];
  readonly gaps: readonly Term[];
}

/** Build the year view of `year` (Stockholm months), leaving cancelled trainings out. */
export function yearView(config: CountyConfig, events: readonly CalendarEvent[], year: number): YearView {
  // Stockholm month of each training of the year, worked out once (a time-zone conversion is not cheap).
  const byTopic = new Map<string, CalendarEvent[][]>();
  for (const e of events) {
    if (e.status === 'cancelled' || Math.abs(Number(e.start.slice(0, 4)) - year) > 1) continue;
    const local = toStockholmIso(new Date(e.start));
    if (Number(local.slice(0, 4)) !== year) continue;
    const months = byTopic.get(e.topic) ?? Array.from({ length: 12 }, () => []);
    months[Number(local.slice(5, 7)) - 1]!.push(e);
    byTopic.set(e.topic, months);
  }
  const rows = trainingTopics(config).map((topic) => {
    const months: CalendarEvent[][] = byTopic.get(topic.id) ?? Array.from({ length: 12 }, () => []);
    return { topic, months, total: months.reduce((n, m) => n + m.length, 0) };
  });
  return { year, rows, gaps: rows.filter((r) => r.total === 0).map((r) => r.topic) };
}
