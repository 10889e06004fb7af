import { describe, expect, it } from 'vitest';
import { FsStore } from '../../functions/core/store/fs-store.js';
import { StoreUnavailableError, type Store } from '../../functions/core/store/store.js';
import { toCsv } from '../../functions/core/csv/index.js';
import { COLLECTION_KEY, HISTORY_PREFIX } from '../../functions/directory/model/collection.js';
import { MAX_IMPORT_ROWS } from '../../functions/directory/routes/csv.js';
import { tempDir } from '../support/deps.js';
import { CountingStore, directoryApp, json, type J } from './helpers.js';

// the columns a coordinator's short file has (every other column may be left out)
const HEADER = ['namn', 'organisation', 'huvudman', 'kommuner'];

function servicesCsv(count: number): string {
  const rows = Array.from({ length: count }, (_, i) => [`Import ${i + 1}`, '0513', 'municipality', '0513']);
  return toCsv([HEADER, ...rows]);
}

function importCsv(app: J, auth: string, text: string): Promise<Response> {
  return app.request('/api/directory/services.csv', {
    method: 'POST',
    body: text,
    headers: { 'content-type': 'text/csv; charset=utf-8', authorization: auth },
  });
}

/** Everything stored under the directory's prefix, with ETags: equal before and after means nothing changed. */
async function storedState(store: Store): Promise<string[]> {
  const keys: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.list('directory/', { cursor });
    for (const item of page.items) {
      const found = await store.get(item.key);
      keys.push(`${item.key} ${found && found !== 'not-modified' ? found.etag : '-'}`);
    }
    cursor = page.cursor;
  } while (cursor);
  return keys.sort();
}

/**
 * A store that fails writes to some keys, as a full disk would, or (`afterWriting`) writes them and
 * then fails, as a connection lost before the answer would.
 */
class FailingStore extends CountingStore {
  constructor(
    inner: Store,
    private readonly failOn: (key: string) => boolean,
    afterWriting = false,
  ) {
    super(inner);
    const put = this.put;
    this.put = async (key, body, options) => {
      if (!this.armed || !this.failOn(key)) return put(key, body, options);
      if (afterWriting) await put(key, body, options);
      throw new StoreUnavailableError('connection lost');
    };
  }
  armed = false;
}

describe('CSV import limits: all or nothing at any size', () => {
  it(`refuses 50,000 rows whole with 413 naming the limit of ${MAX_IMPORT_ROWS}, and stores nothing`, async () => {
    const { app, kit, deps } = await directoryApp();
    await app.request('/api/directory/services');
    const before = await storedState(deps.store);
    const text = servicesCsv(50_000);
    expect(text.length).toBeLessThan(2 * 1024 * 1024);
    const res = await importCsv(app, await kit.bearer({ roles: ['admin'] }), text);
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = await json(res);
    expect(problem.maxRows).toBe(MAX_IMPORT_ROWS);
    expect(problem.title).toContain(String(MAX_IMPORT_ROWS));
    expect(problem.errors[0].sv).toContain(String(MAX_IMPORT_ROWS));
    expect(await storedState(deps.store)).toEqual(before);
  });

  it(`stores a file of exactly ${MAX_IMPORT_ROWS} rows whole, each service with its history`, async () => {
    const { app, kit } = await directoryApp();
    const admin = await kit.bearer({ roles: ['admin'], sub: 'anna' });
    const res = await importCsv(app, admin, servicesCsv(MAX_IMPORT_ROWS));
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.imported).toBe(MAX_IMPORT_ROWS);
    const list = await json(await app.request('/api/directory/services?q=import&limit=1'));
    expect(list.total).toBe(MAX_IMPORT_ROWS);
    for (const id of [body.ids[0], body.ids[MAX_IMPORT_ROWS - 1]]) {
      const history = await json(await app.request(`/api/directory/services/${id}/history`, { headers: { authorization: admin } }));
      expect(history.changes.map((c: J) => `${c.action} by ${c.by}`)).toEqual(['import by anna']);
    }
  }, 60_000);

  it('leaves nothing half-written when the store fails during an import', async () => {
    for (const failOn of [(key: string) => key === COLLECTION_KEY, (key: string) => key.startsWith(HISTORY_PREFIX)]) {
      const store = new FailingStore(new FsStore(await tempDir('dir-fail-')), failOn);
      const { app, kit } = await directoryApp('ostergotland', { store });
      const admin = await kit.bearer({ roles: ['admin'] });
      await app.request('/api/directory/services');
      const before = await storedState(store);
      store.armed = true;
      const res = await importCsv(app, admin, servicesCsv(300));
      expect(res.status).toBe(503);
      store.armed = false;
      expect(await storedState(store)).toEqual(before);
      // and the next try stores the whole file
      expect((await importCsv(app, admin, servicesCsv(300))).status).toBe(200);
    }
  });

  it('keeps the history when the store took the import but the answer was lost', async () => {
    const store = new FailingStore(new FsStore(await tempDir('dir-lost-')), (key) => key === COLLECTION_KEY, true);
    // no cache window: the next read asks the store what it holds
    const { app, kit } = await directoryApp('ostergotland', { store, cacheWindowMs: 0 });
    const admin = await kit.bearer({ roles: ['admin'], sub: 'anna' });
    await app.request('/api/directory/services');
    store.armed = true;
    expect((await importCsv(app, admin, servicesCsv(3))).status).toBe(503);
    store.armed = false;
    const { items } = await json(await app.request('/api/directory/services?q=import'));
    expect(items).toHaveLength(3);
    for (const service of items) {
      const history = await json(await app.request(`/api/directory/services/${service.id}/history`, { headers: { authorization: admin } }));
      expect(history.changes.map((c: J) => `${c.action} by ${c.by}`)).toEqual(['import by anna']);
    }
  });

  it('keeps the history of an edit that follows an import, in order', async () => {
    const { app, kit } = await directoryApp();
    const admin = await kit.bearer({ roles: ['admin'], sub: 'anna' });
    const { ids } = await json(await importCsv(app, admin, servicesCsv(3)));
    const read = await app.request(`/api/directory/services/${ids[1]}`);
    const service = await json(read);
    const { id: _id, created: _c, updated: _u, stale: _s, ...fields } = service;
    const put = await app.request(`/api/directory/services/${ids[1]}`, {
      method: 'PUT',
      body: JSON.stringify({ ...fields, name: 'Import två' }),
      headers: { 'content-type': 'application/json', authorization: admin, 'if-match': read.headers.get('etag')! },
    });
    expect(put.status).toBe(200);
    const history = await json(await app.request(`/api/directory/services/${ids[1]}/history`, { headers: { authorization: admin } }));
    expect(history.changes.map((c: J) => [c.action, c.after.name])).toEqual([
      ['import', 'Import 2'],
      ['update', 'Import två'],
    ]);
  });
});
