/**
 * Information lost by hiding a figure of this value: `1 + ln(1 + |value|)`.
 *
 * Every hidden cell costs at least 1 (so fewer hidden cells is better), and the cost grows slowly
 * with the value, so zeros and small counts are the cheap partners and large totals stay shown.
 * Hiding a zero is allowed, so a hidden cell never says "not zero".
 *
 * @example
 * defaultCost(0); // 1
 * defaultCost(1000) > defaultCost(5); // true
 */
export function defaultCost(value: number): number {
  return 1 + Math.log1p(Math.abs(value));
}
