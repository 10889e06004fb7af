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

/** What `publishDerived` found under its key before computing. */
export interface FoundJson {
  /** The parsed object; `undefined` when absent or not valid JSON. */
  readonly value: unknown;
  /** `missing`, `corrupt` (not valid JSON) or `present`. */
  readonly state: 'missing' | 'corrupt' | 'present';
}

/**
 * The one way to publish an object derived from others (a snapshot, an index, a public file):
 * read the current version, `compute` the next value from it (reading its sources inside
 * `compute`, so a lost race recomputes from fresher sources), and write it over the version read
 * (If-Match, or create-only when missing). `compute` returns `undefined` to leave the object as it
 * is. A lost condition re-reads and retries with one back-off policy (`UpdateOptions`); after the
 * last retry `TooMuchContentionError`.
 *
 * @example
 * await publishDerived(store, 'x/public/index.json', async (found) => (same(found.value, next) ? undefined : next));
 */
export async function publishDerived<T>(
  store: Store,
  key: string,
  compute: (found: FoundJson, attempt: number) => T | undefined | Promise<T | undefined>,
  options: UpdateOptions = {},
): Promise<{ readonly written: boolean; readonly value?: T; readonly etag?: string }> {
  const retries = options.retries ?? 20;
  const backoff = options.backoff ?? defaultBackoff;
  for (let attempt = 0; ; attempt++) {
    const stored = await store.get(key);
    const current = stored && stored !== 'not-modified' ? stored : undefined;
    const found = current ? parseFound(current.body) : ({ value: undefined, state: 'missing' } as const);
    const next = await compute(found, attempt);
    if (next === undefined) return { written: false };
    try {
      const { etag } = await putJson(store, key, next, current ? { ifMatch: current.etag } : { ifNoneMatch: '*' });
      return { written: true, value: next, etag };
    } catch (error) {
      if (!(error instanceof PreconditionFailedError)) throw error;
      if (attempt >= retries) throw new TooMuchContentionError(key);
      await backoff(attempt);
    }
  }
}

function parseFound(body: Uint8Array): FoundJson {
  try {
    return { value: JSON.parse(decoder.decode(body)) as unknown, state: 'present' };
  } catch {
    return { value: undefined, state: 'corrupt' };
  }
}

/**
 * Read-modify-write of one JSON object without lost updates: reads it with its ETag, applies
 * `change`, and writes back only if no one else wrote in between (else re-reads and retries).
 * `change` receives `undefined` for a missing object (the write is then create-only) and for one that
 * is not valid JSON (replaced over its version).
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
  const result = await publishDerived<T>(store, key, (found) => change(found.value as T | undefined), options);
  if (!result.written || result.etag === undefined) throw new Error(`updateJson: ${key} was not written`);
  return { value: result.value as T, etag: result.etag };
}
