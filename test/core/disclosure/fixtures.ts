import { DEFAULT_LEVELS, type DisclosureProblem } from '../../../functions/core/disclosure/index.js';
import { cells, sum } from './build.js';

/** The hand-made tables of the disclosure tests, each a known way to recompute a hidden cell. */
export const fixtures = {
  /** T = K + M with T shown: hiding K alone gives K = T − M. */
  partner: { variables: cells({ T: 6, K: 1, M: 5 }), equations: [sum('T', ['K', 'M'])], levels: DEFAULT_LEVELS },
  /**
   * 2×2 table with margins. Hiding a, b, c: every row and column has two hidden cells or none,
   * yet with d shown, b = C2 − d, a = R1 − b: the relations together pin every hidden cell.
   */
  cycle: {
    variables: cells({ a: 2, b: 7, c: 6, d: 9, R1: 9, R2: 15, C1: 8, C2: 16, N: 24 }),
    equations: [sum('R1', ['a', 'b']), sum('R2', ['c', 'd']), sum('C1', ['a', 'c']), sum('C2', ['b', 'd']), sum('N', ['R1', 'R2'])],
    levels: DEFAULT_LEVELS,
  },
  /**
   * Organisation B reported its total (3) without a breakdown; A reported K/M. Area categories
   * hold A only, so area − areaK − areaM = B unless enough is hidden.
   */
  incomplete: {
    variables: cells({ A: 10, AK: 6, AM: 4, B: 3, area: 13, areaK: 6, areaM: 4, areaUnknown: 3 }),
    equations: [
      sum('A', ['AK', 'AM']),
      sum('area', ['A', 'B']),
      sum('areaK', ['AK']),
      sum('areaM', ['AM']),
      sum('area', ['areaK', 'areaM', 'areaUnknown']),
    ],
    levels: DEFAULT_LEVELS,
  },
  /**
   * Release 1 (already public): area1 = A + B, C not yet reported. Release 2: area2 = A + B + C
   * over the same A and B, so area2 − area1 = C.
   */
  lateReport: {
    variables: cells({ A: 20, B: 15, area1: 35, C: 2, area2: 37 }, { area1: { fixed: 'published' } }),
    equations: [sum('area1', ['A', 'B']), sum('area2', ['A', 'B', 'C'])],
    levels: DEFAULT_LEVELS,
  },
} satisfies Record<string, DisclosureProblem>;
