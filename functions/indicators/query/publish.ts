import { isSmallCount, isSmallDenominator, secondarySuppress, type SdcCell, type Thresholds } from '../disclosure/suppress.js';
import { TOTAL, splitCellKey } from '../model/cells.js';
import { statisticCell } from './area-stats.js';
import type { RawRow, RawTable } from './raw.js';
import type { AreaRow, Cell, IndicatorTable, OrgRow, Viewer } from './types.js';

interface Indexed extends SdcCell {
  readonly denominator?: number;
}

const cellOf = (c: Indexed | undefined, missing: Cell['status']): Cell =>
  !c
    ? { value: null, status: missing }
    : c.suppressed
      ? { value: null, status: 'suppressed', suppression: c.suppressed }
      : { value: c.value, status: 'reported' };

/**
 * Publish one indicator's raw table for a viewer: the public get primary and secondary suppression
 * on every organisation cell and every area aggregate; staff get the raw figures of the organisations
 * they have rights to (admins: all, including raw aggregates).
 */
export function publishTable(raw: RawTable, viewer: Viewer, thresholds: Thresholds): IndicatorTable {
  const def = raw.indicator;
  const protect = viewer.kind !== 'admin';
  const additive = def.aggregate === 'sum';
  const isCount = def.unit === 'count';
  const cells: Indexed[] = [];
  const relations: number[][] = [];
  const rowIndex: Map<string, number>[] = raw.rows.map((row) => {
    const map = new Map<string, number>();
    for (const [key, value] of Object.entries(row.cells)) {
      const denominator = row.denominators[key];
      const small = isCount ? isSmallCount(value, thresholds) : isSmallDenominator(denominator, thresholds);
      map.set(key, cells.push({ value, denominator, suppressed: protect && small ? 'primary' : undefined }) - 1);
    }
    if (isCount) relations.push(...dimensionRelations(map));
    return map;
  });
  const byPeriod = new Map<string, number[]>();
  raw.rows.forEach((row, i) => byPeriod.set(row.period, [...(byPeriod.get(row.period) ?? []), i]));
  const areaIndex = new Map<string, Map<string, number>>();
  if (additive) {
    for (const [period, rowsOfPeriod] of byPeriod) {
      const map = new Map<string, number>();
      const keys = new Set(rowsOfPeriod.flatMap((i) => [...(rowIndex[i] as Map<string, number>).keys()]));
      for (const key of keys) {
        const members = rowsOfPeriod.map((i) => rowIndex[i]?.get(key)).filter((x): x is number => x !== undefined);
        const value = members.reduce((s, i) => s + (cells[i] as Indexed).value, 0);
        const denominator = isCount ? undefined : members.reduce((s, i) => s + ((cells[i] as Indexed).denominator ?? 0), 0);
        const small = isCount ? isSmallCount(value, thresholds) : isSmallDenominator(denominator, thresholds);
        const at = cells.push({ value, denominator, suppressed: protect && small ? 'primary' : undefined }) - 1;
        map.set(key, at);
        relations.push([at, ...members]);
      }
      const complete = rowsOfPeriod.every(
        (i) =>
          (raw.rows[i] as RawRow).status !== 'reported' ||
          dimensionRelations(rowIndex[i] as Map<string, number>).length === def.breakdown.length,
      );
      if (isCount && complete) relations.push(...dimensionRelations(map));
      areaIndex.set(period, map);
    }
  }
  if (protect) secondarySuppress(cells, relations);

  const rows: OrgRow[] = raw.rows.map((row, i) => {
    const map = rowIndex[i] as Map<string, number>;
    const rawView = viewer.kind === 'admin' || (viewer.kind === 'staff' && viewer.orgs.includes(row.organization));
    const out: Record<string, Cell> = {};
    for (const [key, at] of map) {
      const c = cells[at] as Indexed;
      out[key] = rawView ? { value: c.value, status: 'reported' } : cellOf(c, 'not-reported');
    }
    return {
      organization: row.organization,
      period: row.period,
      status: row.status,
      cells: out,
      ...(row.reportedAt ? { reportedAt: row.reportedAt } : {}),
      ...(row.revised ? { revised: true } : {}),
      ...(rawView ? { raw: true, ...(Object.keys(row.denominators).length ? { denominators: row.denominators } : {}) } : {}),
    };
  });

  const area: AreaRow[] = [...byPeriod].map(([period, rowsOfPeriod]) => {
    const periodRows = rowsOfPeriod.map((i) => raw.rows[i] as RawRow);
    const reported = periodRows.filter((r) => r.status === 'reported').length;
    const coverageBase = {
      reported,
      notApplicable: periodRows.filter((r) => r.status === 'not-applicable').length,
      expected: periodRows.length,
    };
    const missing = raw.available ? 'not-reported' : 'not-yet-available';
    const out: Record<string, Cell> = {};
    if (additive) {
      for (const [key, at] of areaIndex.get(period) ?? []) out[key] = cellOf(cells[at], missing);
      return { period, cells: out, coverage: { ...coverageBase, used: reported }, method: def.aggregate };
    }
    let used = 0;
    const keys = new Set(rowsOfPeriod.flatMap((i) => [...(rowIndex[i] as Map<string, number>).keys()]));
    for (const key of keys) {
      const members = rowsOfPeriod
        .map((i) => rowIndex[i]?.get(key))
        .filter((x): x is number => x !== undefined)
        .map((at) => cells[at] as Indexed)
        .filter((c) => !c.suppressed);
      if (key === TOTAL) used = members.length;
      out[key] = statisticCell(def, members, thresholds, protect, missing);
    }
    return { period, cells: out, coverage: { ...coverageBase, used }, method: def.aggregate };
  });
  return { indicator: def, available: raw.available, periods: raw.periods, organizations: raw.organizations, rows, area };
}

/** The relations `T = Σ categories` of each dimension whose every category is present. */
function dimensionRelations(map: Map<string, number>): number[][] {
  const total = map.get(TOTAL);
  if (total === undefined) return [];
  const byDimension = new Map<string, number[]>();
  for (const [key, at] of map) {
    if (key === TOTAL) continue;
    const { dimension } = splitCellKey(key);
    byDimension.set(dimension, [...(byDimension.get(dimension) ?? []), at]);
  }
  return [...byDimension.values()].map((members) => [total, ...members]);
}
