import type { CountyConfig } from '../../core/config/schema.js';
import { toStockholmIso } from '../../core/i18n.js';
import { isPeriod, type Frequency } from '../model/period.js';

const FREQUENCIES: readonly Frequency[] = ['year', 'quarter', 'month'];

/** The frequency a period is written in (`2026`, `2026-Q3`, `2026-03`); `undefined` when malformed. */
export function frequencyOf(period: string): Frequency | undefined {
  return FREQUENCIES.find((f) => isPeriod(period, f));
}

/** The calendar date (YYYY-MM-DD) of the first day after `period`. */
function dayAfter(period: string, frequency: Frequency): string {
  const year = Number(period.slice(0, 4));
  const month = frequency === 'year' ? 12 : frequency === 'quarter' ? Number(period.slice(6)) * 3 : Number(period.slice(5, 7));
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}

/** Add whole days to a calendar date. */
function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The first day (Europe/Stockholm) on which a period may be released: `deadlineDays` after the
 * period ended (config `indicators.release.deadlineDays`).
 *
 * @example
 * releaseDate('2026-Q3', 'quarter', config) // '2026-10-31' with the default 30 days
 */
export function releaseDate(period: string, frequency: Frequency, config: CountyConfig): string {
  return addDays(dayAfter(period, frequency), config.indicators.release.deadlineDays);
}

/** Whether the reporting deadline of `period` has passed at `now`. */
export function deadlinePassed(period: string, frequency: Frequency, config: CountyConfig, now: Date): boolean {
  return toStockholmIso(now).slice(0, 10) >= releaseDate(period, frequency, config);
}

/** Whether a scheduled revision is due: the last release is at least `revisionIntervalDays` old. */
export function revisionDue(lastReleasedAt: string, config: CountyConfig, now: Date): boolean {
  return toStockholmIso(now).slice(0, 10) >= addDays(lastReleasedAt.slice(0, 10), config.indicators.release.revisionIntervalDays);
}
