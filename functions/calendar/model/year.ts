import * as z from 'zod';
import type { CountyConfig } from '../../core/config/schema.js';
import type { Term } from '../../core/domain/vocabulary.js';
import type { CalendarEvent } from './event.js';
import { trainingTopics } from './vocabulary.js';
import { once } from '../../core/once.js';

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

// 01:00 UTC on the last Sunday of a month (0-based): when Sweden's summer time starts (March) and ends (October).
const lastSundayAt1Utc = (year: number, month: number) => {
  const d = new Date(Date.UTC(year, month + 1, 0, 1));
  d.setUTCDate(d.getUTCDate() - d.getUTCDay());
  return d.getTime();
};

/**
 * The Stockholm year and month (0-based) of an instant, by the EU summer-time rule Sweden follows
 * (the same answer as `toStockholmIso` for 2000–2100, without a time-zone formatter per training).
 */
export function stockholmMonth(iso: string): { year: number; month: number } {
  const t = Date.parse(iso);
  const utcYear = new Date(t).getUTCFullYear();
  const summer = t >= lastSundayAt1Utc(utcYear, 2) && t < lastSundayAt1Utc(utcYear, 9);
  const local = new Date(t + (summer ? 2 : 1) * 3_600_000);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() };
}

/** Build the year view of `year` (Stockholm months), leaving cancelled trainings out. */
export function yearView(config: CountyConfig, events: readonly CalendarEvent[], year: number): YearView {
  const byTopic = new Map<string, CalendarEvent[][]>();
  for (const e of events) {
    if (e.status === 'cancelled') continue;
    const local = stockholmMonth(e.start);
    if (local.year !== year) continue;
    const months = byTopic.get(e.topic) ?? Array.from({ length: 12 }, () => []);
    months[local.month]!.push(e);
    byTopic.set(e.topic, months);
  }
  const rows = trainingTopics(config).map((topic) => {
    const months: CalendarEvent[][] = byTopic.get(topic.id) ?? Array.from({ length: 12 }, () => []);
    return { topic, months, total: months.reduce((n, m) => n + m.length, 0) };
  });
  return { year, rows, gaps: rows.filter((r) => r.total === 0).map((r) => r.topic) };
}

/** The `year` query parameter (default: this year in Stockholm). */
export const yearQuery = once(() =>
  z.object({
    year: z.coerce.number().int().min(YEARS.first).max(YEARS.last).optional(),
    lang: z.string().optional(),
  }),
);
