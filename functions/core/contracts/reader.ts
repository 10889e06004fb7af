import type * as z from 'zod';
import type { Logger } from '../log.js';
import type { Store } from '../store/store.js';
import { type Contract, decodeContract } from './contract.js';

/** Options of `contractReader`. */
export interface ContractReaderOptions {
  readonly store: Store;
  readonly log: Logger;
  /** Monotonic milliseconds for the cache window. */
  readonly now: () => number;
  /** How long a warm function trusts its copy without asking the store. */
  readonly windowMs: number;
}

/**
 * A warm function's copy of another service's file: asked at most once per cache window, then
 * with `If-None-Match`, so a warm read costs no storage call within the window and one small one
 * after it. A missing file, or one that does not fit the contract (logged), reads as `fallback`.
 *
 * @example
 * const releases = contractReader(indicatorReleasesContract, NO_RELEASES, { store, log, now: () => performance.now(), windowMs: 5_000 });
 * const published = await releases();
 */
export function contractReader<S extends z.ZodType>(
  contract: Contract<S>,
  fallback: z.output<S>,
  options: ContractReaderOptions,
): () => Promise<z.output<S>> {
  let kept: { value: z.output<S>; etag?: string; checkedAt: number } | undefined;
  return async () => {
    const started = options.now();
    if (kept && started - kept.checkedAt < options.windowMs) return kept.value;
    const found = await options.store.get(contract.key, kept?.etag ? { ifNoneMatch: kept.etag } : {});
    if (found === 'not-modified' && kept) kept = { ...kept, checkedAt: started };
    else if (found === undefined || found === 'not-modified') kept = { value: fallback, checkedAt: started };
    else kept = { value: decodeContract(contract, found.body, options.log) ?? fallback, etag: found.etag, checkedAt: started };
    return kept.value;
  };
}
