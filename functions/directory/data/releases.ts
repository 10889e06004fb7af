import { decodeContract } from '../../core/contracts/contract.js';
import { indicatorReleasesContract, NO_RELEASES, type PublishedReleases } from '../../core/contracts/indicator-releases.js';
import type { Logger } from '../../core/log.js';
import type { Store } from '../../core/store/store.js';

/** Options of `releasesReader`. */
export interface ReleasesReaderOptions {
  readonly store: Store;
  readonly log: Logger;
  /** Monotonic milliseconds for the cache window. */
  readonly now: () => number;
  /** How long a warm function trusts its copy without asking the store. */
  readonly windowMs: number;
}

/**
 * The indicator store's published releases as the directory reads them (read-only, through their
 * contract): asked at most once per cache window, then with `If-None-Match`, so a warm report page
 * costs no storage call within the window and one small one after it. A missing file, or one that
 * does not fit the contract (logged), reads as nothing released.
 *
 * @example
 * const releases = releasesReader({ store, log, now: () => performance.now(), windowMs: 5_000 });
 * const published = await releases();
 */
export function releasesReader(options: ReleasesReaderOptions): () => Promise<PublishedReleases> {
  let kept: { value: PublishedReleases; etag?: string; checkedAt: number } | undefined;
  return async () => {
    const started = options.now();
    if (kept && started - kept.checkedAt < options.windowMs) return kept.value;
    const found = await options.store.get(indicatorReleasesContract.key, kept?.etag ? { ifNoneMatch: kept.etag } : {});
    if (found === 'not-modified' && kept) kept = { ...kept, checkedAt: started };
    else if (found === undefined || found === 'not-modified') kept = { value: NO_RELEASES, checkedAt: started };
    else
      kept = {
        value: decodeContract(indicatorReleasesContract, found.body, options.log) ?? NO_RELEASES,
        etag: found.etag,
        checkedAt: started,
      };
    return kept.value;
  };
}
