import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FsStore } from '../../functions/core/store/fs-store.js';
import { getJson, putJson, updateJson } from '../../functions/core/store/json.js';
import { S3Store } from '../../functions/core/store/s3-store.js';
import { PreconditionFailedError, StoreUnavailableError, type Store } from '../../functions/core/store/store.js';
import { tempDir } from '../support/deps.js';
import { requireMotoUnderCi, startMoto, type MotoServer } from '../support/moto.js';

const text = (o: Awaited<ReturnType<Store['get']>>) => (o && o !== 'not-modified' ? new TextDecoder().decode(o.body) : o);

/** The one suite every Store implementation must pass. */
function conformance(name: string, makeStore: () => Promise<Store>) {
  describe(`${name} store`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await makeStore();
    });

    it('answers undefined for a missing key', async () => {
      expect(await store.get('none/here.json')).toBeUndefined();
    });

    it('reads back what was written, with the same ETag', async () => {
      const { etag } = await store.put('a/b.json', '{"x":1}');
      const got = await store.get('a/b.json');
      expect(text(got)).toBe('{"x":1}');
      expect(got !== 'not-modified' && got?.etag).toBe(etag);
    });

    it('answers not-modified when If-None-Match names the current version', async () => {
      const { etag } = await store.put('cond/get.json', 'v1');
      expect(await store.get('cond/get.json', { ifNoneMatch: etag })).toBe('not-modified');
      await store.put('cond/get.json', 'v2');
      expect(text(await store.get('cond/get.json', { ifNoneMatch: etag }))).toBe('v2');
    });

    it('replaces only the version named by If-Match', async () => {
      const first = await store.put('cond/put.json', 'one');
      const second = await store.put('cond/put.json', 'two', { ifMatch: first.etag });
      await expect(store.put('cond/put.json', 'three', { ifMatch: first.etag })).rejects.toBeInstanceOf(PreconditionFailedError);
      expect(text(await store.get('cond/put.json'))).toBe('two');
      await store.put('cond/put.json', 'three', { ifMatch: second.etag });
      expect(text(await store.get('cond/put.json'))).toBe('three');
    });

    it('fails If-Match on a key that does not exist', async () => {
      await expect(store.put('cond/absent.json', 'x', { ifMatch: '"0123"' })).rejects.toBeInstanceOf(PreconditionFailedError);
      expect(await store.get('cond/absent.json')).toBeUndefined();
    });

    it('creates only once with If-None-Match *', async () => {
      await store.put('cond/create.json', 'first', { ifNoneMatch: '*' });
      await expect(store.put('cond/create.json', 'second', { ifNoneMatch: '*' })).rejects.toBeInstanceOf(PreconditionFailedError);
      expect(text(await store.get('cond/create.json'))).toBe('first');
    });

    it('lists keys under a prefix in order, paged by an opaque cursor', async () => {
      for (const n of ['03', '01', '02', '05', '04']) await store.put(`list/item-${n}.json`, n);
      await store.put('listing-other/x.json', 'x');
      const first = await store.list('list/', { limit: 2 });
      expect(first.items.map((i) => i.key)).toEqual(['list/item-01.json', 'list/item-02.json']);
      expect(first.cursor).toBeTypeOf('string');
      const second = await store.list('list/', { limit: 2, cursor: first.cursor });
      const third = await store.list('list/', { limit: 2, cursor: second.cursor });
      expect([...second.items, ...third.items].map((i) => i.key)).toEqual(['list/item-03.json', 'list/item-04.json', 'list/item-05.json']);
      expect(third.cursor).toBeUndefined();
      expect(first.items[0]?.size).toBe(2);
    });

    it('rejects a malformed cursor', async () => {
      await expect(store.list('list/', { cursor: '!!not a cursor' })).rejects.toBeInstanceOf(TypeError);
    });

    it('deletes, and deleting twice is fine', async () => {
      await store.put('del/x.json', 'x');
      await store.delete('del/x.json');
      await store.delete('del/x.json');
      expect(await store.get('del/x.json')).toBeUndefined();
    });

    it('refuses keys that climb out of the store', async () => {
      await expect(store.put('../evil.json', 'x')).rejects.toBeInstanceOf(TypeError);
      await expect(store.get('a/../../evil.json')).rejects.toBeInstanceOf(TypeError);
    });

    it('ends 50 concurrent read-modify-write increments at exactly 50', async () => {
      await Promise.all(
        Array.from({ length: 50 }, () => updateJson<number>(store, 'race/counter.json', (n = 0) => n + 1, { retries: 200 })),
      );
      expect((await getJson<number>(store, 'race/counter.json'))?.value).toBe(50);
    });

    it('lets exactly one of 20 concurrent create-only writes win', async () => {
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) => putJson(store, 'race/once.json', { writer: i }, { ifNoneMatch: '*' })),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const losers = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(losers.every((r) => r.reason instanceof PreconditionFailedError)).toBe(true);
    });
  });
}

conformance('filesystem', async () => new FsStore(await tempDir('fs-store-')));

describe('filesystem store', () => {
  it('never leaves a half-written object visible', async () => {
    const store = new FsStore(await tempDir('fs-atomic-'));
    const big = 'x'.repeat(2_000_000);
    // an earlier version is there, so every read below must see a whole object, old or new
    await store.put('atomic/doc.json', `9${big}`);
    const writes = Array.from({ length: 5 }, (_, i) => store.put('atomic/doc.json', `${i}${big}`));
    const reads = Array.from({ length: 20 }, () => store.get('atomic/doc.json'));
    await Promise.all(writes);
    const lengths = (await Promise.all(reads)).map((read) => (read && read !== 'not-modified' ? read.body.length : 0));
    expect(lengths).toEqual(Array.from({ length: 20 }, () => 2_000_001));
  });
});

const moto = requireMotoUnderCi();
describe.runIf(moto)('S3 against moto', () => {
  let server: MotoServer;
  beforeAll(async () => {
    server = await startMoto();
  });
  afterAll(async () => server?.stop());

  conformance('S3', async () => new S3Store({ client: server.objectClient(), bucket: await server.createBucket() }));

  it('says the store is unavailable when the bucket is missing', async () => {
    const store = new S3Store({ client: server.objectClient(), bucket: 'no-such-bucket-here' });
    await expect(store.get('a.json')).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.put('a.json', 'x')).rejects.toBeInstanceOf(StoreUnavailableError);
  });
});
