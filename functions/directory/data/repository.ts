import type { CountyConfig } from '../../core/config/schema.js';
import type { Clock } from '../../core/deps.js';
import { toStockholmIso } from '../../core/i18n.js';
import type { Logger } from '../../core/log.js';
import { writeContract } from '../../core/contracts/contract.js';
import { agreementGoalsContract } from '../../core/contracts/agreement-goals.js';
import { serviceIndexContract } from '../../core/contracts/service-index.js';
import { getJson, putJson, TooMuchContentionError } from '../../core/store/json.js';
import { PreconditionFailedError, type Store } from '../../core/store/store.js';
import { COLLECTION_KEY, HISTORY_PREFIX, type Collection, type EntryKind } from '../model/collection.js';
import type { Stamp } from '../model/service.js';
import { writeSearchIndex } from '../search/stored-index.js';
import { buildAgreementGoals, buildServiceIndex } from './service-index.js';
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
  /** A unique id for each attempted change (default `crypto.randomUUID`). */
  readonly changeId?: () => string;
}

/** One recorded change of one entry: who, when, what. */
export interface HistoryEntry {
  readonly at: string;
  readonly by: string;
  readonly action: 'create' | 'update' | 'retire' | 'import';
  readonly kind: string;
  readonly id: string;
  readonly after: unknown;
}

/** One changed entry of a commit: what happened to it and its new state. */
export interface PendingChange {
  readonly action: HistoryEntry['action'];
  readonly kind: EntryKind;
  readonly entry: { readonly id: string; readonly updated: Stamp };
}

/** The history object of one commit: every entry it changed, each linked to that entry's previous change. */
export interface HistoryBatch {
  readonly revision: number;
  readonly at: string;
  readonly by: string;
  readonly changes: readonly {
    readonly action: HistoryEntry['action'];
    readonly kind: EntryKind;
    readonly id: string;
    readonly previous?: string;
    readonly after: unknown;
  }[];
}

/** A stored collection with the fields later versions added filled in (groups written before roles, contacts and meetings). */
export function withDefaults(collection: Collection): Collection {
  const groupsOk = collection.groups.every((g) => g.memberRoles && g.contacts && g.meetings);
  const agreementsOk = collection.agreements.every((a) => a.partyRoles && a.lifecycle && a.goals);
  if (groupsOk && agreementsOk && collection.plans) return collection;
  return {
    ...collection,
    // a collection stored before action plans existed has none
    plans: collection.plans ?? [],
    groups: collection.groups.map((g) => ({
      ...g,
      memberRoles: g.memberRoles ?? [],
      contacts: g.contacts ?? [],
      meetings: g.meetings ?? [],
    })),
    agreements: collection.agreements.map((a) => ({
      ...a,
      partyRoles: a.partyRoles ?? [],
      lifecycle: a.lifecycle ?? [],
      goals: a.goals ?? [],
    })),
  };
}

/** How often a commit re-reads and retries after a concurrent write. */
const COMMIT_RETRIES = 20;

const decoder = new TextDecoder();

/** Point each changed entry at the commit's history object, and build that object. */
function stampChanges(
  base: Collection,
  next: Collection,
  changes: readonly PendingChange[],
  ref: string,
  who: { readonly at: string; readonly by: string },
): { next: Collection; batch: HistoryBatch } {
  const kinds = new Set(changes.map((c) => c.kind));
  const lists: Partial<Record<EntryKind, unknown[]>> = {};
  const records: HistoryBatch['changes'][number][] = [];
  for (const kind of kinds) {
    const previous = new Map((base[kind] as readonly { id: string; updated: Stamp }[]).map((e) => [e.id, e.updated.change]));
    const stamped = new Map(
      changes
        .filter((c) => c.kind === kind)
        .map((c) => {
          const after = { ...c.entry, updated: { at: c.entry.updated.at, by: c.entry.updated.by, change: ref } };
          const before = previous.get(c.entry.id);
          records.push({ action: c.action, kind, id: c.entry.id, ...(before ? { previous: before } : {}), after });
          return [c.entry.id, after] as const;
        }),
    );
    lists[kind] = (next[kind] as readonly { id: string }[]).map((e) => stamped.get(e.id) ?? e);
  }
  return {
    next: { ...next, ...(lists as Partial<Collection>) },
    batch: { revision: next.revision ?? 0, at: who.at, by: who.by, changes: records },
  };
}

/**
 * The directory's data: one collection object read whole, kept in the warm function and revalidated
 * with a conditional GET at most once per cache window. Seeds itself create-only on first use.
 */
export class DirectoryRepository {
  private cached?: Snapshot & { checkedAt: number };
  private readonly now: () => number;
  private readonly windowMs: number;
  private readonly changeId: () => string;

  constructor(private readonly options: RepositoryOptions) {
    this.now = options.monotonicNow ?? (() => performance.now());
    this.windowMs = options.cacheWindowMs ?? DEFAULT_CACHE_WINDOW_MS;
    this.changeId = options.changeId ?? (() => crypto.randomUUID());
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
    return this.remember(withDefaults(JSON.parse(decoder.decode(found.body)) as Collection), found.etag);
  }

