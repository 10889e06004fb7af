import type { Store } from '../../functions/core/store/store.js';

/** The kinds of store call, as S3 bills them. */
export type StoreCallKind = 'get' | 'put' | 'list' | 'delete';

/** Calls per kind. */
export type CallCounts = Record<StoreCallKind, number>;

/** What S3 adds per call in the benchmarks' estimate: 15 ms a GET, PUT or DELETE, 30 ms a LIST. */
export const S3_LATENCY_MS: Readonly<CallCounts> = { get: 15, put: 15, list: 30, delete: 15 };

/** Options of `CountingStore`. */
export interface CountingStoreOptions {
  /** Wait this long before passing each call on (e.g. `S3_LATENCY_MS`). @default no wait */
  readonly latencyMs?: Readonly<Partial<CallCounts>>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A store that counts the calls made through it (each is one S3 request on AWS), keeps a log of
 * them (`get <key> (conditional)`, `put <key>`, …) and can add a fixed latency per call, so a
 * benchmark estimates a route's time on S3.
 *
 * @example
 * const store = new CountingStore(new FsStore(dir));
 * await app.request('/tyck-till');
 * store.counts; // { get: 2, put: 0, list: 0, delete: 0 }
 */
export class CountingStore implements Store {
  /** One line per call, in order. */
  readonly calls: string[] = [];
  readonly counts: CallCounts = { get: 0, put: 0, list: 0, delete: 0 };

  constructor(
    private readonly inner: Store,
    private readonly options: CountingStoreOptions = {},
  ) {}

  /** All calls of every kind. */
  get total(): number {
    return this.counts.get + this.counts.put + this.counts.list + this.counts.delete;
  }

  /** The calls so far by kind, and start counting again. */
  take(): CallCounts {
    const counts = { ...this.counts };
    this.reset();
    return counts;
  }

  /** Forget the calls so far (e.g. after seeding). */
  reset(): void {
    this.calls.length = 0;
    this.counts.get = this.counts.put = this.counts.list = this.counts.delete = 0;
  }

  private async note(kind: StoreCallKind, line: string): Promise<void> {
    this.counts[kind] += 1;
    this.calls.push(line);
    const wait = this.options.latencyMs?.[kind];
    if (wait) await sleep(wait);
  }

  get: Store['get'] = async (key, options) => {
    await this.note('get', `get ${key}${options?.ifNoneMatch ? ' (conditional)' : ''}`);
    return this.inner.get(key, options);
  };
  put: Store['put'] = async (key, body, options) => {
    await this.note('put', `put ${key}`);
    return this.inner.put(key, body, options);
  };
  list: Store['list'] = async (prefix, options) => {
    await this.note('list', `list ${prefix}`);
    return this.inner.list(prefix, options);
  };
  delete: Store['delete'] = async (key) => {
    await this.note('delete', `delete ${key}`);
    return this.inner.delete(key);
  };
}
