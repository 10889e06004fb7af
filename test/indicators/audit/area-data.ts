import fc from 'fast-check';

/** One organisation's true report: absent, a total without breakdown, or the full breakdown. */
export type TrueReport =
  | { readonly kind: 'missing' }
  | { readonly kind: 'total-only'; readonly total: number }
  | { readonly kind: 'full'; readonly gender: readonly [number, number]; readonly age: readonly [number, number, number, number] };

/** The generated area: per organisation, r1's reports, then a late report and a correction before r2. */
export interface AreaData {
  readonly first: Readonly<Record<string, TrueReport>>;
  readonly late: { readonly org: string; readonly report: TrueReport } | undefined;
  readonly correction: { readonly org: string; readonly report: TrueReport } | undefined;
}

/** The organisations of Norrbotten that report (14 municipalities and the region). */
export const ORGS = [
  '2505',
  '2506',
  '2510',
  '2513',
  '2514',
  '2518',
  '2521',
  '2523',
  '2560',
  '2580',
  '2581',
  '2582',
  '2583',
  '2584',
  'region',
];

const count = fc.oneof(
  { weight: 3, arbitrary: fc.constant(0) },
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 4 }) },
  { weight: 2, arbitrary: fc.integer({ min: 5, max: 25 }) },
);

const full: fc.Arbitrary<TrueReport> = fc
  .tuple(count, count, count, count, fc.double({ min: 0, max: 1, noNaN: true }))
  .map(([a, b, c, d, share]) => {
    const total = a + b + c + d;
    const k = Math.round(total * share);
    return { kind: 'full', gender: [k, total - k], age: [a, b, c, d] } as const;
  });

/** A report as generated: mostly full breakdowns of small counts and zeros, some missing, some totals only. */
export const trueReport: fc.Arbitrary<TrueReport> = fc.oneof(
  { weight: 2, arbitrary: fc.constant({ kind: 'missing' } as const) },
  { weight: 2, arbitrary: count.map((total) => ({ kind: 'total-only', total }) as const) },
  { weight: 8, arbitrary: full },
);

/** A whole area with a late report and a correction between two releases. */
export const areaData: fc.Arbitrary<AreaData> = fc
  .tuple(fc.array(trueReport, { minLength: ORGS.length, maxLength: ORGS.length }), full, full, fc.nat(ORGS.length - 1))
  .map(([reports, lateReport, corrected, pick]) => {
    const first = Object.fromEntries(ORGS.map((o, i) => [o, reports[i] as TrueReport]));
    const missing = ORGS.filter((o) => first[o]?.kind === 'missing');
    const present = ORGS.filter((o) => first[o]?.kind === 'full');
    return {
      first,
      late: missing.length ? { org: missing[pick % missing.length] as string, report: lateReport } : undefined,
      correction: present.length ? { org: present[pick % present.length] as string, report: corrected } : undefined,
    };
  });

/** The body of a PUT for a report (an indicator with gender and age, such as relatives-supported). */
export function reportBody(r: TrueReport): unknown {
  if (r.kind === 'total-only') return { value: r.total };
  if (r.kind === 'full') {
    const [k, m] = r.gender;
    const [a, b, c, d] = r.age;
    return { value: k + m, breakdown: { gender: { K: k, M: m }, age: { '0-17': a, '18-25': b, '26-64': c, '65+': d } } };
  }
  return undefined;
}

/** True cell values of a report by cell key. */
export function trueCells(r: TrueReport | undefined): Record<string, number> {
  if (!r || r.kind === 'missing') return {};
  if (r.kind === 'total-only') return { T: r.total };
  const [k, m] = r.gender;
  const [a, b, c, d] = r.age;
  return { T: k + m, 'gender:K': k, 'gender:M': m, 'age:0-17': a, 'age:18-25': b, 'age:26-64': c, 'age:65+': d };
}
