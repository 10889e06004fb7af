import { createHash } from 'node:crypto';
import type { CountyConfig, IndicatorDefinition } from '../../core/config/schema.js';
import { readContract } from '../../core/contracts/contract.js';
import type { Logger } from '../../core/log.js';
import { getJson } from '../../core/store/json.js';
import type { Store } from '../../core/store/store.js';
import type { Snapshot } from '../data/snapshot.js';
import { inParallel } from '../data/parallel.js';
import { DERIVED_CONTRACTS, REPORTS_PREFIX, type StoredReport } from '../model/report.js';
import { rawTable, reportsByIndicator, reportingOrganisations, type RawTable } from '../query/raw.js';

/** How many report objects the release step reads at once. */
const READ_CONCURRENCY = 16;

/**
 * Read what a release of `period` is made from: the reports of `definitions` for that period (one
 * listing per indicator, then the objects) and the derived sources. Only the release step and
 * staff routes read raw reports.
 */
export async function readPeriodInput(
  store: Store,
  definitions: readonly IndicatorDefinition[],
  period: string,
  log: Logger,
): Promise<Snapshot> {
  const keys: string[] = [];
  for (const def of definitions) {
    let cursor: string | undefined;
    do {
      const page = await store.list(`${REPORTS_PREFIX}${def.id}/${period}/`, { cursor });
      keys.push(...page.items.map((i) => i.key));
      cursor = page.cursor;
    } while (cursor);
  }
  const reports: StoredReport[] = [];
  await inParallel(keys, READ_CONCURRENCY, async (key) => {
    const found = await getJson<StoredReport>(store, key);
    if (found) reports.push(found.value);
  });
  const derived: Record<string, unknown> = {};
  if (definitions.some((d) => d.derived))
    for (const [name, contract] of DERIVED_CONTRACTS) derived[name] = (await readContract(store, contract, log))?.value;
  return { reports, derived, version: 0 };
}

/** One indicator's raw table restricted to `period`: every expected organisation has a row. */
export function periodTables(
  definitions: readonly IndicatorDefinition[],
  config: CountyConfig,
  snapshot: Snapshot,
  period: string,
): RawTable[] {
  const grouped = reportsByIndicator(snapshot);
  return definitions.map((def) => {
    const raw = rawTable(def, config, snapshot, grouped);
    const rows = raw.rows.filter((r) => r.period === period);
    const missing = raw.available ? 'not-reported' : 'not-yet-available';
    return {
      ...raw,
      periods: [period],
      rows: rows.length
        ? rows
        : reportingOrganisations(def, config).map((organization) => ({
            organization,
            period,
            status: missing,
            cells: {},
            denominators: {},
          })),
    };
  });
}

/** Whether anything at all was reported for the period (figures or "not applicable"). */
export const anythingReported = (tables: readonly RawTable[]): boolean =>
  tables.some((t) => t.rows.some((r) => r.status === 'reported' || r.status === 'not-applicable'));

/** A fingerprint of the figures a release is made from: a revision needs a different one. */
export function inputHash(tables: readonly RawTable[]): string {
  const rows = tables.map((t) => [t.indicator.id, t.rows.map((r) => [r.organization, r.status, r.cells, r.denominators])]);
  return createHash('sha256').update(JSON.stringify(rows)).digest('hex');
}
