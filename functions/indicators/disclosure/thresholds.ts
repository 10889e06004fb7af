/**
 * The primary rule of disclosure control (see docs/indicators.md, "The rule"): which counts are
 * sensitive, and which shares, means and medians rest on too few persons to be shown. Which
 * further cells a release hides is decided by the protection of the release step.
 */

/** Thresholds of the rule (config `indicators.suppression`, settable per indicator). */
export interface Thresholds {
  /** Person counts from 1 to `minCount - 1` are suppressed; 0 is shown. */
  readonly minCount: number;
  /** Shares, means and medians behind fewer persons than this are suppressed. */
  readonly minDenominator: number;
}

/** Primary rule for a person count: 1 to minCount−1 is suppressed, 0 is shown. */
export function isSmallCount(value: number, t: Thresholds): boolean {
  return value > 0 && value < t.minCount;
}

/** Primary rule for a share, mean or median: unknown or too few persons behind it. */
export function isSmallDenominator(denominator: number | undefined, t: Thresholds): boolean {
  return denominator === undefined || denominator < t.minDenominator;
}
