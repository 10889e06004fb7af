import type { CountyConfig } from '../../core/config/schema.js';
import type { Clock } from '../../core/deps.js';
import { toStockholmIso } from '../../core/i18n.js';
import type { Logger } from '../../core/log.js';
import { getJson, putJson, updateJson } from '../../core/store/json.js';
import { PreconditionFailedError, type Store } from '../../core/store/store.js';
import { COLLECTION_KEY, HISTORY_PREFIX, SERVICE_INDEX_KEY, type Collection } from '../model/collection.js';
import { buildServiceIndex } from './service-index.js';
import { seedCollection } from './seed.js';

/** How long a warm function trusts its copy without asking the store (milliseconds). */
export const DEFAULT_CACHE_WINDOW_MS = 5_000;

/** A loaded collection with the store's ETag of that version. */
export interface Snapshot {
  readonly collection: Collection;
  readonly etag: string;
}

/** Options for `DirectoryRepository`. */
export interface RepositoryOptions {
  readonly store: Store;
  readonly config: CountyConfig;
  readonly clock: Clock;
  readonly log: Logger;
  /** Monotonic milliseconds for the cache window (default `performance.now`). */
  readonly monotonicNow?: () => number;
  readonly cacheWindowMs?: number;
}

/** One recorded change: who, when, what. Stored under `directory/history/<kind>/<id>/`. */
export interface HistoryEntry {
  readonly at: string;
  readonly by: string;
  readonly action: 'create' | 'update' | 'retire' | 'import';
  readonly kind: string;
  readonly id: string;
  readonly after: unknown;
}

const decoder = new TextDecoder();

/**
 * The directory's data: one collection object read whole, kept in the warm function and revalidated
 * with a conditional GET at most once per cache window. Seeds itself create-only on first use.
 */
export class DirectoryRepository {
  private cached?: Snapshot & { checkedAt: number };
  private readonly now: () => number;
  private readonly windowMs: number;

  constructor(private readonly options: RepositoryOptions) {
    this.now = options.monotonicNow ?? (() => performance.now());
    this.windowMs = options.cacheWindowMs ?? DEFAULT_CACHE_WINDOW_MS;
  }

  /** The current collection: cached within the window, else revalidated or loaded (seeding if absent). */
  async load(): Promise<Snapshot> {
    const cached = this.cached;
    if (cached && this.now() - cached.checkedAt < this.windowMs) return cached;
    const found = await this.options.store.get(COLLECTION_KEY, cached ? { ifNoneMatch: cached.etag } : {});
    if (found === 'not-modified' && cached) {
      this.cached = { ...cached, checkedAt: this.now() };
      return this.cached;
    }
    if (found === undefined || found === 'not-modified') return this.seed();
    return this.remember(JSON.parse(decoder.decode(found.body)) as Collection, found.etag);
  }

  /** Create the seeded collection unless someone else did first (create-only). */
  private async seed(): Promise<Snapshot> {
    const collection = seedCollection(this.options.config, toStockholmIso(this.options.clock.now()));
    try {
      const { etag } = await putJson(this.options.store, COLLECTION_KEY, collection, { ifNoneMatch: '*' });
      this.options.log.info('directory seeded', { services: collection.services.length });
      await this.writeServiceIndex(collection);
      return this.remember(collection, etag);
    } catch (error) {
      if (!(error instanceof PreconditionFailedError)) throw error;
      this.cached = undefined;
      const found = await this.options.store.get(COLLECTION_KEY);
      if (!found || found === 'not-modified') throw error;
      return this.remember(JSON.parse(decoder.decode(found.body)) as Collection, found.etag);
    }
  }

  private remember(collection: Collection, etag: string): Snapshot {
    this.cached = { collection, etag, checkedAt: this.now() };
    return this.cached;
  }

  /**
   * Change the collection without lost writes (ETag precondition with retry). `change` may throw a
   * ProblemError to refuse; nothing is written then. Keeps the public service index current.
   */
  async update(change: (current: Collection) => Collection): Promise<Snapshot> {
    const written = await updateJson<Collection>(this.options.store, COLLECTION_KEY, (current) => {
      const base = current ?? seedCollection(this.options.config, toStockholmIso(this.options.clock.now()));
      return { ...change(base), revision: (base.revision ?? 0) + 1 };
    });
    await this.writeServiceIndex(written.value);
    return this.remember(written.value, written.etag);
  }

  /**
   * Record changes in the explicit history. Keys carry the collection revision the change was written
   * in, which only one writer can win, so they are unique and sort in the order of the changes.
   */
  async recordHistory(revision: number, entries: readonly HistoryEntry[]): Promise<void> {
    await Promise.all(
      entries.map((entry) =>
        putJson(this.options.store, `${HISTORY_PREFIX}${entry.kind}/${entry.id}/${String(revision).padStart(10, '0')}.json`, entry, {
          ifNoneMatch: '*',
        }),
      ),
    );
  }

  /** The recorded changes of one entry, oldest first. */
  async history(kind: string, id: string): Promise<HistoryEntry[]> {
    const entries: HistoryEntry[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.options.store.list(`${HISTORY_PREFIX}${kind}/${id}/`, { cursor });
      for (const item of page.items) {
        const found = await this.options.store.get(item.key);
        if (found && found !== 'not-modified') entries.push(JSON.parse(decoder.decode(found.body)) as HistoryEntry);
      }
      cursor = page.cursor;
    } while (cursor);
    return entries;
  }

  /**
   * Rewrite the public service index. Two writers may finish in either order, so after writing it
   * checks that no newer revision has landed meanwhile, and if one has, writes from that one.
   */
  private async writeServiceIndex(collection: Collection): Promise<void> {
    let current = collection;
    for (let attempt = 0; attempt < 3; attempt++) {
      await putJson(this.options.store, SERVICE_INDEX_KEY, buildServiceIndex(current, this.options.config));
      const latest = await getJson<Collection>(this.options.store, COLLECTION_KEY);
      if (!latest || (latest.value.revision ?? 0) <= (current.revision ?? 0)) return;
      current = latest.value;
    }
  }
}
