import { randomBytes, randomUUID } from 'node:crypto';
import type { AppDeps } from '../core/deps.js';
import { getJson, type UpdateOptions } from '../core/store/json.js';
import { BatchedUpdater } from './data/batch.js';
import { CollectionReader, type CollectionSources } from './data/collection.js';
import { readAllEvents } from './data/events.js';
import { readLedgerCounts } from './data/ledger-counts.js';
import { SeatCache } from './data/seats.js';
import type { SummaryIndex } from './data/summary.js';

/** The per-training counts of earlier versions, read only when the collection is rebuilt. */
const LEGACY_SUMMARY_KEY = 'calendar/attendance/index.json';

/** Options of the calendar app beyond the shared dependencies; each has a default. */
export interface CalendarOptions {
  /** Unguessable cancel tokens (default: 24 random bytes, base64url). */
  readonly tokens?: () => string;
  /** Ids of new events and registrations (default: `deps.ids` or `crypto.randomUUID`). */
  readonly ids?: () => string;
  /**
   * For how long (milliseconds) a warm instance answers public reads from the collection it holds
   * without asking the store; after that one conditional GET. Default 1000.
   */
  readonly collectionWindowMs?: number;
  /** Monotonic milliseconds for those windows (default `performance.now`). */
  readonly monotonicNow?: () => number;
}

/** What every calendar module receives: the shared dependencies plus resolved options. */
export interface CalendarContext {
  readonly deps: AppDeps;
  readonly newId: () => string;
  readonly newToken: () => string;
  /** Group-committed conditional writes of shared objects (registration ledgers, the collection). */
  readonly writes: BatchedUpdater;
  /** The published collection, read whole and cached by ETag. */
  readonly collection: CollectionReader;
  /** The seat counts this instance knows from ledgers (newer than the collection's until derived). */
  readonly seats: SeatCache;
}

/**
 * The calendar's one retry rule for every conditional write (ledgers, the collection, the public
 * attendance file): many people may register at once, and each round lets one writer through.
 */
export const RETRY: Required<UpdateOptions> = {
  retries: 400,
  backoff: (attempt: number) => new Promise<void>((r) => setTimeout(r, Math.random() * Math.min(2 + attempt * 2, 50))),
};

/** Where a missing or damaged collection is rebuilt from: every training object and its ledger. */
export function collectionSources(deps: AppDeps): CollectionSources {
  return {
    events: () => readAllEvents(deps.store),
    counts: (event) => readLedgerCounts(deps.store, event),
    keptCounts: async () => (await getJson<SummaryIndex>(deps.store, LEGACY_SUMMARY_KEY))?.value ?? {},
  };
}

/** Resolve the calendar's context from the app dependencies and options. */
export function createCalendarContext(deps: AppDeps, options: CalendarOptions = {}): CalendarContext {
  return {
    deps,
    newId: options.ids ?? deps.ids ?? (() => randomUUID()),
    newToken: options.tokens ?? (() => randomBytes(24).toString('base64url')),
    writes: new BatchedUpdater(deps.store, RETRY),
    collection: new CollectionReader(deps.store, {
      sources: collectionSources(deps),
      log: deps.log,
      windowMs: options.collectionWindowMs,
      now: options.monotonicNow,
    }),
    seats: new SeatCache(options.collectionWindowMs, options.monotonicNow),
  };
}
