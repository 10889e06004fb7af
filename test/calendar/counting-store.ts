import type { GetOptions, ListOptions, PutOptions, Store } from '../../functions/core/store/store.js';

/** Storage calls by kind, as S3 bills them. */
export interface CallCounts {
  get: number;
  put: number;
  list: number;
  delete: number;
}

/**
 * A Store that counts the calls it passes on, by kind (a conditional GET is a GET), and can add a
 * fixed latency per call to estimate a response time on S3.
 *
 * @example
 * const store = new CountingStore(new FsStore(dir));
 * await app.request('/utbildningar');
 * store.take(); // → { get: 1, put: 0, list: 0, delete: 0 }
 */
export class CountingStore implements Store {
  counts: CallCounts = { get: 0, put: 0, list: 0, delete: 0 };

  constructor(
    private readonly inner: Store,
    private readonly latency: Partial<Record<keyof CallCounts, number>> = {},
  ) {}

  /** The calls since the last `take()`, and start counting again. */
  take(): CallCounts {
    const counts = this.counts;
    this.counts = { get: 0, put: 0, list: 0, delete: 0 };
    return counts;
  }

  /** All calls since the last `take()`. */
  total(): number {
    return this.counts.get + this.counts.put + this.counts.list + this.counts.delete;
  }

  private async wait(kind: keyof CallCounts): Promise<void> {
    this.counts[kind]++;
    const ms = this.latency[kind];
    if (ms) await new Promise((r) => setTimeout(r, ms));
  }

  async get(key: string, options?: GetOptions) {
    await this.wait('get');
    return this.inner.get(key, options);
  }
  async put(key: string, body: Uint8Array | string, options?: PutOptions) {
    await this.wait('put');
    return this.inner.put(key, body, options);
  }
  async list(prefix: string, options?: ListOptions) {
    await this.wait('list');
    return this.inner.list(prefix, options);
  }
  async delete(key: string) {
    await this.wait('delete');
    return this.inner.delete(key);
  }
}
