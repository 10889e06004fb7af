import type { CountyConfig } from '../../core/config/schema.js';
import type { DisclosureEquation, DisclosureProblem, DisclosureVariable, ProtectionLevels } from '../../core/disclosure/types.js';
import { cellKey, TOTAL, type Category, type Dimension } from '../model/cells.js';
import { RESIDENCE_PREFIX } from '../model/single-reporter.js';
import type { RawTable } from '../query/raw.js';

/** The organisation code of area cells in variable ids. */
const AREA = 'area';

/** The id of a cell's variable: `indicator/organisation/cell` (`sip-established/2580/gender:K`). */
export const variableId = (indicator: string, organization: string, key: string): string => `${indicator}/${organization}/${key}`;

/** Whether an indicator's cells are additive counts, and so protected as a linear system. */
export const isAdditive = (table: RawTable): boolean => table.indicator.unit === 'count' && table.indicator.aggregate === 'sum';

/**
 * The disclosure problem of one period's additive count tables, as an attacker who reads all
 * public output knows it:
 * - a variable per reported organisation × cell and per area cell; a count from 1 to minCount−1 is
 *   sensitive and must be hidden;
 * - `T = Σ categories` for each breakdown dimension an organisation reported in full;
 * - `area cell = Σ organisations that reported that cell` (so an organisation that reported a total
 *   without a breakdown is in the area total but not in the area's breakdown cells — stated as it is).
 * - `T = Σ residence cells + the part without a residence` for a region-side count split by
 *   municipality of residence (the rest is a never-published unknown, 0 or more), and
 *   `area residence:m = Σ region-side organisations' residence:m`, so a residence split
 *   recoverable from a unit total is something protection must prevent.
 * - `länsdel cell = Σ its municipalities that reported that cell`, for each länsdel of `parts`
 *   (config `areas`), so no figure can be recovered by subtracting a länsdel from the county.
 * Coverage (which organisations reported what) is public, so it is built into the equations.
 */
export function buildProblem(
  tables: readonly RawTable[],
  categories: Record<Dimension, readonly Category[]>,
  levels: ProtectionLevels,
  parts: readonly CountyPart[] = [],
): DisclosureProblem {
  const variables: DisclosureVariable[] = [];
  const equations: DisclosureEquation[] = [];
  for (const table of tables.filter(isAdditive)) {
    const def = table.indicator;
    const minCount = def.suppression?.minCount ?? 5;
    const add = (id: string, value: number) => {
      const sensitive = value > 0 && value < minCount;
      variables.push({ id, value, ...(sensitive ? { sensitive: true, mustHide: true } : {}) });
    };
    const area = new Map<string, string[]>();
    const areaValue = new Map<string, number>();
    for (const row of table.rows) {
      if (row.status !== 'reported') continue;
      for (const [key, value] of Object.entries(row.cells)) {
        const id = variableId(def.id, row.organization, key);
        add(id, value);
        area.set(key, [...(area.get(key) ?? []), id]);
        areaValue.set(key, (areaValue.get(key) ?? 0) + value);
      }
      if (row.cells[TOTAL] === undefined) continue;
      equations.push(...residenceEquation(def.id, row.organization, row.cells, variables));
      for (const dimension of def.breakdown) {
        const keys = categories[dimension].map((c) => cellKey(dimension, c.code));
        if (!keys.every((k) => row.cells[k] !== undefined)) continue;
        equations.push({
          terms: [
            { id: variableId(def.id, row.organization, TOTAL), coef: 1 },
            ...keys.map((k) => ({ id: variableId(def.id, row.organization, k), coef: -1 })),
          ],
        });
      }
    }
    for (const [key, members] of area) {
      const id = variableId(def.id, AREA, key);
      add(id, areaValue.get(key) ?? 0);
      equations.push({ terms: [{ id, coef: 1 }, ...members.map((m) => ({ id: m, coef: -1 }))] });
    }
    for (const part of parts)
      for (const [key, rows] of partMembers(table.rows, part)) {
        const id = variableId(def.id, partOrg(part.id), key);
        add(
          id,
          rows.reduce((s, r) => s + (r.cells[key] as number), 0),
        );
        equations.push({ terms: [{ id, coef: 1 }, ...rows.map((r) => ({ id: variableId(def.id, r.organization, key), coef: -1 }))] });
      }
  }
  return { variables, equations, levels };
}

/** A länsdel of the area (config `areas`): its id and municipalities. */
export type CountyPart = Pick<CountyConfig['areas'][number], 'id' | 'municipalities'>;

/** The organisation code of a länsdel's cells in variable ids (`part:vast`). */
export const partOrg = (id: string): string => `part:${id}`;

/**
 * The members of each of a länsdel's cells: the rows of its municipalities that reported that
 * cell (as the area's cells, formed from what each one reported). Cell keys in first-seen order.
 */
export function partMembers(rows: readonly RawTable['rows'][number][], part: CountyPart): Map<string, RawTable['rows'][number][]> {
  const members = new Map<string, RawTable['rows'][number][]>();
  for (const row of rows) {
    if (row.status !== 'reported' || !part.municipalities.includes(row.organization)) continue;
    for (const key of Object.keys(row.cells)) members.set(key, [...(members.get(key) ?? []), row]);
  }
  return members;
}

/**
 * A residence split's relation: `T = Σ residence:m + rest`, where `rest` (the part of the total
 * with no residence given) is never published and so is an unknown of 0 or more for the attacker.
 * Adds the `rest` variable to `variables`; no equation when the row has no residence cells.
 */
function residenceEquation(
  indicator: string,
  organization: string,
  cells: Readonly<Record<string, number>>,
  variables: DisclosureVariable[],
): DisclosureEquation[] {
  const keys = Object.keys(cells).filter((k) => k.startsWith(RESIDENCE_PREFIX));
  if (keys.length === 0) return [];
  const rest = variableId(indicator, organization, `${RESIDENCE_PREFIX}?`);
  const value = (cells[TOTAL] ?? 0) - keys.reduce((s, k) => s + (cells[k] ?? 0), 0);
  variables.push({ id: rest, value, mustHide: true });
  return [
    {
      terms: [
        { id: variableId(indicator, organization, TOTAL), coef: 1 },
        ...keys.map((k) => ({ id: variableId(indicator, organization, k), coef: -1 })),
        { id: rest, coef: -1 },
      ],
    },
  ];
}
