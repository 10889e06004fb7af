import type { Store } from '../../core/store/store.js';
import { putJson, type Versioned } from '../../core/store/json.js';
import { PreconditionFailedError } from '../../core/store/store.js';
import type { Logger } from '../../core/log.js';
import type { CalendarEvent } from '../model/event.js';
import { READ_CONCURRENCY } from './events.js';
import { mapLimit } from './limit.js';
import { emptyCounts, summaryOf, type SummaryIndex } from './summary.js';

/** Key of the published collection: every training with its stored ETag, and the seat counts of each. */
export const COLLECTION_KEY = 'calendar/collection.json';

/** One training in the collection, with the ETag of its own object (what `If-Match` on a change names). */
export interface CollectionEntry {
  readonly event: CalendarEvent;
  readonly etag: string;
}

/**
 * The published collection (`calendar/collection.json`): everything a public page, feed or list
 * needs, in one object read whole. Maintained on every write (`If-Match` and the calendar's one
 * retry rule); rebuilt from the training and registration objects when missing or unreadable.
 */
export interface Collection {
  readonly version: 1;
  readonly events: Record<string, CollectionEntry>;
  /** Seat counts per training (no personal data): what lists, the year view and attendance need. */
  readonly summaries: SummaryIndex;
  /** When the scheduled check last compared the collection with the training objects. */
  syncedAt?: string;
  /** When the scheduled housekeeping last took in the counts of changed ledgers (`syncCounts`). */
  countsSyncedAt?: string;
}

/** A collection as a warm instance keeps it: the object, its ETag and the trainings in start order. */
export interface CollectionView {
  readonly collection: Collection;
  readonly etag: string;
  readonly events: readonly CalendarEvent[];
}

/** An empty collection. */
export function emptyCollection(): Collection {
  return { version: 1, events: {}, summaries: {} };
}

const byStart = (a: CalendarEvent, b: CalendarEvent) => Date.parse(a.start) - Date.parse(b.start) || a.id.localeCompare(b.id);

/** Whether a parsed body has the collection's shape (an older or damaged object is rebuilt). */
export function isCollection(value: unknown): value is Collection {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Partial<Collection>;
  if (c.version !== 1 || typeof c.events !== 'object' || c.events === null || typeof c.summaries !== 'object' || c.summaries === null)
    return false;
  return Object.values(c.events).every(
    (e) =>
      typeof e === 'object' &&
      e !== null &&
      typeof e.etag === 'string' &&
      typeof e.event?.id === 'string' &&
      typeof e.event.start === 'string',
  );
}

/** The view of a collection: its trainings in start order. */
export function viewOf(collection: Collection, etag: string): CollectionView {
  return {
    collection,
    etag,
    events: Object.values(collection.events)
      .map((e) => e.event)
      .sort(byStart),
  };
}

/** Add or replace trainings (a replacement only by a version at least as new), keeping their counts. */
export function putEntries(collection: Collection, entries: readonly CollectionEntry[]): Collection {
  for (const entry of entries) {
    const held = collection.events[entry.event.id];
    if (held && held.event.sequence > entry.event.sequence) continue;
    collection.events[entry.event.id] = entry;
    const prev = collection.summaries[entry.event.id];
    collection.summaries[entry.event.id] = { ...(prev ?? emptyCounts()), ...summaryOf(entry.event) };
  }
  return collection;
}

/** Remove trainings (and their counts) from the collection. */
export function removeEntries(collection: Collection, ids: readonly string[]): Collection {
  for (const id of ids) {
    delete collection.events[id];
    delete collection.summaries[id];
  }
  return collection;
}

/** What rebuilding needs: every training with its ETag, and the seat counts of one training's registrations. */
export interface CollectionSources {
  readonly events: () => Promise<Versioned<CalendarEvent>[]>;
  readonly counts: (event: CalendarEvent) => Promise<SummaryIndex[string] | undefined>;
  /**
   * Counts kept apart from the ledgers (the summary index of earlier versions, `calendar/attendance/index.json`):
   * used where a ledger is gone after retention, so past attendance is not lost.
   */
  readonly keptCounts?: () => Promise<SummaryIndex>;
}

