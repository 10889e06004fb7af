import type { CountyConfig } from '../../core/config/schema.js';
import { oldRuleOverlap } from '../model/single-reporter.js';
import { partMembers } from '../release/problem.js';
import { statisticCell } from './area-stats.js';
import type { RawRow, RawTable } from './raw.js';
import type { AreaRow, Cell, IndicatorTable, OrgRow, Viewer } from './types.js';

const NO_LIMITS = { minCount: 0, minDenominator: 0 };

function rawRow(row: RawRow): OrgRow {
  const cells: Record<string, Cell> = {};
  for (const [key, value] of Object.entries(row.cells)) cells[key] = { value, status: 'reported' };
  return {
    organization: row.organization,
    period: row.period,
    status: row.status,
    cells,
    raw: true,
    ...(row.reportedAt ? { reportedAt: row.reportedAt } : {}),
    ...(row.revised ? { revised: true } : {}),
    ...(Object.keys(row.denominators).length ? { denominators: row.denominators } : {}),
  };
}

/** The area row of raw figures: sums, or the median or weighted mean of every reported figure. */
function rawArea(raw: RawTable, period: string, rows: readonly RawRow[], config: Pick<CountyConfig, 'municipalities' | 'areas'>): AreaRow {
  const def = raw.indicator;
  const keys = new Set(rows.flatMap((r) => Object.keys(r.cells)));
  const cells: Record<string, Cell> = {};
  for (const key of keys) {
    const members = rows.filter((r) => r.cells[key] !== undefined);
    cells[key] =
      def.aggregate === 'sum'
        ? { value: members.reduce((s, r) => s + (r.cells[key] as number), 0), status: 'reported' }
        : statisticCell(
            def,
            members.map((r) => ({ value: r.cells[key] as number, denominator: r.denominators[key] })),
            NO_LIMITS,
            false,
            'not-reported',
          );
  }
  const reported = rows.filter((r) => r.status === 'reported').length;
  const overlap = oldRuleOverlap(config, def.counting, rows);
  // länsdel sums as the release forms them (additive counts only), raw
  const parts =
    def.unit === 'count' && def.aggregate === 'sum' && config.areas.length
      ? Object.fromEntries(
          config.areas.map((part) => [
            part.id,
            Object.fromEntries(
              [...partMembers(rows, part)].map(([key, members]): [string, Cell] => [
                key,
                { value: members.reduce((s, r) => s + (r.cells[key] as number), 0), status: 'reported' },
              ]),
            ),
          ]),
        )
      : undefined;
  return {
    ...(overlap.length ? { overlap } : {}),
    ...(parts ? { parts } : {}),
    period,
    cells,
    coverage: { reported, notApplicable: rows.filter((r) => r.status === 'not-applicable').length, expected: rows.length, used: reported },
    method: def.aggregate,
  };
}

/**
 * What staff see: an admin sees every reported figure as it is now (working data, never public);
 * an editor sees the released table with its own organisation's rows as reported, including
 * periods not yet released. `released` is the public table (see `publicTable`).
 */
export function staffTable(
  raw: RawTable,
  released: IndicatorTable,
  viewer: Exclude<Viewer, { kind: 'public' }>,
  config: Pick<CountyConfig, 'municipalities' | 'areas'>,
): IndicatorTable {
  if (viewer.kind === 'admin') {
    const area = raw.periods.map((p) =>
      rawArea(
        raw,
        p,
        raw.rows.filter((r) => r.period === p),
        config,
      ),
    );
    return { ...raw, rows: raw.rows.map(rawRow), area };
  }
  const own = raw.rows.filter((r) => viewer.orgs.includes(r.organization) && r.status !== 'not-reported');
  const replaced = new Set(own.map((r) => `${r.organization}\n${r.period}`));
  const rows = [...released.rows.filter((r) => !replaced.has(`${r.organization}\n${r.period}`)), ...own.map(rawRow)];
  const order = (r: OrgRow) => `${r.period}\n${String(raw.organizations.indexOf(r.organization)).padStart(6, '0')}`;
  rows.sort((a, b) => (order(a) < order(b) ? -1 : 1));
  const periods = [...new Set([...released.periods, ...own.map((r) => r.period)])].sort();
  return { ...released, periods, rows };
}
