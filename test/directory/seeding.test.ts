import { describe, expect, it } from 'vitest';
import { FsStore } from '../../functions/core/store/fs-store.js';
import { createDirectoryApp } from '../../functions/directory/app.js';
import { COLLECTION_KEY, SERVICE_INDEX_KEY } from '../../functions/directory/model/collection.js';
import { parseAges } from '../../functions/directory/data/seed.js';
import { SEARCH_INDEX_KEY } from '../../functions/directory/search/stored-index.js';
import { tempDir, testKit } from '../support/deps.js';
import { CountingStore, json, jsonInit, kindaService } from './helpers.js';

const decode = (body: Uint8Array) => JSON.parse(new TextDecoder().decode(body));

describe('seeding the directory', () => {
  it('seeds the area’s units, groups and agreements on the first request, unverified with their source', async () => {
    const kit = await testKit({ area: 'ostergotland' });
    const app = createDirectoryApp(kit.deps);
    const body = await json(await app.request('/api/directory/services?limit=100'));
    expect(body.total).toBe(kit.deps.config.directory.seed.units.length);
    for (const s of body.items) {
      expect(s.verified).toBeUndefined();
      expect(s.stale).toBe(true);
      // the area's document, and the passage when the seed names one
      expect(s.source.startsWith(kit.deps.config.directory.seed.source)).toBe(true);
    }
  });

  it('seeds once when many first requests race from separate functions', async () => {
    const store = new FsStore(await tempDir('dir-race-'));
    const kit = await testKit({ area: 'ostergotland', store });
    const apps = Array.from({ length: 6 }, () => createDirectoryApp(kit.deps));
    const answers = await Promise.all(apps.map((app) => app.request('/api/directory/services?limit=100')));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const stored = await store.get(COLLECTION_KEY);
    if (!stored || stored === 'not-modified') throw new Error('no collection');
    expect(decode(stored.body).services).toHaveLength(kit.deps.config.directory.seed.units.length);
  });

  it('writes the public service index and keeps it current after a change', async () => {
    const store = new FsStore(await tempDir('dir-index-'));
    const kit = await testKit({ area: 'ostergotland', store });
    const app = createDirectoryApp(kit.deps);
    await app.request('/api/directory/services');
    const admin = await kit.bearer({ roles: ['admin'] });
    const created = await json(await app.request('/api/directory/services', jsonInit('POST', kindaService(), admin)));
    const index = await store.get(SERVICE_INDEX_KEY);
    if (!index || index === 'not-modified') throw new Error('no index');
    const entries = decode(index.body);
    expect(entries).toContainEqual({ id: created.id, name: 'Öppenvården Kinda', municipalities: ['0513'] });
    expect(entries.find((e: { name: string }) => e.name === 'Beroendekliniken i Linköping').municipalities).toEqual(['0580']);
  });

  it('reads the store at most once per public read after warming, and not at all within the cache window', async () => {
    const counting = new CountingStore(new FsStore(await tempDir('dir-count-')));
    const kit = await testKit({ area: 'ostergotland', store: counting });
    let now = 0;
    const app = createDirectoryApp(kit.deps, { monotonicNow: () => now, cacheWindowMs: 5000 });
    await app.request('/api/directory/services');
    counting.calls.length = 0;
    // the first free-text search of a version reads the prebuilt index once
    await app.request('/api/directory/services?q=mini');
    expect(counting.calls).toEqual([`get ${SEARCH_INDEX_KEY}`]);
    counting.calls.length = 0;
    await app.request('/api/directory/services?q=mini');
    await app.request('/hitta-stod?q=spel');
    expect(counting.calls).toEqual([]);
    now = 6000;
    await app.request('/api/directory/services?q=maria');
    expect(counting.calls).toEqual([`get ${COLLECTION_KEY} (conditional)`]);
  });

  it('reads age ranges out of the seed texts', () => {
    expect(parseAges('till och med 25 år')).toEqual({ maximumAge: 25 });
    expect(parseAges('13-21 år')).toEqual({ minimumAge: 13, maximumAge: 21 });
    expect(parseAges('vuxna')).toEqual({ minimumAge: 18 });
    expect(parseAges('unga')).toEqual({});
  });
});
