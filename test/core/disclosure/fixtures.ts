import { DEFAULT_LEVELS, type DisclosureProblem } from '../../../functions/core/disclosure/index.js';
import { cells, sum } from './build.js';

/** A table of interior cells xRC with row totals RR, column totals CC and the grand total N. */
function grid(values: readonly (readonly number[])[]): DisclosureProblem {
  const cell = (r: number, c: number) => `x${r}${c}`;
  const interior = Object.fromEntries(values.flatMap((row, r) => row.map((v, c) => [cell(r, c), v])));
  const rows = values.map((row) => row.reduce((a, b) => a + b, 0));
  const cols = (values[0] ?? []).map((_, c) => values.reduce((a, row) => a + (row[c] ?? 0), 0));
  const margins = Object.fromEntries([
    ...rows.map((v, r) => [`R${r}`, v]),
    ...cols.map((v, c) => [`C${c}`, v]),
    ['N', rows.reduce((a, b) => a + b, 0)],
  ]);
  return {
    variables: cells({ ...interior, ...margins }),
    equations: [
      ...rows.map((_, r) =>
        sum(
          `R${r}`,
          cols.map((_, c) => cell(r, c)),
        ),
      ),
      ...cols.map((_, c) =>
        sum(
          `C${c}`,
          rows.map((_, r) => cell(r, c)),
        ),
      ),
      sum(
        'N',
        rows.map((_, r) => `R${r}`),
      ),
    ],
    levels: DEFAULT_LEVELS,
  };
}

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
   * 4×4 table with margins. Hiding the 2×2 blocks top-left and bottom-right plus the sensitive
   * x12 = 2 between them leaves two or more hidden cells in every row and column, as a
   * one-relation-at-a-time suppression would accept, yet rows 0–1 minus columns 0–1 give x12.
   */
  bridge: grid([
    [7, 9, 6, 8],
    [5, 8, 2, 7],
    [6, 10, 9, 5],
    [8, 6, 7, 9],
  ]),
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
