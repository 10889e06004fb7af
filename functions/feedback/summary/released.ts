import type { CountyConfig } from '../../core/config/schema.js';
import type { Term } from '../../core/domain/vocabulary.js';
import { decodeContract } from '../../core/contracts/contract.js';
import { indicatorReleasesContract, NO_RELEASES, type PublishedReleases } from '../../core/contracts/indicator-releases.js';
import type { Logger } from '../../core/log.js';
import type { Store } from '../../core/store/store.js';
import type { SummaryCell } from './build.js';

/** The indicator whose releases hold the feedback counts. */
export const FEEDBACK_INDICATOR = 'feedback-received';
/** The organisation of the feedback table that stands for "no municipality". */
const UNSPECIFIED = 'unspecified';

/** When a quarter's counts were released, and which revision. */
export interface ReleaseInfo {
  readonly period: string;
  readonly revision: number;
  readonly releasedAt: string;
}

/**
 * The area's published releases (through their contract) and the ETag they were read at (`null`
 * before the first release). A file that does not fit the contract counts as no releases, with a
 * warning, but keeps its ETag, so what was built from it is not rebuilt until it changes.
 */
export async function readReleases(store: Store, log: Logger): Promise<{ published: PublishedReleases; etag: string | null }> {
  const found = await store.get(indicatorReleasesContract.key);
  if (!found || found === 'not-modified') return { published: NO_RELEASES, etag: null };
  return { published: decodeContract(indicatorReleasesContract, found.body, log) ?? NO_RELEASES, etag: found.etag };
}

/**
 * The summary cells of `periods` from the releases: the feedback counts are published only as the
 * indicator release protected them, so the summary and Uppföljning show one pattern of hidden
 * cells, checked together by the audit. A hidden cell is `suppressed` whatever the reason.
 */
export function releasedCells(published: PublishedReleases, periods: readonly string[], categories: readonly Term[], config: CountyConfig) {
  const cells: SummaryCell[] = [];
  const releases: ReleaseInfo[] = [];
  for (const period of periods) {
    const release = published.periods[period];
    const table = release?.tables[FEEDBACK_INDICATOR];
    if (!release || !table?.available) continue;
    releases.push({ period, revision: release.revision, releasedAt: release.releasedAt });
    const columns: (string | null)[] = [...config.municipalities.map((m) => m.code), null];
    for (const c of categories) {
      const key = `malbild:${c.id}`;
      const add = (municipality: string | null, value: number | null | undefined) =>
        cells.push({ period, malbild: c.id, municipality, count: value ?? null, status: value === null ? 'suppressed' : 'ok' });
      for (const m of columns) {
        const row = table.rows.find((r) => r.organization === (m ?? UNSPECIFIED));
        add(m, row?.cells[key] === undefined ? 0 : row.cells[key]);
      }
      add('total', table.area.cells[key] === undefined ? 0 : table.area.cells[key]);
    }
  }
  return { cells, releases };
}
