import type { CountyConfig, IndicatorDefinition } from '../../core/config/schema.js';
import { organisationIds } from '../../core/organisations.js';
import { cellKey, dimensionCategories, TOTAL } from '../model/cells.js';
import { isPeriod } from '../model/period.js';
import type { CellValues, DerivedData } from '../model/report.js';

/** The pseudo-organisation for feedback given without a municipality (kept so area totals stay additive). */
export const UNSPECIFIED_ORG = 'unspecified';

/** Derived figures of one organisation and period. */
export interface DerivedFigure {
  readonly organization: string;
  readonly period: string;
  readonly cells: CellValues;
}

interface Entry {
  readonly org: string;
  readonly period: string;
  readonly code: string;
  readonly count: number;
}

// The rows were checked against their contract when read, so only their names differ here.
function entriesOf(kind: NonNullable<IndicatorDefinition['derived']>, data: Readonly<DerivedData>): Entry[] {
  if (kind === 'feedback')
    return (data.feedback ?? []).map((r) => ({
      org: r.municipality ?? UNSPECIFIED_ORG,
      period: r.period,
      code: r.malbild,
      count: r.count,
    }));
  return (data['calendar-attendance'] ?? []).map((r) => ({ org: r.org, period: r.period, code: r.topic, count: r.count }));
}

/** The organisations a derived indicator reports for. */
export function derivedOrganisations(def: IndicatorDefinition, config: CountyConfig): string[] {
  return def.derived === 'feedback' ? [...config.municipalities.map((m) => m.code), UNSPECIFIED_ORG] : [...organisationIds(config)];
}

/**
 * Figures of a derived indicator from another service's public file (`data`: the snapshot's derived sources): per organisation and quarter,
 * a cell per category and the total as their sum. Every organisation of a period present in the
 * file gets figures (no entry means zero: the source counts everything). Entries with an unknown
 * organisation, category or period are left out, so totals stay the sum of their cells.
 */
export function derivedFigures(def: IndicatorDefinition, config: CountyConfig, data: Readonly<DerivedData>): DerivedFigure[] {
  if (!def.derived) return [];
  const dimension = def.derived === 'feedback' ? 'malbild' : 'topic';
  const codes = dimensionCategories(config)[dimension].map((c) => c.code);
  const orgs = derivedOrganisations(def, config);
  const known = new Set(orgs);
  const byKey = new Map<string, CellValues>();
  const periods = new Set<string>();
  for (const e of entriesOf(def.derived, data)) {
    if (!known.has(e.org) || !codes.includes(e.code) || !isPeriod(e.period, def.frequency)) continue;
    periods.add(e.period);
    const key = `${e.org}\n${e.period}`;
    const cells = byKey.get(key) ?? {};
    const k = cellKey(dimension, e.code);
    cells[k] = (cells[k] ?? 0) + e.count;
    byKey.set(key, cells);
  }
  return [...periods].flatMap((period) =>
    orgs.map((organization) => {
      const found = byKey.get(`${organization}\n${period}`) ?? {};
      const cells: CellValues = { [TOTAL]: 0 };
      for (const code of codes) {
        const k = cellKey(dimension, code);
        cells[k] = found[k] ?? 0;
        cells[TOTAL] = (cells[TOTAL] as number) + (cells[k] as number);
      }
      return { organization, period, cells };
    }),
  );
}
