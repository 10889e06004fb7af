import fc from 'fast-check';
import type { AreaTable, OrgReport } from './area.js';

/** Mostly small counts and zeros, some larger ones. */
export const count = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 5 }), weight: 5 },
  { arbitrary: fc.constant(0), weight: 2 },
  { arbitrary: fc.integer({ min: 6, max: 120 }), weight: 2 },
);

/** Split `total` into parts by weights; all-zero weights put everything in one category. */
export function split(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) return weights.map((_, c) => (c === 0 ? total : 0));
  const parts = weights.map((w) => Math.floor((total * w) / sum));
  parts[0] = (parts[0] ?? 0) + total - parts.reduce((a, b) => a + b, 0);
  return parts;
}

const org = (dims: readonly number[]): fc.Arbitrary<OrgReport | undefined> =>
  fc
    .record({
      status: fc.constantFrom('missing', 'total-only', 'full', 'full', 'full', 'full'),
      total: count,
      weights: fc.tuple(...dims.map((n) => fc.array(fc.nat({ max: 3 }), { minLength: n, maxLength: n }))),
    })
    .map(({ status, total, weights }) =>
      status === 'missing' ? undefined : status === 'total-only' ? { total } : { total, breakdown: weights.map((w) => split(total, w)) },
    );

/** One area table: 2–6 organisations over one or two breakdown dimensions, maybe in two länsdelar. */
export const areaTable = (name: string): fc.Arbitrary<AreaTable> =>
  fc
    .constantFrom([2], [3], [2, 3], [3, 2])
    .chain((dims) => fc.array(org(dims), { minLength: 2, maxLength: 6 }).map((orgs) => ({ name, dims, orgs })))
    .chain((table) =>
      fc
        .option(fc.array(fc.nat({ max: 1 }), { minLength: table.orgs.length, maxLength: table.orgs.length }), { nil: undefined })
        .map((parts) => ({ ...table, parts })),
    );

/**
 * Two releases of one table: the earlier one lacked a late report (organisation `late`) and
 * carried figures of organisation `corrected` that were later corrected by `delta`.
 */
export const twoReleases = (name: string): fc.Arbitrary<{ earlier: AreaTable; current: AreaTable }> =>
  fc
    .record({ current: areaTable(name), late: fc.nat(), corrected: fc.nat(), delta: fc.constantFrom(-1, 1, 2) })
    .map(({ current, late, corrected, delta }) => {
      const n = current.orgs.length;
      const orgs = current.orgs.map((o, k): OrgReport | undefined => {
        if (!o || k === late % n) return undefined;
        if (k !== corrected % n || !o.breakdown) return o;
        const shift = (v: number) => Math.max(0, v + delta);
        const moved = shift(o.total) - o.total;
        if (o.breakdown.some((d) => (d[0] ?? 0) + moved < 0)) return o;
        return { total: o.total + moved, breakdown: o.breakdown.map((d) => d.map((v, c) => (c === 0 ? v + moved : v))) };
      });
      return { earlier: { ...current, orgs }, current };
    });
