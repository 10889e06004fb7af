import type { IndicatorDefinition } from '../../core/config/schema.js';
import type { AreaRow, Cell, IndicatorTable, OrgRow } from '../query/types.js';
import type { Published, ReleasedValue } from './types.js';

const cell = (value: ReleasedValue): Cell => (value === null ? { value: null, status: 'suppressed' } : { value, status: 'reported' });
const cells = (values: Readonly<Record<string, ReleasedValue>>): Record<string, Cell> =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, cell(v)]));

/**
 * One indicator as the public sees it: the latest release of every released period, nothing else.
 * A hidden cell is `suppressed` with no reason; nothing tells when or by whom a figure was reported.
 */
export function publicTable(def: IndicatorDefinition, organizations: readonly string[], published: Published): IndicatorTable {
  const releases = Object.values(published.periods)
    .filter((r) => r.tables[def.id])
    .sort((a, b) => (a.period < b.period ? -1 : 1));
  const rows: OrgRow[] = [];
  const area: AreaRow[] = [];
  // Before any release a derived indicator's source is not known to the public: not yet available.
  let available = releases.length === 0 && !def.derived;
  for (const release of releases) {
    const table = release.tables[def.id] as NonNullable<(typeof release.tables)[string]>;
    available ||= table.available;
    for (const row of table.rows)
      rows.push({ organization: row.organization, period: release.period, status: row.status, cells: cells(row.cells) });
    area.push({
      period: release.period,
      cells: cells(table.area.cells),
      coverage: table.area.coverage,
      method: def.aggregate,
      ...(table.area.overlap?.length ? { overlap: table.area.overlap } : {}),
      ...(table.area.parts ? { parts: Object.fromEntries(Object.entries(table.area.parts).map(([id, c]) => [id, cells(c)])) } : {}),
    });
  }
  return { indicator: def, available, periods: releases.map((r) => r.period), organizations, rows, area };
}
