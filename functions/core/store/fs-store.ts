import { createHash, randomUUID } from 'node:crypto';
import { link, mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import {
  assertValidKey,
  decodeCursor,
  encodeCursor,
  PreconditionFailedError,
  type GetOptions,
  type ListedObject,
  type ListOptions,
  type ListPage,
  type PutOptions,
  type Store,
  type StoredObject,
} from './store.js';

const TMP = '.tmp';

/** The ETag of a body: a quoted MD5, as S3 computes it for single-part uploads. */
export function etagOf(body: Uint8Array): string {
  return `"${createHash('md5').update(body).digest('hex')}"`;
}

/**
 * The embedded store: one file per key under `root`. Writes go to a temporary file first and are
 * renamed into place (atomic replace) or hard-linked (atomic create-only), so a reader never sees
 * a half-written object. Conditional writes on a key are serialised within the process; run one
 * process per data folder.
 *
 * @example
 * const store = new FsStore('.data/jamtland');
 * await store.put('directory/services.json', '[]', { ifNoneMatch: '*' });
 */
export class FsStore implements Store {
  private readonly locks = new Map<string, Promise<unknown>>();

  constructor(private readonly root: string) {}

  private path(key: string): string {
    assertValidKey(key);
    if (key.split('/')[0] === TMP) throw new TypeError(`Invalid store key: ${key}`);
    return join(this.root, ...key.split('/'));
  }

  /** Run `fn` after every earlier call for the same key has finished. */
  private async exclusive<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(key) ?? Promise.resolve();
    const run = previous.then(fn, fn);
    const settled = run.catch(() => undefined);
    this.locks.set(key, settled);
    try {
      return await run;
    } finally {
      if (this.locks.get(key) === settled) this.locks.delete(key);
    }
  }

  async get(key: string, options: GetOptions = {}): Promise<StoredObject | 'not-modified' | undefined> {
    const path = this.path(key);
    let body: Buffer;
    try {
      body = await readFile(path);
    } catch (error) {
      if (isCode(error, 'ENOENT') || isCode(error, 'EISDIR') || isCode(error, 'ENOTDIR')) return undefined;
      throw error;
    }
    const etag = etagOf(body);
    if (options.ifNoneMatch !== undefined && options.ifNoneMatch === etag) return 'not-modified';
    return { body: new Uint8Array(body), etag };
  }

  async put(key: string, body: Uint8Array | string, options: PutOptions = {}): Promise<{ etag: string }> {
    const path = this.path(key);
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    const tmp = join(this.root, TMP, randomUUID());
    await mkdir(dirname(tmp), { recursive: true });
    await mkdir(dirname(path), { recursive: true });
    await writeFile(tmp, bytes);
    try {
      await this.exclusive(key, async () => {
        if (options.ifNoneMatch === '*') {
          try {
            await link(tmp, path);
          } catch (error) {
            if (isCode(error, 'EEXIST')) throw new PreconditionFailedError(key);
            throw error;
          }
          return;
        }
        if (options.ifMatch !== undefined) {
          const current = await this.get(key);
          if (current === undefined || current === 'not-modified' || current.etag !== options.ifMatch) {
            throw new PreconditionFailedError(key);
          }
        }
        await rename(tmp, path);
      });
    } finally {
      await unlink(tmp).catch(() => undefined);
    }
    return { etag: etagOf(bytes) };
  }

  async list(prefix: string, options: ListOptions = {}): Promise<ListPage> {
    const limit = Math.min(Math.max(options.limit ?? 1000, 1), 1000);
    const after = options.cursor === undefined ? undefined : decodeCursor(options.cursor);
    // Walk only the folder the prefix names, not the whole store.
    const folder = prefix.includes('/') ? prefix.slice(0, prefix.lastIndexOf('/')) : '';
    if (folder) assertValidKey(folder);
    const start = folder ? join(this.root, ...folder.split('/')) : this.root;
    const keys = (await this.walk(start)).filter((k) => k.startsWith(prefix) && (after === undefined || k > after)).sort();
    const page = keys.slice(0, limit);
    const items: ListedObject[] = [];
    for (const key of page) {
      const info = await stat(this.path(key)).catch(() => undefined);
      if (info) items.push({ key, size: info.size, lastModified: info.mtime });
    }
    const last = page.at(-1);
    return keys.length > limit && last !== undefined ? { items, cursor: encodeCursor(last) } : { items };
  }

  private async walk(dir: string): Promise<string[]> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      if (isCode(error, 'ENOENT')) return [];
      throw error;
    }
    const keys: string[] = [];
    for (const entry of entries) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (dir === this.root && entry.name === TMP) continue;
        keys.push(...(await this.walk(full)));
      } else if (entry.isFile()) {
        keys.push(relative(this.root, full).split(sep).join('/'));
      }
    }
    return keys;
  }

  async delete(key: string): Promise<void> {
    const path = this.path(key);
    await this.exclusive(key, () => unlink(path).catch((error: unknown) => (isCode(error, 'ENOENT') ? undefined : Promise.reject(error))));
  }
}

function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}
