import { splitCellKey } from '../model/cells.js';
import { RESIDENCE_PREFIX } from '../model/single-reporter.js';
import type { Cell, IndicatorTable, ObsStatus } from './types.js';

/** The organisation code of the area's aggregate in tidy rows and exports. */
export const AREA_ORG = 'area';

/** One observation in tidy form (SDMX-like): its dimensions, value and status. */
export interface Observation {
  readonly indicator: string;
  readonly organization: string;
  readonly period: string;
  /** `total`, a breakdown dimension, or `residence` (a region-side count by municipality of residence). */
  readonly breakdown: string;
  /** `T` for the total, else the category code (`K`, `18-25`, the municipality code of a residence, …). */
  readonly category: string;
  readonly unit: string;
  readonly value: number | null;
  readonly status: ObsStatus;
  /** Persons behind a share, mean or median (staff with rights only). */
  readonly denominator?: number;
  /** The organisation corrected this report after first reporting it. */
  readonly revised?: boolean;
  /** For area rows: how the aggregate was formed and how many organisations it covers. */
  readonly method?: string;
  readonly coverage?: { readonly reported: number; readonly expected: number; readonly used: number };
}

/** Filters of observation queries. */
export interface ObservationFilter {
  readonly period?: string;
  readonly organization?: string;
  /** Include the area aggregate rows (default true). */
  readonly area?: boolean;
  /** Only total cells. */
  readonly totalsOnly?: boolean;
}

/**
 * `keys` and the residence cells (`residence:2380`) `cells` holds, in code order: a region-side
 * count's split by municipality of residence exists only where it was given (and, in public, released).
 */
function withResidence(keys: readonly string[], cells: Readonly<Record<string, Cell>>): string[] {
  const residence = Object.keys(cells)
    .filter((k) => k.startsWith(RESIDENCE_PREFIX) && !keys.includes(k))
    .sort();
  return [...keys, ...residence];
}

function cellRows(
  base: Omit<Observation, 'breakdown' | 'category' | 'value' | 'status'>,
  cells: Readonly<Record<string, Cell>>,
  keys: readonly string[],
  rowStatus: ObsStatus,
  totalsOnly: boolean,
  denominators: Readonly<Record<string, number>> = {},
): Observation[] {
  return keys
    .filter((k) => !totalsOnly || k === 'T')
    .map((key) => {
      const { dimension, code } = splitCellKey(key);
      const cell = cells[key];
      const status: ObsStatus = cell ? cell.status : rowStatus === 'reported' ? 'not-reported' : rowStatus;
      const denominator = denominators[key];
      return {
        ...base,
        breakdown: dimension,
        category: code,
        value: cell?.value ?? null,
        status,
        ...(denominator !== undefined ? { denominator } : {}),
      };
    });
}

/** Flatten a table into tidy observations: one row per organisation (and area) × period × cell. */
export function observationsOf(table: IndicatorTable, keys: readonly string[], filter: ObservationFilter = {}): Observation[] {
  const def = table.indicator;
  const out: Observation[] = [];
  const totalsOnly = filter.totalsOnly ?? false;
  for (const period of table.periods) {
    if (filter.period && filter.period !== period) continue;
    if (filter.area !== false && (!filter.organization || filter.organization === AREA_ORG)) {
      const area = table.area.find((a) => a.period === period);
      if (area) {
        const { reported, expected, used } = area.coverage;
        const base = {
          indicator: def.id,
          organization: AREA_ORG,
          period,
          unit: def.unit,
          method: area.method,
          coverage: { reported, expected, used },
        };
        out.push(
          ...cellRows(
            base,
            area.cells,
            withResidence(keys, area.cells),
            table.available ? 'not-reported' : 'not-yet-available',
            totalsOnly,
          ),
        );
      }
    }
    for (const row of table.rows) {
      if (row.period !== period || (filter.organization && filter.organization !== row.organization)) continue;
      const keysOfRow = row.status === 'reported' ? withResidence(keys, row.cells) : ['T'];
      out.push(
        ...cellRows(
          { indicator: def.id, organization: row.organization, period, unit: def.unit, ...(row.revised ? { revised: true } : {}) },
          row.cells,
          keysOfRow,
          row.status,
          totalsOnly,
          row.denominators,
        ),
      );
    }
  }
  return out;
}
