import type { Logger } from '../../core/log.js';
import { publishDerived } from '../../core/store/json.js';
import type { Store } from '../../core/store/store.js';
import { isNationalStats, NATIONAL_KEY, NATIONAL_SOURCE, type NationalKpi, type NationalStats, type NationalYears } from './model.js';
import type { ParsedKolada } from './parse.js';

const EMPTY: NationalStats = { kind: 'national-statistics', source: NATIONAL_SOURCE, kpis: {} };

/** What one import wrote: per KPI, how many municipality codes and values. */
export interface ImportSummary {
  readonly kpi: string;
  readonly indicators: readonly string[];
  readonly codes: number;
  readonly values: number;
}

/**
 * Store parsed Kolada figures: every KPI in the file replaces that KPI's earlier import as a
 * whole; other KPIs stay. One object, written over the version read (If-Match) or create-only,
 * so an import is all or nothing and two imports never lose each other's KPIs.
 */
export async function storeNational(
  store: Store,
  parsed: ParsedKolada,
  meta: { readonly kpis: ReadonlyMap<string, readonly string[]>; readonly retrieved: string; readonly now: Date },
): Promise<ImportSummary[]> {
  const summary: ImportSummary[] = [];
  const added: Record<string, NationalKpi> = {};
  for (const [kpi, byCode] of parsed) {
    const values: Record<string, NationalYears> = {};
    let count = 0;
    for (const [code, byYear] of [...byCode].sort(([a], [b]) => a.localeCompare(b))) {
      values[code] = Object.fromEntries([...byYear].sort(([a], [b]) => a.localeCompare(b)));
      for (const genders of byYear.values()) count += Object.keys(genders).length;
    }
    const indicators = meta.kpis.get(kpi) ?? [];
    added[kpi] = { kpi, indicators, retrieved: meta.retrieved, importedAt: meta.now.toISOString(), values };
    summary.push({ kpi, indicators, codes: byCode.size, values: count });
  }
  await publishDerived<NationalStats>(store, NATIONAL_KEY, (found) => {
    const current = isNationalStats(found.value) ? found.value : EMPTY;
    return { ...EMPTY, kpis: { ...current.kpis, ...added } };
  });
  return summary;
}

/**
 * A warm function's copy of the national figures: one object, asked again (with `If-None-Match`)
 * at most once per window. Kolada publishes once a year and an import is a rare manual step, so
 * the window is long (the pages use 40 release windows, 10 minutes by default): a public page then
 * adds one GET when cold and none in the window, and the releases object stays the only one
 * revalidated every 15 seconds.
 */
export class NationalCache {
  private etag?: string;
  private value: NationalStats = EMPTY;
  private loadedAt = -Infinity;
  private pending?: Promise<NationalStats>;

  constructor(
    private readonly store: Store,
    private readonly log: Logger,
    private readonly now: () => number = () => performance.now(),
    private readonly windowMs = 600_000,
  ) {}

  /** The imported figures (none before the first import). */
  load(): Promise<NationalStats> {
    if (this.now() - this.loadedAt < this.windowMs) return Promise.resolve(this.value);
    this.pending ??= this.refresh().finally(() => (this.pending = undefined));
    return this.pending;
  }

  private async refresh(): Promise<NationalStats> {
    const started = this.now();
    const found = await this.store.get(NATIONAL_KEY, this.etag ? { ifNoneMatch: this.etag } : {});
    if (found === undefined) {
      this.etag = undefined;
      this.value = EMPTY;
    } else if (found !== 'not-modified') {
      this.etag = found.etag;
      let parsed: unknown;
      try {
        parsed = JSON.parse(new TextDecoder().decode(found.body)) as unknown;
      } catch {
        parsed = undefined;
      }
      // a corrupt object reads as nothing imported (logged), never a 500
      if (!isNationalStats(parsed)) this.log.warn('national statistics object does not fit its shape', { key: NATIONAL_KEY });
      this.value = isNationalStats(parsed) ? parsed : EMPTY;
    }
    this.loadedAt = started;
    return this.value;
  }
}
