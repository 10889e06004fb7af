import type { IndicatorDefinition } from '../../core/config/schema.js';
import { isSmallCount, isSmallDenominator, type Thresholds } from '../disclosure/thresholds.js';
import type { Cell, ObsStatus } from './types.js';

/** One organisation's published figure that goes into an area median or weighted mean. */
export interface Member {
  readonly value: number;
  readonly denominator?: number;
}

const round = (v: number) => Math.round(v * 10) / 10;

/** The median of `values`; `undefined` for none. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/**
 * The area cell of a non-additive indicator: the median of reported figures, or their mean weighted
 * by the persons behind each. Only published figures go in, so the result cannot reveal a
 * suppressed one; it is itself suppressed when fewer than `minDenominator` persons are behind it.
 */
export function statisticCell(
  def: IndicatorDefinition,
  members: readonly Member[],
  thresholds: Thresholds,
  protect: boolean,
  missing: ObsStatus,
): Cell {
  const denominator = members.reduce((s, c) => s + (c.denominator ?? 0), 0);
  const value =
    def.aggregate === 'median-of-reported'
      ? median(members.map((c) => c.value))
      : denominator > 0
        ? members.reduce((s, c) => s + c.value * (c.denominator ?? 0), 0) / denominator
        : undefined;
  if (value === undefined) return { value: null, status: missing };
  const small =
    def.unit === 'count' ? isSmallCount(value, thresholds) : isSmallDenominator(members.length ? denominator : undefined, thresholds);
  return protect && small ? { value: null, status: 'suppressed' } : { value: round(value), status: 'reported' };
}
