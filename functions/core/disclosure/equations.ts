import type { DisclosureEquation } from './types.js';

/**
 * The equation `total = Σ parts` (a total the public sees next to its parts, or an area figure
 * over its organisations).
 *
 * @example
 * sumEquation('area/T', ['o1/T', 'o2/T']);
 * // { terms: [{ id: 'area/T', coef: 1 }, { id: 'o1/T', coef: -1 }, { id: 'o2/T', coef: -1 }] }
 */
export function sumEquation(total: string, parts: readonly string[]): DisclosureEquation {
  return { terms: [{ id: total, coef: 1 }, ...parts.map((id) => ({ id, coef: -1 }))] };
}
