import type { CountyConfig } from '../../core/config/schema.js';
import { oldRuleOverlap } from '../model/single-reporter.js';
import { isSmallCount, isSmallDenominator, type Thresholds } from '../disclosure/thresholds.js';
import { TOTAL } from '../model/cells.js';
import { statisticCell, type Member } from '../query/area-stats.js';
import type { RawTable } from '../query/raw.js';
import type { Coverage } from '../query/types.js';
import { isAdditive, partMembers, partOrg, variableId, type CountyPart } from './problem.js';
import type { ReleasedTable, ReleasedValue } from './types.js';

const thresholdsOf = (table: RawTable): Thresholds => ({
  minCount: table.indicator.suppression?.minCount ?? 5,
  minDenominator: table.indicator.suppression?.minDenominator ?? 10,
});

function coverageOf(table: RawTable, used: number): Coverage {
  return {
    reported: table.rows.filter((r) => r.status === 'reported').length,
    notApplicable: table.rows.filter((r) => r.status === 'not-applicable').length,
    expected: table.rows.length,
    used,
  };
}

/** An additive table as released: each cell shown unless the protection hid it. */
function additiveTable(table: RawTable, hidden: ReadonlySet<string>, parts: readonly CountyPart[]): ReleasedTable {
  const id = table.indicator.id;
  const show = (org: string, key: string, value: number): ReleasedValue => (hidden.has(variableId(id, org, key)) ? null : value);
  const area: Record<string, number> = {};
  const rows = table.rows.map((row) => {
    const cells: Record<string, ReleasedValue> = {};
    for (const [key, value] of Object.entries(row.cells)) {
      cells[key] = show(row.organization, key, value);
      area[key] = (area[key] ?? 0) + value;
    }
    return { organization: row.organization, status: row.status, cells };
  });
  const areaCells = Object.fromEntries(Object.entries(area).map(([key, value]) => [key, show('area', key, value)]));
  const used = table.rows.filter((r) => r.status === 'reported').length;
  const partCells = Object.fromEntries(
    parts.map((part) => [
      part.id,
      Object.fromEntries(
        [...partMembers(table.rows, part)].map(([key, members]) => [
          key,
          show(
            partOrg(part.id),
            key,
            members.reduce((s, r) => s + (r.cells[key] as number), 0),
          ),
        ]),
      ),
    ]),
  );
  return {
    available: table.available,
    rows,
    area: { cells: areaCells, coverage: coverageOf(table, used), ...(parts.length ? { parts: partCells } : {}) },
  };
}

/**
 * A share, mean or median table as released: a cell behind too few persons is hidden (these are
 * not additive, so no linear relation ties them). The area figure is formed from shown figures
 * only, and for a weighted mean only from organisations whose weight is shown in this release, so
 * it is a function of what is public.
 */
function statisticTable(table: RawTable, weightShown: (org: string) => boolean): ReleasedTable {
  const t = thresholdsOf(table);
  const def = table.indicator;
  const members = new Map<string, Member[]>();
  const rows = table.rows.map((row) => {
    const cells: Record<string, ReleasedValue> = {};
    for (const [key, value] of Object.entries(row.cells)) {
      const denominator = row.denominators[key];
      const small = def.unit === 'count' ? isSmallCount(value, t) : isSmallDenominator(denominator, t);
      cells[key] = small ? null : value;
      if (!small && (!def.weight || weightShown(row.organization))) members.set(key, [...(members.get(key) ?? []), { value, denominator }]);
    }
    return { organization: row.organization, status: row.status, cells };
  });
  const cells: Record<string, ReleasedValue> = {};
  for (const [key, list] of members) cells[key] = statisticCell(def, list, t, true, 'not-reported').value;
  return { available: table.available, rows, area: { cells, coverage: coverageOf(table, members.get(TOTAL)?.length ?? 0) } };
}

/** Every indicator of a period as released, given the hidden variables chosen by the protection; additive ones with their länsdel cells. */
export function releasedTables(
  tables: readonly RawTable[],
  hidden: ReadonlySet<string>,
  config: Pick<CountyConfig, 'municipalities' | 'areas'>,
): Record<string, ReleasedTable> {
  const out: Record<string, ReleasedTable> = {};
  for (const table of tables.filter(isAdditive)) {
    const released = additiveTable(table, hidden, config.areas);
    const overlap = oldRuleOverlap(config, table.indicator.counting, table.rows);
    out[table.indicator.id] = overlap.length ? { ...released, area: { ...released.area, overlap } } : released;
  }
  for (const table of tables.filter((x) => !isAdditive(x))) {
    const weight = table.indicator.weight;
    const weightShown = (org: string) => {
      const value = weight ? out[weight]?.rows.find((r) => r.organization === org)?.cells[TOTAL] : undefined;
      return value !== undefined && value !== null;
    };
    out[table.indicator.id] = statisticTable(table, weightShown);
  }
  return out;
}
