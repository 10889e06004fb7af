import { indicatorReleasesContract, NO_RELEASES, type PublishedReleases } from '../../core/contracts/indicator-releases.js';
import { contractReader, type ContractReaderOptions } from '../../core/contracts/reader.js';

/** Options of `releasesReader`. */
export type ReleasesReaderOptions = ContractReaderOptions;

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
  return contractReader(indicatorReleasesContract, NO_RELEASES, options);
}
