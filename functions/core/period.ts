import { toStockholmIso } from './i18n.js';

/** A quarter such as `2026-Q4`. */
export const QUARTER = /^\d{4}-Q[1-4]$/;

/**
 * The quarter (`2026-Q3`) of an ISO 8601 time already written with the Stockholm offset: its own
 * calendar date decides, so no time-zone arithmetic is needed.
 *
 * @example
 * quarterOfIso('2026-10-01T00:30:00+02:00'); // '2026-Q4'
 */
export function quarterOfIso(stockholmIso: string): string {
  return `${stockholmIso.slice(0, 4)}-Q${Math.floor((Number(stockholmIso.slice(5, 7)) - 1) / 3) + 1}`;
}

/**
 * The quarter of a moment in Europe/Stockholm.
 *
 * @example
 * quarterOf(new Date('2026-09-30T22:30:00Z')); // '2026-Q4' (already 1 October in Stockholm)
 */
export function quarterOf(date: Date): string {
  return quarterOfIso(toStockholmIso(date));
}
