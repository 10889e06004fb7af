import type { AsPlainObject } from 'minisearch';
import type { CountyConfig } from '../../core/config/schema.js';
import { CARE_LEVELS, PRINCIPALS, SUBSTANCES, TARGET_GROUPS } from '../../core/domain/vocabulary.js';
import type { Logger } from '../../core/log.js';
import { putJson } from '../../core/store/json.js';
import type { Store } from '../../core/store/store.js';
import type { Collection } from '../model/collection.js';
import { INDEX_FORMAT, ServiceSearch } from './index.js';
import type { SynonymTable } from './synonyms.js';

/** The store key of the prebuilt search index, beside the collection it indexes. */
export const SEARCH_INDEX_KEY = 'directory/data/search-index.json';

/** The stored index: MiniSearch's own serialisation and what it was built from. */
export interface StoredSearchIndex {
  /** The indexing rules and the indexed vocabulary and place names (see `indexFingerprint`). */
  readonly fingerprint: string;
  /** The collection version it indexes (`revision` and `change` of the collection). */
  readonly revision: number;
  readonly change: string | null;
  readonly services: number;
  readonly index: AsPlainObject;
}

/** Why a stored index was not used. */
export type RebuildReason = 'missing' | 'unreadable' | 'corrupt' | 'stale';

const fingerprints = new WeakMap<CountyConfig, string>();

/**
 * What, besides the services, decides the index's content: the indexing rules' version, the
 * area's municipality names (the `places` field) and the vocabulary labels. An index built under
 * other rules or names is rebuilt. FNV-1a over the JSON, hex.
 */
export function indexFingerprint(config: CountyConfig): string {
  let found = fingerprints.get(config);
  if (!found) {
    const text = JSON.stringify([
      INDEX_FORMAT,
      config.municipalities.map((m) => [m.code, m.name]),
      [PRINCIPALS, CARE_LEVELS, TARGET_GROUPS, SUBSTANCES],
    ]);
    let hash = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    found = `${INDEX_FORMAT}-${(hash >>> 0).toString(16)}`;
    fingerprints.set(config, found);
  }
  return found;
}

const version = (collection: Collection) => ({ revision: collection.revision ?? 0, change: collection.change ?? null });

/** Index `collection` and wrap the index with what it was built from. */
export function storedSearchIndex(collection: Collection, config: CountyConfig, search?: ServiceSearch): StoredSearchIndex {
  const index = search ?? ServiceSearch.build(collection.services, config, new Map());
  return { fingerprint: indexFingerprint(config), ...version(collection), services: collection.services.length, index: index.toStored() };
}

/**
 * Write the prebuilt index of `collection` (the collection's writer calls this after each commit).
 *
 * @example
 * await writeSearchIndex(store, collection, config);
 */
export async function writeSearchIndex(store: Store, collection: Collection, config: CountyConfig): Promise<void> {
  await putJson(store, SEARCH_INDEX_KEY, storedSearchIndex(collection, config));
}

const decoder = new TextDecoder();

/** The stored index if it indexes exactly `collection` under the current rules, else why not. */
function usable(bytes: Uint8Array, collection: Collection, config: CountyConfig, synonyms: SynonymTable): ServiceSearch | RebuildReason {
  let stored: Partial<StoredSearchIndex>;
  try {
    stored = JSON.parse(decoder.decode(bytes)) as Partial<StoredSearchIndex>;
  } catch {
    return 'corrupt';
  }
  if (typeof stored !== 'object' || stored === null || typeof stored.index !== 'object' || stored.index === null) return 'corrupt';
  const want = version(collection);
  if (
    stored.fingerprint !== indexFingerprint(config) ||
    stored.revision !== want.revision ||
    stored.change !== want.change ||
    stored.services !== collection.services.length
  )
    return 'stale';
  try {
    const search = ServiceSearch.fromStored(stored.index, config, synonyms);
    return search.size === collection.services.length ? search : 'corrupt';
  } catch {
    return 'corrupt';
  }
}

/** Options of `loadSearchIndex`. */
export interface LoadSearchIndexOptions {
  readonly store: Store;
  readonly config: CountyConfig;
  readonly log: Logger;
  readonly synonyms: SynonymTable;
}

/**
 * The search index of `collection`: the stored one when it indexes this very version (one GET),
 * else built from the collection with a log line saying why. Never fails because of the stored
 * index: a missing, unreadable, corrupt or stale one only costs the build.
 */
export async function loadSearchIndex(collection: Collection, options: LoadSearchIndexOptions): Promise<ServiceSearch> {
  const { store, config, log, synonyms } = options;
  let outcome: ServiceSearch | RebuildReason;
  try {
    const found = await store.get(SEARCH_INDEX_KEY);
    outcome = found === undefined || found === 'not-modified' ? 'missing' : usable(found.body, collection, config, synonyms);
  } catch (error) {
    log.warn('directory search index could not be read', { error: String(error) });
    outcome = 'unreadable';
  }
  if (typeof outcome !== 'string') return outcome;
  const started = performance.now();
  const search = ServiceSearch.build(collection.services, config, synonyms);
  log.warn('directory search index rebuilt', {
    reason: outcome,
    revision: collection.revision ?? 0,
    services: collection.services.length,
    ms: Math.round(performance.now() - started),
  });
  return search;
}
