import { PreconditionFailedError, type Store } from './store.js';

/** A JSON document read from the store with the ETag of its version. */
export interface Versioned<T> {
  readonly value: T;
  readonly etag: string;
}

const decoder = new TextDecoder();

/** Read and parse a JSON object; `undefined` when absent. */
export async function getJson<T>(store: Store, key: string): Promise<Versioned<T> | undefined> {
  const found = await store.get(key);
  if (found === undefined || found === 'not-modified') return undefined;
  return { value: JSON.parse(decoder.decode(found.body)) as T, etag: found.etag };
}

/** Write a JSON object with the store's conditions (see `PutOptions`). */
export function putJson(
  store: Store,
  key: string,
  value: unknown,
  options: { ifMatch?: string; ifNoneMatch?: '*' } = {},
): Promise<{ etag: string }> {
  return store.put(key, JSON.stringify(value), { ...options, contentType: 'application/json' });
}

/** Options for `updateJson`. */
export interface UpdateOptions {
  /** How many times to re-read and retry after a lost condition (default 20). */
  readonly retries?: number;
  /** Wait before retry `attempt` (default: small random back-off). */
  readonly backoff?: (attempt: number) => Promise<void>;
}

const defaultBackoff = (attempt: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, Math.random() * Math.min(5 * 2 ** attempt, 200)));

/** Thrown by `updateJson` when every retry lost its condition. */
export class TooMuchContentionError extends Error {
  constructor(readonly key: string) {
    super(`Gave up updating ${key} after repeated concurrent changes`);
    this.name = 'TooMuchContentionError';
  }
}

/**
 * Read-modify-write of one JSON object without lost updates: reads it with its ETag, applies
 * `change`, and writes back only if no one else wrote in between (else re-reads and retries).
 * `change` receives `undefined` for a missing object; the write is then create-only.
 *
 * @example
 * await updateJson<number>(store, 'counter.json', (n = 0) => n + 1);
 */
export async function updateJson<T>(
  store: Store,
  key: string,
  change: (current: T | undefined) => T | Promise<T>,
  options: UpdateOptions = {},
): Promise<Versioned<T>> {
  const retries = options.retries ?? 20;
  const backoff = options.backoff ?? defaultBackoff;
  for (let attempt = 0; ; attempt++) {
    const current = await getJson<T>(store, key);
    const next = await change(current?.value);
    try {
      const { etag } = await putJson(store, key, next, current ? { ifMatch: current.etag } : { ifNoneMatch: '*' });
      return { value: next, etag };
    } catch (error) {
      if (!(error instanceof PreconditionFailedError)) throw error;
      if (attempt >= retries) throw new TooMuchContentionError(key);
      await backoff(attempt);
    }
  }
}
