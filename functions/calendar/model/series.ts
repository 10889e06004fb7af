import { stockholmLocalToDate, toStockholmIso } from '../../core/i18n.js';
import { parseTime } from './event.js';

/** How a series repeats. */
export interface Repeat {
  readonly every: 'week' | 'month';
  /** Number of occasions including the first (2–24). */
  readonly count: number;
}

/**
 * The same Stockholm wall-clock time `n` weeks or months later (so 09:00 stays 09:00 across a
 * daylight-saving change). Returns ISO with the Stockholm offset.
 */
export function shiftLocal(value: string, every: Repeat['every'], n: number): string {
  const local = toStockholmIso(parseTime(value) as Date).slice(0, 19);
  const [y, m, d] = local.slice(0, 10).split('-').map(Number) as [number, number, number];
  const base = new Date(Date.UTC(y, m - 1, d));
  if (every === 'week') base.setUTCDate(base.getUTCDate() + 7 * n);
  else {
    const day = base.getUTCDate();
    base.setUTCDate(1);
    base.setUTCMonth(base.getUTCMonth() + n);
    const last = new Date(Date.UTC(base.getUTCFullYear(), base.getUTCMonth() + 1, 0)).getUTCDate();
    base.setUTCDate(Math.min(day, last));
  }
  return toStockholmIso(stockholmLocalToDate(`${base.toISOString().slice(0, 10)}${local.slice(10)}`) as Date);
}
