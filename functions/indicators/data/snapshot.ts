import { decodeContract } from '../../core/contracts/contract.js';
import type { Logger } from '../../core/log.js';
import type { Store } from '../../core/store/store.js';
import { inParallel } from './parallel.js';
import { DERIVED_CONTRACTS, REPORTS_PREFIX, type DerivedData, type StoredReport } from '../model/report.js';

/** Everything the queries read: every report object and the derived sources (absent → `undefined`). */
export interface Snapshot {
  readonly reports: readonly StoredReport[];
  readonly derived: Readonly<DerivedData>;
  /** Changes whenever any input changed; used to reuse computed views. */
  readonly version: number;
}

/** Options of the snapshot cache. */
export interface SnapshotOptions {
  /** Monotonic clock in milliseconds (default `performance.now`). */
  readonly monotonicNow?: () => number;
  /** How long a warm function trusts its copy without asking the store (default 15 s). */
  readonly cacheWindowMs?: number;
}

interface Cached<T> {
  readonly etag: string;
  readonly signature: string;
  readonly value: T;
}

const decoder = new TextDecoder();

/** How many objects a refresh reads at once (S3 answers each GET in tens of milliseconds). */
const READ_CONCURRENCY = 32;

const parse = (body: Uint8Array): unknown => JSON.parse(decoder.decode(body));

/**
 * A warm function's copy of the indicator data. Within the cache window it answers from memory
 * (no store request). After it, one listing per 1,000 report objects finds what changed (size or
 * time differs, or written in the last seconds) and only those are read again, with `ifNoneMatch`.
 * A write through this app invalidates the copy at once.
 */
export class SnapshotCache {
  private readonly now: () => number;
  private readonly windowMs: number;
  private objects = new Map<string, Cached<StoredReport>>();
  private sources = new Map<string, Cached<unknown> | null>();
  private current?: Snapshot;
  private loadedAt = -Infinity;
  private version = 0;
  private pending?: Promise<Snapshot>;

  constructor(
    private readonly store: Store,
    options: SnapshotOptions = {},
    private readonly log: Logger,
  ) {
    this.now = options.monotonicNow ?? (() => performance.now());
    this.windowMs = options.cacheWindowMs ?? 15_000;
  }

  /** Forget the window so the next load asks the store (after a write through this app). */
  invalidate(): void {
    this.loadedAt = -Infinity;
  }

  /** The current snapshot. */
  load(): Promise<Snapshot> {
    if (this.current && this.now() - this.loadedAt < this.windowMs) return Promise.resolve(this.current);
    this.pending ??= this.refresh().finally(() => (this.pending = undefined));
    return this.pending;
  }

  private async refresh(): Promise<Snapshot> {
    const started = this.now();
    const listed = new Map<string, string>();
    const recent = Date.now() - 5_000;
    let cursor: string | undefined;
    do {
      const page = await this.store.list(REPORTS_PREFIX, { cursor });
      for (const item of page.items) {
        const t = item.lastModified.getTime();
        listed.set(item.key, t > recent ? 'recent' : `${item.size}:${t}`);
      }
      cursor = page.cursor;
    } while (cursor);
    let changed = false;
    const next = new Map<string, Cached<StoredReport>>();
    const toRead: [string, string][] = [];
    for (const [key, signature] of listed) {
      const old = this.objects.get(key);
      if (old && old.signature === signature && signature !== 'recent') next.set(key, old);
      else toRead.push([key, signature]);
    }
    await inParallel(toRead, READ_CONCURRENCY, async ([key, signature]) => {
      const old = this.objects.get(key);
      const found = await this.store.get(key, old ? { ifNoneMatch: old.etag } : {});
      if (found === 'not-modified' && old) next.set(key, { ...old, signature });
      else if (found && found !== 'not-modified') {
        next.set(key, { etag: found.etag, signature, value: parse(found.body) as StoredReport });
        changed = true;
      } else changed = true;
    });
    if (next.size !== this.objects.size) changed = true;
    this.objects = next;
    const derived: Record<string, unknown> = {};
    for (const [name, contract] of DERIVED_CONTRACTS) {
      const key = contract.key;
      const old = this.sources.get(key);
      const found = await this.store.get(key, old ? { ifNoneMatch: old.etag } : {});
      if (found === 'not-modified' && old) derived[name] = old.value;
      else if (found && found !== 'not-modified') {
        const value = decodeContract(contract, found.body, this.log);
        this.sources.set(key, { etag: found.etag, signature: '', value });
        derived[name] = value;
        changed = true;
      } else {
        if (old) changed = true;
        this.sources.set(key, null);
      }
    }
    if (changed || !this.current) this.version += 1;
    this.current = { reports: [...next.values()].map((c) => c.value), derived, version: this.version };
    this.loadedAt = started;
    return this.current;
  }
}
