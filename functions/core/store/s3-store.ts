import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3ServiceException,
  type S3Client,
} from '@aws-sdk/client-s3';
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
  readonly client: S3Client;
  readonly bucket: string;
}

function status(error: unknown): number | undefined {
  return error instanceof S3ServiceException
    ? error.$metadata.httpStatusCode
    : (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
}

function unavailable(error: unknown): never {
  const name = error instanceof Error ? error.name : 'Error';
  if (name === 'NoSuchBucket' || name === 'AccessDenied' || status(error) === 403) {
    throw new StoreUnavailableError(`S3 store unavailable: ${name}`, { cause: error });
  }
  throw error;
}

/**
 * The store on S3. Conditions map to S3's own: `If-Match` / `If-None-Match` on PutObject and
 * `If-None-Match` on GetObject. A failed condition (412) and a concurrent conflicting write (409)
 * both surface as `PreconditionFailedError`, which means: re-read and retry.
 *
 * @example
 * const store = new S3Store({ client: new S3Client({}), bucket: 'county-data' });
 */
export class S3Store implements Store {
  constructor(private readonly options: S3StoreOptions) {}

  async get(key: string, options: GetOptions = {}): Promise<StoredObject | 'not-modified' | undefined> {
    assertValidKey(key);
    try {
      const out = await this.options.client.send(
        new GetObjectCommand({ Bucket: this.options.bucket, Key: key, IfNoneMatch: options.ifNoneMatch }),
      );
      const body = out.Body ? await out.Body.transformToByteArray() : new Uint8Array();
      return { body, etag: out.ETag ?? '' };
    } catch (error) {
      const code = status(error);
      if (code === 304) return 'not-modified';
      if (code === 404 && (error as Error).name !== 'NoSuchBucket') return undefined;
      return unavailable(error);
    }
  }

  async put(key: string, body: Uint8Array | string, options: PutOptions = {}): Promise<{ etag: string }> {
    assertValidKey(key);
    try {
      const out = await this.options.client.send(
        new PutObjectCommand({
          Bucket: this.options.bucket,
          Key: key,
          Body: body,
          ContentType: options.contentType ?? 'application/json',
          IfMatch: options.ifMatch,
          IfNoneMatch: options.ifNoneMatch,
        }),
      );
      return { etag: out.ETag ?? '' };
    } catch (error) {
      const code = status(error);
      // 404 on If-Match: the object is gone, which is also a lost condition.
      if (code === 412 || code === 409 || (code === 404 && options.ifMatch !== undefined && (error as Error).name !== 'NoSuchBucket')) {
        throw new PreconditionFailedError(key);
      }
      return unavailable(error);
    }
  }

  async list(prefix: string, options: ListOptions = {}): Promise<ListPage> {
    const limit = Math.min(Math.max(options.limit ?? 1000, 1), 1000);
    const startAfter = options.cursor === undefined ? undefined : decodeCursor(options.cursor);
    try {
      const out = await this.options.client.send(
        new ListObjectsV2Command({ Bucket: this.options.bucket, Prefix: prefix, StartAfter: startAfter, MaxKeys: limit }),
      );
      const items = (out.Contents ?? []).map((o) => ({ key: o.Key ?? '', size: o.Size ?? 0, lastModified: o.LastModified ?? new Date(0) }));
      const last = items.at(-1);
      return out.IsTruncated && last ? { items, cursor: encodeCursor(last.key) } : { items };
    } catch (error) {
      return unavailable(error);
    }
  }

  async delete(key: string): Promise<void> {
    assertValidKey(key);
    try {
      await this.options.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: key }));
    } catch (error) {
      if (status(error) === 404 && (error as Error).name !== 'NoSuchBucket') return;
      unavailable(error);
    }
  }
}
