import { S3Error, type S3ObjectClient } from './s3-client.js';
import {
  assertValidKey,
  decodeCursor,
  encodeCursor,
  PreconditionFailedError,
  StoreUnavailableError,
  type GetOptions,
  type ListOptions,
  type ListPage,
  type PutOptions,
  type Store,
  type StoredObject,
} from './store.js';

/** Options for `S3Store`. */
export interface S3StoreOptions {
  readonly client: S3ObjectClient;
  readonly bucket: string;
}

const status = (error: unknown): number | undefined => (error instanceof S3Error ? error.status : undefined);

/** A 404 that is about the key, not the bucket. */
const missingKey = (error: unknown): boolean => status(error) === 404 && (error as S3Error).code !== 'NoSuchBucket';

function unavailable(error: unknown): never {
  const code = error instanceof S3Error ? error.code : undefined;
  if (code === 'NoSuchBucket' || code === 'AccessDenied' || status(error) === 403) {
    throw new StoreUnavailableError(`S3 store unavailable: ${code}`, { cause: error });
  }
  throw error;
}

/**
 * The store on S3. Conditions map to S3's own: `If-Match` / `If-None-Match` on PutObject and
 * `If-None-Match` on GetObject. A failed condition (412) and a concurrent conflicting write (409)
 * both surface as `PreconditionFailedError`, which means: re-read and retry.
 *
 * @example
 * const store = new S3Store({ client: new S3ObjectClient(), bucket: 'county-data' });
 */
export class S3Store implements Store {
  constructor(private readonly options: S3StoreOptions) {}

  async get(key: string, options: GetOptions = {}): Promise<StoredObject | 'not-modified' | undefined> {
    assertValidKey(key);
    try {
      return await this.options.client.getObject(this.options.bucket, key, { ifNoneMatch: options.ifNoneMatch });
    } catch (error) {
      if (status(error) === 304) return 'not-modified';
      if (missingKey(error)) return undefined;
      return unavailable(error);
    }
  }

  async put(key: string, body: Uint8Array | string, options: PutOptions = {}): Promise<{ etag: string }> {
    assertValidKey(key);
    try {
      return await this.options.client.putObject(this.options.bucket, key, body, {
        contentType: options.contentType ?? 'application/json',
        ifMatch: options.ifMatch,
        ifNoneMatch: options.ifNoneMatch,
      });
    } catch (error) {
      const code = status(error);
      // 404 on If-Match: the object is gone, which is also a lost condition.
      if (code === 412 || code === 409 || (options.ifMatch !== undefined && missingKey(error))) {
        throw new PreconditionFailedError(key);
      }
      return unavailable(error);
    }
  }

  async list(prefix: string, options: ListOptions = {}): Promise<ListPage> {
    const limit = Math.min(Math.max(options.limit ?? 1000, 1), 1000);
    const startAfter = options.cursor === undefined ? undefined : decodeCursor(options.cursor);
    try {
      const out = await this.options.client.listObjectsV2(this.options.bucket, { prefix, startAfter, maxKeys: limit });
      const items = out.contents;
      const last = items.at(-1);
      return out.isTruncated && last ? { items, cursor: encodeCursor(last.key) } : { items };
    } catch (error) {
      return unavailable(error);
    }
  }

  async delete(key: string): Promise<void> {
    assertValidKey(key);
    try {
      await this.options.client.deleteObject(this.options.bucket, key);
    } catch (error) {
      if (missingKey(error)) return;
      unavailable(error);
    }
  }
}
