import { decodeContract } from '../../core/contracts/contract.js';
import { serviceIndexContract, type ServiceIndexRow } from '../../core/contracts/service-index.js';
import type { Clock } from '../../core/deps.js';
import type { Logger } from '../../core/log.js';
import type { Store } from '../../core/store/store.js';
import { serviceCatalogue, type ServiceCatalogue } from './service-catalogue.js';

/** One service of the directory's public index. */
export type ServiceRef = ServiceIndexRow;

/** Where the directory publishes its index (read-only for this service). */
export const SERVICE_INDEX_KEY = serviceIndexContract.key;

/**
 * A reader of the directory's service index that asks the store at most once per `maxAgeSeconds`
 * and then only for a changed version (`If-None-Match`), indexing each version once. Answers
 * `undefined` while the index is absent or does not fit its contract (logged), so the form leaves the
 * question out.
 */
export function serviceIndex(store: Store, clock: Clock, log: Logger, maxAgeSeconds = 60): () => Promise<ServiceCatalogue | undefined> {
  let cached: { etag: string; catalogue: ServiceCatalogue } | undefined;
  let checkedAt = Number.NEGATIVE_INFINITY;
  return async () => {
    const now = clock.now().getTime();
    if (now - checkedAt < maxAgeSeconds * 1000) return cached?.catalogue;
    checkedAt = now;
    const found = await store.get(SERVICE_INDEX_KEY, cached ? { ifNoneMatch: cached.etag } : {});
    if (found === 'not-modified') return cached?.catalogue;
    if (!found) {
      cached = undefined;
      return undefined;
    }
    const rows = decodeContract(serviceIndexContract, found.body, log);
    cached = rows ? { etag: found.etag, catalogue: serviceCatalogue(rows) } : undefined;
    return cached?.catalogue;
  };
}
