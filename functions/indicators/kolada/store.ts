import { getJson, updateJson } from '../../core/store/json.js';
import type { Store } from '../../core/store/store.js';
import type { NationalValue } from './parse.js';

/** National statistics, kept apart from reported values and releases. */
export interface NationalStatistics {
  /** Where the figures come from, as the source asks to be credited. */
  readonly source: string;
  /** The day the figures were retrieved from the source (YYYY-MM-DD). */
  readonly retrievedAt: string;
  readonly values: readonly NationalValue[];
}

/** The one object of national statistics (indicators prefix; not a report, not a release). */
export const NATIONAL_KEY = 'indicators/national/kolada.json';

/** Kolada's attribution. */
export const KOLADA_SOURCE = 'Kolada (RKA), CC BY 4.0';

/**
 * Store imported values in one write: they replace earlier ones of the same KPI, municipality,
 * year and gender; others stay. The retrieval date is the latest import's.
 */
export async function storeNational(store: Store, values: readonly NationalValue[], retrievedAt: string): Promise<NationalStatistics> {
  const keyOf = (v: NationalValue) => `${v.kpi} ${v.municipality} ${v.year} ${v.gender}`;
  const incoming = new Set(values.map(keyOf));
  const { value } = await updateJson<NationalStatistics>(store, NATIONAL_KEY, (current) => ({
    source: KOLADA_SOURCE,
    retrievedAt,
    values: [...(current?.values ?? []).filter((v) => !incoming.has(keyOf(v))), ...values],
  }));
  return value;
}

/** Read the national statistics; `undefined` before any import. */
export async function readNational(store: Store): Promise<NationalStatistics | undefined> {
  return (await getJson<NationalStatistics>(store, NATIONAL_KEY))?.value;
}
