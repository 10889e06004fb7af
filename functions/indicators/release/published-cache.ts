import { decodeContract } from '../../core/contracts/contract.js';
import { indicatorReleasesContract } from '../../core/contracts/indicator-releases.js';
import type { Logger } from '../../core/log.js';
import type { Store } from '../../core/store/store.js';
import type { Published } from './types.js';

const EMPTY: Published = { releases: [], periods: {} };

/**
 * A warm function's copy of the published view: one object, asked again (with `If-None-Match`)
 * at most once per cache window. A cold public read is one storage request, whatever the number
 * of reports; a warm one is none or one conditional request.
 */
export class PublishedCache {
  private etag?: string;
  private value: Published = EMPTY;
  private loadedAt = -Infinity;
  private pending?: Promise<Published>;
  /** Changes whenever the published view changed; used to reuse computed tables. */
  version = 0;

  constructor(
    private readonly store: Store,
    private readonly windowMs: number,
    private readonly now: () => number,
    private readonly log: Logger,
  ) {}

  /** The published view (empty before the first release). */
  load(): Promise<Published> {
    if (this.now() - this.loadedAt < this.windowMs) return Promise.resolve(this.value);
    this.pending ??= this.refresh().finally(() => (this.pending = undefined));
    return this.pending;
  }

  /** Ask the store at the next load (after a release through this app). */
  invalidate(): void {
    this.loadedAt = -Infinity;
  }

  private async refresh(): Promise<Published> {
    const started = this.now();
    const found = await this.store.get(indicatorReleasesContract.key, this.etag ? { ifNoneMatch: this.etag } : {});
    if (found === undefined) {
      if (this.etag) this.version += 1;
      this.etag = undefined;
      this.value = EMPTY;
    } else if (found !== 'not-modified') {
      this.etag = found.etag;
      // a file that does not fit the contract reads as nothing released (logged), never a 500
      this.value = decodeContract(indicatorReleasesContract, found.body, this.log) ?? EMPTY;
      this.version += 1;
    }
    this.loadedAt = started;
    return this.value;
  }
}