  /** Create the seeded collection unless someone else did first (create-only). */
  private async seed(): Promise<Snapshot> {
    const collection = seedCollection(this.options.config, toStockholmIso(this.options.clock.now()));
    try {
      const { etag } = await putJson(this.options.store, COLLECTION_KEY, collection, { ifNoneMatch: '*' });
      this.options.log.info('directory seeded', { services: collection.services.length });
      await this.writeDerived(collection);
      return this.remember(collection, etag);
    } catch (error) {
      if (!(error instanceof PreconditionFailedError)) throw error;
      this.cached = undefined;
      const found = await this.options.store.get(COLLECTION_KEY);
      if (!found || found === 'not-modified') throw error;
      return this.remember(withDefaults(JSON.parse(decoder.decode(found.body)) as Collection), found.etag);
    }
  }

  private remember(collection: Collection, etag: string): Snapshot {
    this.cached = { collection, etag, checkedAt: this.now() };
    return this.cached;
  }

  /**
   * Change the collection and record the change in one all-or-nothing step. `change` computes the
   * next collection and the entries it changed (it may throw a ProblemError to refuse; nothing is
   * written then). The history of the whole step is written first as one object under a key no
   * committed version refers to yet; then the collection is written with an ETag precondition, each
   * changed entry's `updated.change` pointing at that object. A failure before the collection write
   * leaves only an unreferenced object (removed when possible), never a half-recorded change.
   * Retries on a concurrent write; keeps the public service index and the search index current.
   */
  async commit(
    who: { readonly at: string; readonly by: string },
    change: (current: Collection) => { readonly collection: Collection; readonly changes: readonly PendingChange[] },
  ): Promise<Snapshot> {
    for (let attempt = 0; ; attempt++) {
      const current = await getJson<Collection>(this.options.store, COLLECTION_KEY);
      const base = current ? withDefaults(current.value) : seedCollection(this.options.config, toStockholmIso(this.options.clock.now()));
      const revision = (base.revision ?? 0) + 1;
      const { collection, changes } = change(base);
      const ref = `${String(revision).padStart(10, '0')}-${this.changeId()}`;
      const { next, batch } = stampChanges(base, { ...collection, revision, change: ref }, changes, ref, who);
      const historyKey = `${HISTORY_PREFIX}changes/${ref}.json`;
      await putJson(this.options.store, historyKey, batch, { ifNoneMatch: '*' });
      let etag: string;
      try {
        ({ etag } = await putJson(this.options.store, COLLECTION_KEY, next, current ? { ifMatch: current.etag } : { ifNoneMatch: '*' }));
      } catch (error) {
        if (!(error instanceof PreconditionFailedError)) {
          // the write may have landed before the failure was seen: keep the history if it did
          if (!(await this.landed(ref))) await this.forget(historyKey);
          throw error;
        }
        await this.forget(historyKey);
        if (attempt >= COMMIT_RETRIES) throw new TooMuchContentionError(COLLECTION_KEY);
        await new Promise<void>((resolve) => setTimeout(resolve, Math.random() * Math.min(5 * 2 ** attempt, 200)));
        continue;
      }
      await this.writeDerived(next);
      return this.remember(next, etag);
    }
  }

  /** Whether the stored collection is the version written by change `ref` (true when that cannot be told). */
  private async landed(ref: string): Promise<boolean> {
    try {
      return (await getJson<Collection>(this.options.store, COLLECTION_KEY))?.value.change === ref;
    } catch {
      return true;
    }
  }

  /** Remove an unreferenced history object; a leftover is harmless (nothing points to it). */
  private async forget(key: string): Promise<void> {
    try {
      await this.options.store.delete(key);
    } catch (error) {
      this.options.log.warn('directory history object left unreferenced', { key, error: String(error) });
    }
  }

  /**
   * The recorded changes of one entry, oldest first: older per-entry objects under
   * `history/<kind>/<id>/`, then the chain of change objects from the entry's `updated.change`.
   */
  async history(kind: string, id: string, entry?: { readonly updated: { readonly change?: string } }): Promise<HistoryEntry[]> {
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
    const chain: HistoryEntry[] = [];
    const seen = new Set<string>();
    for (let ref = entry?.updated.change; ref && !seen.has(ref);) {
      seen.add(ref);
      const batch = await getJson<HistoryBatch>(this.options.store, `${HISTORY_PREFIX}changes/${ref}.json`);
      const record = batch?.value.changes.find((r) => r.kind === kind && r.id === id);
      if (!batch || !record) break;
      chain.unshift({ at: batch.value.at, by: batch.value.by, action: record.action, kind, id, after: record.after });
      ref = record.previous;
    }
    return [...entries, ...chain];
  }

  /**
   * Rewrite the files derived from the collection: the public service index, the agreements' goals and the prebuilt
   * search index. Two writers may finish in either order, so after writing it checks that no newer
   * revision has landed meanwhile, and if one has, writes from that one. (A reader never trusts a
   * search index of another version anyway: it rebuilds, see `loadSearchIndex`.)
   */
  private async writeDerived(collection: Collection): Promise<void> {
    let current = collection;
    for (let attempt = 0; attempt < 3; attempt++) {
      await writeContract(this.options.store, serviceIndexContract, buildServiceIndex(current, this.options.config));
      await writeContract(this.options.store, agreementGoalsContract, buildAgreementGoals(current, this.options.clock.now()));
      await writeSearchIndex(this.options.store, current, this.options.config);
      const latest = await getJson<Collection>(this.options.store, COLLECTION_KEY);
      if (!latest || (latest.value.revision ?? 0) <= (current.revision ?? 0)) return;
      current = latest.value;
    }
  }
}
