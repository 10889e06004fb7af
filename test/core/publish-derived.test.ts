import { describe, expect, test } from 'vitest';
import { FsStore } from '../../functions/core/store/fs-store.js';
import { getJson, publishDerived, TooMuchContentionError } from '../../functions/core/store/json.js';
import { tempDir } from '../support/deps.js';

const noWait = { backoff: async () => undefined };

describe('publishDerived', () => {
  test('writes create-only when missing, leaves the object alone when compute says so', async () => {
    const store = new FsStore(await tempDir('derived-'));
    const seen: string[] = [];
    const first = await publishDerived(store, 'd/x.json', (found) => (seen.push(found.state), { n: 1 }));
    expect(first.written).toBe(true);
    const second = await publishDerived(store, 'd/x.json', (found) => (seen.push(found.state), undefined));
    expect(second.written).toBe(false);
    expect(seen).toEqual(['missing', 'present']);
    expect((await getJson(store, 'd/x.json'))?.value).toEqual({ n: 1 });
  });

  test('a corrupt object is reported as such and replaced over its version', async () => {
    const store = new FsStore(await tempDir('derived-'));
    await store.put('d/x.json', '{not json');
    const result = await publishDerived(store, 'd/x.json', (found) => (found.state === 'corrupt' ? { rebuilt: true } : undefined));
    expect(result.written).toBe(true);
    expect((await getJson(store, 'd/x.json'))?.value).toEqual({ rebuilt: true });
  });

  test('a lost race recomputes from what the other writer stored, so nothing is lost', async () => {
    const store = new FsStore(await tempDir('derived-'));
    await store.put('d/n.json', '1');
    let attempts = 0;
    await publishDerived<number>(
      store,
      'd/n.json',
      async (found) => {
        // another writer lands between this read and this write, once
        if (attempts++ === 0) await store.put('d/n.json', '10');
        return (found.value as number) + 1;
      },
      noWait,
    );
    expect(attempts).toBe(2);
    expect((await getJson(store, 'd/n.json'))?.value).toBe(11);
  });

  test('gives up after its retries with TooMuchContentionError', async () => {
    const store = new FsStore(await tempDir('derived-'));
    await store.put('d/n.json', '0');
    let n = 0;
    const always = publishDerived<number>(
      store,
      'd/n.json',
      async () => {
        await store.put('d/n.json', String(++n * 100));
        return -1;
      },
      { ...noWait, retries: 3 },
    );
    await expect(always).rejects.toBeInstanceOf(TooMuchContentionError);
    expect(n).toBe(4);
  });
});