/** Build the collection from its sources (every training object, every ledger): used only when it is missing or damaged. */
export async function buildCollection(sources: CollectionSources): Promise<Collection> {
  const collection = emptyCollection();
  const found = await sources.events();
  putEntries(
    collection,
    found.map((f) => ({ event: f.value, etag: f.etag })),
  );
  const counts = await mapLimit(found, READ_CONCURRENCY, (f) => sources.counts(f.value));
  const kept = (await sources.keptCounts?.()) ?? {};
  found.forEach((f, i) => {
    const c = counts[i];
    const k = Object.hasOwn(kept, f.value.id) ? kept[f.value.id] : undefined;
    const best = c && (!k || c.rev >= k.rev) ? c : k && { ...k, ...summaryOf(f.value) };
    if (best) collection.summaries[f.value.id] = best;
  });
  return collection;
}

/** Options of a `CollectionReader`. */
export interface CollectionReaderOptions {
  /** For a rebuild when the object is missing or damaged. */
  readonly sources: CollectionSources;
  readonly log: Logger;
  /**
   * For how long (milliseconds) a warm instance answers from what it holds without asking the
   * store again; after that one conditional GET. Default 1000.
   */
  readonly windowMs?: number;
  /** Monotonic milliseconds (default `performance.now`). */
  readonly now?: () => number;
}

/**
 * The collection as a warm instance reads it: whole, cached by ETag. A read inside the short
 * window makes no storage call; after it, one conditional GET (304 keeps what is held). A cold
 * read is one GET. A missing or damaged object is rebuilt from its sources and written (with a log
 * line), never a failed request. Writes of this instance hand their result to `remember`.
 */
export class CollectionReader {
  private held?: CollectionView;
  private checkedAt = -Infinity;
  private loading?: Promise<CollectionView>;

  constructor(
    private readonly store: Store,
    private readonly options: CollectionReaderOptions,
  ) {}

  /** The current collection (see the class comment for what it costs). */
  read(): Promise<CollectionView> {
    const now = this.clock();
    if (this.held && now - this.checkedAt < (this.options.windowMs ?? 1000)) return Promise.resolve(this.held);
    // Requests that arrive together share one storage call.
    this.loading ??= this.load().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  /** What this instance holds, however old, without a storage call; `undefined` before its first read. */
  heldView(): CollectionView | undefined {
    return this.held;
  }

  /** What this instance holds, however old (a base for a write, which reads again anyway); else `read()`. */
  anyVersion(): Promise<CollectionView> {
    return this.held ? Promise.resolve(this.held) : this.read();
  }

  /** Keep a version this instance has just written (newer than what it holds). */
  remember(collection: Collection, etag: string): void {
    this.held = viewOf(collection, etag);
    this.checkedAt = this.clock();
  }

  /** Keep what is held but ask the store (conditionally) on the next read. */
  expire(): void {
    this.checkedAt = -Infinity;
  }

  /** Forget what is held, so the next read asks the store. */
  forget(): void {
    this.held = undefined;
    this.checkedAt = -Infinity;
  }

  private clock(): number {
    return (this.options.now ?? (() => performance.now()))();
  }

  private async load(retry = true): Promise<CollectionView> {
    const started = this.clock();
    const found = await this.store.get(COLLECTION_KEY, this.held ? { ifNoneMatch: this.held.etag } : {});
    if (found === 'not-modified' && this.held) {
      this.checkedAt = started;
      return this.held;
    }
    let parsed: unknown;
    if (found && found !== 'not-modified') {
      try {
        parsed = JSON.parse(new TextDecoder().decode(found.body));
      } catch {
        parsed = undefined;
      }
      if (isCollection(parsed)) {
        this.held = viewOf(parsed, found.etag);
        this.checkedAt = started;
        return this.held;
      }
    }
    return this.rebuild(found && found !== 'not-modified' ? found.etag : undefined, retry);
  }

  private async rebuild(damagedEtag: string | undefined, again: boolean): Promise<CollectionView> {
    this.options.log.warn(damagedEtag ? 'training collection unreadable, rebuilt' : 'training collection missing, rebuilt', {
      service: 'calendar',
    });
    const collection = await buildCollection(this.options.sources);
    try {
      const { etag } = await putJson(this.store, COLLECTION_KEY, collection, damagedEtag ? { ifMatch: damagedEtag } : { ifNoneMatch: '*' });
      this.remember(collection, etag);
      return this.held!;
    } catch (error) {
      if (!(error instanceof PreconditionFailedError)) {
        // The rebuild answers this read; the next read tries to store it again.
        this.options.log.warn('rebuilt training collection not stored', { service: 'calendar' });
        return viewOf(collection, '"unstored"');
      }
      // Another writer came first: what it wrote is newer than this rebuild.
      this.forget();
      if (again) return this.load(false);
      // Still unreadable after a second writer: answer from the rebuild without storing it.
      return viewOf(collection, '"rebuilt"');
    }
  }
}
