import { toStockholmIso } from '../../core/i18n.js';
import { quarterOfIso } from '../../core/period.js';

/** How often an indicator is reported. */
export type Frequency = 'month' | 'quarter' | 'year';

const FORMATS: Record<Frequency, RegExp> = {
  year: /^(\d{4})$/,
  quarter: /^(\d{4})-Q([1-4])$/,
  month: /^(\d{4})-(0[1-9]|1[0-2])$/,
};

/** An example period of each frequency, for messages. */
export const PERIOD_EXAMPLES: Record<Frequency, string> = { year: '2026', quarter: '2026-Q3', month: '2026-03' };

/** The first month (1–12) and year of a well-formed period; `undefined` when malformed. */
function start(period: string, frequency: Frequency): { year: number; month: number } | undefined {
  const m = FORMATS[frequency].exec(period);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (year < 2000) return undefined;
  if (frequency === 'year') return { year, month: 1 };
  if (frequency === 'quarter') return { year, month: (Number(m[2]) - 1) * 3 + 1 };
  return { year, month: Number(m[2]) };
}

/** Whether `period` is well-formed for `frequency` (`2026`, `2026-Q3`, `2026-03`; year 2000 or later). */
export function isPeriod(period: string, frequency: Frequency): boolean {
  return start(period, frequency) !== undefined;
}

/** The period of `frequency` that contains `date` (in Europe/Stockholm). */
export function periodOf(date: Date, frequency: Frequency): string {
  const iso = toStockholmIso(date);
  if (frequency === 'year') return iso.slice(0, 4);
  if (frequency === 'quarter') return quarterOfIso(iso);
  return iso.slice(0, 7);
}

/** Periods sort in time order as plain strings within one frequency. */
export function comparePeriods(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether a well-formed period has begun by `now` (Stockholm time): periods in the future cannot be reported. */
export function hasBegun(period: string, frequency: Frequency, now: Date): boolean {
  return comparePeriods(period, periodOf(now, frequency)) <= 0;
}

/** The period before `period`. */
export function previousPeriod(period: string, frequency: Frequency): string {
  const s = start(period, frequency);
  if (!s) throw new TypeError(`Malformed period ${period}`);
  if (frequency === 'year') return String(s.year - 1);
  if (frequency === 'quarter') {
    const q = (s.month - 1) / 3 + 1;
    return q === 1 ? `${s.year - 1}-Q4` : `${s.year}-Q${q - 1}`;
  }
  return s.month === 1 ? `${s.year - 1}-12` : `${s.year}-${String(s.month - 1).padStart(2, '0')}`;
}

/** The last period that has ended by `now`: the one reporting is due for. */
export function lastCompletedPeriod(frequency: Frequency, now: Date): string {
  return previousPeriod(periodOf(now, frequency), frequency);
}
