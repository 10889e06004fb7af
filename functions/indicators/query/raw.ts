import type { CountyConfig, IndicatorDefinition } from '../../core/config/schema.js';
import { organisationIds } from '../../core/organisations.js';
import type { Snapshot } from '../data/snapshot.js';
import { derivedFigures, derivedOrganisations } from '../data/derived.js';
import { TOTAL } from '../model/cells.js';
import type { CellValues, StoredReport } from '../model/report.js';

/** One organisation's raw figures for a period, before disclosure control. */
export interface RawRow {
  readonly organization: string;
  readonly period: string;
  readonly status: 'reported' | 'not-applicable' | 'not-reported' | 'not-yet-available';
  readonly cells: CellValues;
  /** Persons behind each cell of a share, mean or median (from the report, or the weight indicator). */
  readonly denominators: CellValues;
  readonly reportedAt?: string;
  /** Whether the figures were corrected after they were first reported. */
  readonly revised?: boolean;
  /** The counting rule the report was stored under (absent: before the rule was kept). */
  readonly counting?: 'each-own' | 'single-reporter';
}

/** Raw figures of one indicator: organisations × periods. */
export interface RawTable {
  readonly indicator: IndicatorDefinition;
  readonly available: boolean;
  readonly periods: string[];
  readonly organizations: string[];
  readonly rows: RawRow[];
}

/** The organisations expected to report an indicator: municipalities, then the region and its units. */
export function reportingOrganisations(def: IndicatorDefinition, config: CountyConfig): string[] {
  if (def.derived) return derivedOrganisations(def, config);
  const municipalities = config.municipalities.map((m) => m.code);
  return [...municipalities, ...[...organisationIds(config)].filter((o) => !municipalities.includes(o))];
}

/** Group report objects by indicator (one pass over the snapshot). */
export function reportsByIndicator(snapshot: Snapshot): Map<string, StoredReport[]> {
  const map = new Map<string, StoredReport[]>();
  for (const r of snapshot.reports) {
    let list = map.get(r.indicator);
    if (!list) map.set(r.indicator, (list = []));
    list.push(r);
  }
  return map;
}

/** Build the raw table of `def` from the snapshot; `byIndicator` is `reportsByIndicator(snapshot)`. */
export function rawTable(
  def: IndicatorDefinition,
  config: CountyConfig,
  snapshot: Snapshot,
  byIndicator: Map<string, StoredReport[]>,
): RawTable {
  const organizations = reportingOrganisations(def, config);
  const known = new Set(organizations);
  const found = new Map<string, Omit<RawRow, 'organization' | 'period'>>();
  const at = (org: string, period: string) => `${org}\n${period}`;
  let available = true;
  if (def.derived) {
    available = snapshot.derived[def.derived] !== undefined;
    for (const f of derivedFigures(def, config, snapshot.derived))
      found.set(at(f.organization, f.period), { status: 'reported', cells: f.cells, denominators: {} });
  } else {
    const weights = new Map<string, number>();
    for (const w of def.weight ? (byIndicator.get(def.weight) ?? []) : []) {
      const total = w.current.status === 'reported' ? w.current.cells[TOTAL] : undefined;
      if (total !== undefined) weights.set(at(w.organization, w.period), total);
    }
    for (const r of byIndicator.get(def.id) ?? []) {
      if (!known.has(r.organization)) continue;
      const weight = weights.get(at(r.organization, r.period));
      const denominators =
        weight !== undefined && r.current.denominators[TOTAL] === undefined
          ? { ...r.current.denominators, [TOTAL]: weight }
          : r.current.denominators;
      found.set(at(r.organization, r.period), {
        status: r.current.status,
        cells: r.current.status === 'reported' ? r.current.cells : {},
        denominators,
        reportedAt: r.current.reportedAt,
        ...(r.history.length ? { revised: true } : {}),
        ...(r.current.counting ? { counting: r.current.counting } : {}),
      });
    }
  }
  const periods = [...new Set([...found.keys()].map((k) => k.slice(k.indexOf('\n') + 1)))].sort();
  const rows = periods.flatMap((period) =>
    organizations.map((organization): RawRow =>
      found.has(at(organization, period))
        ? { organization, period, ...(found.get(at(organization, period)) as Omit<RawRow, 'organization' | 'period'>) }
        : { organization, period, status: available ? 'not-reported' : 'not-yet-available', cells: {}, denominators: {} },
    ),
  );
  return { indicator: def, available, periods, organizations, rows };
}
