import type {
  DisclosureEquation,
  DisclosureProblem,
  DisclosureVariable,
  ProtectionLevels,
} from '../../../functions/core/disclosure/index.js';
import { sum } from './build.js';

/**
 * One organisation's report for one table: a total and, unless it reported the total only, a
 * breakdown per dimension (`breakdown[d][c]`, each dimension summing to the total).
 */
export interface OrgReport {
  readonly total: number;
  readonly breakdown?: readonly (readonly number[])[];
}

/** One table of an area: organisations (undefined = not reported) over the same dimensions. */
export interface AreaTable {
  /** Prefix of every id, e.g. `ind3/q2/`. */
  readonly name: string;
  /** Number of categories of each breakdown dimension. */
  readonly dims: readonly number[];
  readonly orgs: readonly (OrgReport | undefined)[];
  /** Länsdel of each organisation (same index); each länsdel publishes its total. */
  readonly parts?: readonly number[];
}

/** A count of 1–4 is a primary-sensitive cell. */
export const isSmall = (v: number): boolean => v >= 1 && v <= 4;

/**
 * The figures and relations the public sees for one table: organisation totals and categories,
 * the area total over reporting organisations, each area category over the organisations that
 * broke down, per dimension an "unknown" cell holding the totals reported without breakdown, and
 * the total of each länsdel over its reporting organisations.
 */
export function tableSystem(table: AreaTable): { variables: DisclosureVariable[]; equations: DisclosureEquation[] } {
  const values = new Map<string, number>();
  const equations: DisclosureEquation[] = [];
  const add = (id: string, value: number): string => {
    values.set(id, (values.get(id) ?? 0) + value);
    return id;
  };
  const area = `${table.name}area/T`;
  const areaParts: string[] = [];
  const categories = table.dims.map((n, d) =>
    Array.from({ length: n }, (_, c) => ({ id: `${table.name}area/d${d}c${c}`, parts: [] as string[] })),
  );
  const unknown = table.dims.map((_, d) => ({ id: `${table.name}area/d${d}unknown`, parts: [] as string[] }));
  add(area, 0);
  for (const cell of categories.flat()) add(cell.id, 0);
  table.orgs.forEach((org, o) => {
    if (!org) return;
    const total = add(`${table.name}o${o}/T`, org.total);
    add(area, org.total);
    areaParts.push(total);
    table.dims.forEach((n, d) => {
      const split = org.breakdown?.[d];
      if (!split) {
        unknown[d]?.parts.push(total);
        add(unknown[d]?.id ?? '', org.total);
        return;
      }
      const ids = split.map((v, c) => {
        const id = add(`${table.name}o${o}/d${d}c${c}`, v);
        categories[d]?.[c]?.parts.push(id);
        add(categories[d]?.[c]?.id ?? '', v);
        return id;
      });
      equations.push(sum(total, ids));
    });
  });
  equations.push(sum(area, areaParts));
  const regions = new Map<number, string[]>();
  table.orgs.forEach((org, o) => {
    const region = table.parts?.[o];
    if (org && region !== undefined) regions.set(region, [...(regions.get(region) ?? []), `${table.name}o${o}/T`]);
  });
  for (const [region, members] of regions) {
    const id = `${table.name}part${region}/T`;
    for (const m of members) add(id, values.get(m) ?? 0);
    equations.push(sum(id, members));
  }
  table.dims.forEach((_, d) => {
    const row = categories[d] ?? [];
    for (const cell of row) equations.push(sum(cell.id, cell.parts));
    const gap = unknown[d];
    const parts = row.map((cell) => cell.id);
    if (gap && gap.parts.length > 0) {
      equations.push(sum(gap.id, gap.parts));
      parts.push(gap.id);
    } else if (gap) values.delete(gap.id);
    equations.push(sum(area, parts));
  });
  const variables = [...values].map(([id, value]) => ({ id, value, sensitive: isSmall(value) }));
  return { variables, equations };
}

/** One release: several tables protected together. */
export function releaseProblem(tables: readonly AreaTable[], levels: ProtectionLevels): DisclosureProblem {
  const systems = tables.map(tableSystem);
  return { variables: systems.flatMap((s) => s.variables), equations: systems.flatMap((s) => s.equations), levels };
}
