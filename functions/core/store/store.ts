/**
 * The storage contract every service uses: a key-value store of byte objects with ETags and
 * conditional writes. Two implementations keep it: the filesystem (the embedded default) and S3.
 */

/** An object read from the store. */
export interface StoredObject {
  readonly body: Uint8Array;
  readonly etag: string;
}

/** Options for `Store.get`. */
export interface GetOptions {
  /** Answer `'not-modified'` when the object's ETag still equals this value. */
  readonly ifNoneMatch?: string;
}

/** Options for `Store.put`. */
export interface PutOptions {
  /** Replace only this version of the object (fails if it changed or was deleted). */
  readonly ifMatch?: string;
  /** `'*'`: create only (fails if the key exists). */
  readonly ifNoneMatch?: '*';
  readonly contentType?: string;
}

/** One entry of a listing. */
export interface ListedObject {
  readonly key: string;
  readonly size: number;
  readonly lastModified: Date;
}

/** A page of keys under a prefix, in lexicographic order. */
export interface ListPage {
  readonly items: readonly ListedObject[];
  /** Opaque; pass to `list` for the next page. Absent on the last page. */
  readonly cursor?: string;
}

/** Options for `Store.list`. */
export interface ListOptions {
  readonly cursor?: string;
  /** Page size, 1–1000 (default 1000). */
  readonly limit?: number;
}

/** The store contract (see DESIGN.md, "Contracts that every service keeps"). */
export interface Store {
  /** Read an object; `undefined` when absent, `'not-modified'` when `ifNoneMatch` matched. */
  get(key: string, options?: GetOptions): Promise<StoredObject | 'not-modified' | undefined>;
  /** Write an object; throws `PreconditionFailedError` when a condition does not hold. */
  put(key: string, body: Uint8Array | string, options?: PutOptions): Promise<{ etag: string }>;
  list(prefix: string, options?: ListOptions): Promise<ListPage>;
  /** Delete an object; deleting an absent key is not an error. */
  delete(key: string): Promise<void>;
}

/** A conditional write lost: the object changed (or exists, for create-only). Re-read and retry. */
export class PreconditionFailedError extends Error {
  constructor(readonly key: string) {
    super(`Precondition failed for ${key}`);
    this.name = 'PreconditionFailedError';
  }
}

/** The store itself could not be used (missing bucket, no access, disk error). */
export class StoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}

const KEY = /^[A-Za-z0-9][A-Za-z0-9._=@+-]*(\/[A-Za-z0-9][A-Za-z0-9._=@+-]*)*$/;

/** Keys are relative paths of safe segments (no `..`, no leading slash, at most 512 characters). */
export function assertValidKey(key: string): void {
  if (key.length > 512 || !KEY.test(key) || key.split('/').some((s) => s === '..' || s === '.')) {
    throw new TypeError(`Invalid store key: ${JSON.stringify(key)}`);
  }
}

/** Encode a cursor (the last key of a page) so callers treat it as opaque. */
export function encodeCursor(lastKey: string): string {
  return Buffer.from(lastKey, 'utf8').toString('base64url');
}

/** Decode a cursor; throws `TypeError` for a malformed one. */
export function decodeCursor(cursor: string): string {
  const key = /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  if (!key) throw new TypeError('Malformed cursor');
  assertValidKey(key);
  return key;
}
