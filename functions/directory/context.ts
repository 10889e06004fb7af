import type { PublishedReleases } from '../core/contracts/indicator-releases.js';
import type { AppDeps } from '../core/deps.js';
import { releasesReader } from './data/releases.js';
import { DEFAULT_CACHE_WINDOW_MS, DirectoryRepository, type Snapshot } from './data/repository.js';
import type { Collection } from './model/collection.js';
import type { ServiceSearch } from './search/index.js';
import { loadSearchIndex } from './search/stored-index.js';
import { synonymTable, type SynonymTable } from './search/synonyms.js';

/** Options of the directory app beyond the shared deps. */
export interface DirectoryOptions {
  /** Monotonic clock in milliseconds for the cache window (default `performance.now`). */
  readonly monotonicNow?: () => number;
  /** How long a warm function trusts its copy of the collection (default 5 s). */
  readonly cacheWindowMs?: number;
}

/** What every route module of the directory shares: deps, the repository and the search index. */
export interface DirectoryContext {
  readonly deps: AppDeps;
  readonly repo: DirectoryRepository;
  readonly synonyms: SynonymTable;
  /**
   * The search index of a loaded collection, once per version: the prebuilt index stored beside
   * the collection (one GET), or built from the collection when that is missing or out of date.
   */
  searchFor(collection: Collection): Promise<ServiceSearch>;
  /** The current collection. */
  load(): Promise<Snapshot>;
  /** The indicator store's published releases (read-only; nothing released before the first). */
  releases(): Promise<PublishedReleases>;
}

/** Build the shared context; one per app instance (one per warm function). */
export function createDirectoryContext(deps: AppDeps, options: DirectoryOptions = {}): DirectoryContext {
  const repo = new DirectoryRepository({ ...deps, ...options });
  const synonyms = synonymTable(deps.config.directory.synonyms);
  const indexes = new WeakMap<Collection, Promise<ServiceSearch>>();
  return {
    deps,
    repo,
    synonyms,
    load: () => repo.load(),
    releases: releasesReader({
      store: deps.store,
      log: deps.log,
      now: options.monotonicNow ?? (() => performance.now()),
      windowMs: options.cacheWindowMs ?? DEFAULT_CACHE_WINDOW_MS,
    }),
    searchFor(collection) {
      let index = indexes.get(collection);
      if (!index) {
        // concurrent searches of one version share the one load
        index = loadSearchIndex(collection, { store: deps.store, config: deps.config, log: deps.log, synonyms });
        indexes.set(collection, index);
        index.catch(() => indexes.delete(collection));
      }
      return index;
    },
  };
}
