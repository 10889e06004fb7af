import type { Clock } from '../../core/deps.js';
import type { Store } from '../../core/store/store.js';
import { serviceCatalogue, type ServiceCatalogue } from './service-catalogue.js';

/** One service of the directory's public index. */
export interface ServiceRef {
  readonly id: string;
  readonly name: string;
  readonly municipalities: readonly string[];
}

/** Where the directory publishes its index (read-only for this service). */
export const SERVICE_INDEX_KEY = 'directory/public/service-index.json';

function valid(value: unknown): value is ServiceRef[] {
  return (
    Array.isArray(value) &&
    value.every(
      (s: unknown) =>
        typeof s === 'object' &&
        s !== null &&
        typeof (s as ServiceRef).id === 'string' &&
        typeof (s as ServiceRef).name === 'string' &&
        Array.isArray((s as ServiceRef).municipalities),
    )
  );
}

/**
 * A reader of the directory's service index that asks the store at most once per `maxAgeSeconds`
 * and then only for a changed version (`If-None-Match`), indexing each version once. Answers
 * `undefined` while the index is absent or unreadable, so the form leaves the question out.
 */
export function serviceIndex(store: Store, clock: Clock, maxAgeSeconds = 60): () => Promise<ServiceCatalogue | undefined> {
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
    try {
      const parsed: unknown = JSON.parse(new TextDecoder().decode(found.body));
      cached = valid(parsed) ? { etag: found.etag, catalogue: serviceCatalogue(parsed) } : undefined;
    } catch {
      cached = undefined;
    }
    return cached?.catalogue;
  };
}
