import { describe, expect, it } from 'vitest';
import { createLogger, type Logger } from '../../functions/core/log.js';
import { getJson, putJson } from '../../functions/core/store/json.js';
import type { Store } from '../../functions/core/store/store.js';
import { createDirectoryApp } from '../../functions/directory/app.js';
import { COLLECTION_KEY, type Collection } from '../../functions/directory/model/collection.js';
import { SEARCH_INDEX_KEY, type StoredSearchIndex } from '../../functions/directory/search/stored-index.js';
import { ServiceSearch, type SearchResult } from '../../functions/directory/search/index.js';
import { synonymTable } from '../../functions/directory/search/synonyms.js';
import { areaConfig } from '../support/deps.js';
import { generateServices } from '../support/directory-services.js';
import { CountingStore, directoryApp, json, jsonInit, kindaService, type J } from './helpers.js';

/** A search result as plain data, with each hit's match info (worked out only when asked otherwise). */
const plain = (result: SearchResult) => ({
  matchedAllWords: result.matchedAllWords,
  hits: result.hits.map((h) => ({ id: h.id, at: h.at, score: h.score, match: h.match(), terms: h.terms() })),
});

/** A logger that keeps its lines, to see whether a function rebuilt the index and why. */
function recordingLog(): { log: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  return {
    log: createLogger({ service: 'directory', write: (_level, line) => lines.push(JSON.parse(line) as Record<string, unknown>) }),
    lines,
  };
}

const rebuilds = (lines: Record<string, unknown>[]) =>
  lines.filter((l) => l.msg === 'directory search index rebuilt' || l.message === 'directory search index rebuilt');

/** Östergötland after one admin write, so the collection has a revision and a stored index. */
async function written() {
  const { app, kit, deps } = await directoryApp('ostergotland');
  const admin = await kit.bearer({ roles: ['admin'] });
  const res = await app.request('/api/directory/services', jsonInit('POST', kindaService({ name: 'Spelstödet Kinda' }), admin));
  expect(res.status).toBe(201);
  /** A cold function over the same data, counting its storage calls and keeping its log. */
  const cold = () => {
    const store = new CountingStore(deps.store);
    const { log, lines } = recordingLog();
    return { app: createDirectoryApp({ ...deps, store, log }), store, lines };
  };
  return { app, admin, deps, cold };
}

async function searchNames(app: { request: (path: string) => Response | Promise<Response> }, q: string): Promise<string[]> {
  const res = await app.request(`/api/directory/services?q=${encodeURIComponent(q)}`);
  expect(res.status).toBe(200);
  return ((await json(res)) as J).items.map((i: { name: string }) => i.name);
}

describe('the prebuilt search index', () => {
  it('is written with the collection and names the version it indexes', async () => {
    const { deps } = await written();
    const collection = await getJson<Collection>(deps.store, COLLECTION_KEY);
    const stored = await getJson<StoredSearchIndex>(deps.store, SEARCH_INDEX_KEY);
    expect(stored?.value).toMatchObject({ revision: collection!.value.revision, change: collection!.value.change });
    expect(stored?.value.services).toBe(collection!.value.services.length);
  });

  it('is loaded by a cold search, not rebuilt: two reads, no log line, the same answer', async () => {
    const { app, cold } = await written();
    const expected = await searchNames(app, 'spel kinda');
    const fn = cold();
    expect(await searchNames(fn.app, 'spel kinda')).toEqual(expected);
    expect(expected).toContain('Spelstödet Kinda');
    expect(fn.store.calls).toEqual([`get ${COLLECTION_KEY}`, `get ${SEARCH_INDEX_KEY}`]);
    expect(rebuilds(fn.lines)).toEqual([]);
  });

  const damages: ReadonlyArray<readonly [string, (store: Store) => Promise<void>]> = [
    ['missing', (store) => store.delete(SEARCH_INDEX_KEY)],
    ['corrupt', async (store) => void (await store.put(SEARCH_INDEX_KEY, '{"index": [1, 2'))],
    [
      'corrupt',
      async (store) => {
        // the right version, but the index itself is not MiniSearch's
        const stored = await getJson<StoredSearchIndex>(store, SEARCH_INDEX_KEY);
        await putJson(store, SEARCH_INDEX_KEY, { ...stored!.value, index: { documentCount: 3, index: 'nonsense' } });
      },
    ],
  ];
  it.each(damages)('is rebuilt with a log line, never a 500, when it is %s', async (reason, damage) => {
    const { app, deps, cold } = await written();
    const expected = await searchNames(app, 'spel kinda');
    await damage(deps.store);
    const fn = cold();
    expect(await searchNames(fn.app, 'spel kinda')).toEqual(expected);
    expect(rebuilds(fn.lines)).toEqual([expect.objectContaining({ reason })]);
    expect(fn.store.counts).toMatchObject({ get: 2, put: 0 });
  });

  it('is rebuilt when it is older than the collection, and finds what the newer version added', async () => {
    const { app, admin, deps, cold } = await written();
    const old = (await deps.store.get(SEARCH_INDEX_KEY)) as { body: Uint8Array };
    const res = await app.request('/api/directory/services', jsonInit('POST', kindaService({ name: 'Nyöppnade spelmottagningen' }), admin));
    expect(res.status).toBe(201);
    // a writer that stopped after the collection write leaves the index of the version before
    await deps.store.put(SEARCH_INDEX_KEY, old.body);
    const fn = cold();
    expect((await searchNames(fn.app, 'nyöppnade'))[0]).toBe('Nyöppnade spelmottagningen');
    expect(rebuilds(fn.lines)).toEqual([expect.objectContaining({ reason: 'stale' })]);
  });

  it('ends at the newest version when functions write at the same moment, so a cold search loads it', async () => {
    const { deps, admin, cold } = await written();
    const names = ['Första samtidiga', 'Andra samtidiga', 'Tredje samtidiga', 'Fjärde samtidiga'];
    const writers = names.map((_, i) =>
      createDirectoryApp({ ...deps, ids: () => `00000000-0000-4000-8000-00000000099${i}` }, { cacheWindowMs: 0 }),
    );
    const answers = await Promise.all(
      writers.map((w, i) => w.request('/api/directory/services', jsonInit('POST', kindaService({ name: names[i] }), admin))),
    );
    expect(answers.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    const collection = await getJson<Collection>(deps.store, COLLECTION_KEY);
    const stored = await getJson<StoredSearchIndex>(deps.store, SEARCH_INDEX_KEY);
    expect(stored?.value.revision).toBe(collection!.value.revision);
    const fn = cold();
    expect((await searchNames(fn.app, 'samtidiga')).sort()).toEqual([...names].sort());
    expect(rebuilds(fn.lines)).toEqual([]);
  });
});

describe('recent searches kept by an index', () => {
  const config = areaConfig('jamtland');
  const services = generateServices(config, 300);
  const synonyms = synonymTable(config.directory.synonyms);
  const kept = ServiceSearch.build(services, config, synonyms);
  const computed = ServiceSearch.build(services, config, synonyms, { recent: 0 });
  const inOstersund = new Set(services.filter((s) => s.municipalities.includes('2380')).map((s) => s.id));
  const cases: Array<[string, ((id: string) => boolean) | undefined]> = [
    ['spel', undefined],
    ['spel', (id) => inOstersund.has(id)],
    ['mini maria', undefined],
    // every word matches some service, but none in Östersund has both: any-word matching there
    ['maria krokom', (id) => inOstersund.has(id)],
    ['anhörig', undefined],
  ];

  it.each(cases)('answer "%s" again exactly as a full search does, filters included', (q, allowed) => {
    const first = plain(kept.search(q, allowed));
    const again = plain(kept.search(q, allowed));
    const full = plain(computed.search(q, allowed));
    expect(full.hits.length).toBeGreaterThan(0);
    expect(again).toEqual(full);
    expect(first).toEqual(full);
    if (allowed) expect(full.hits.every((h) => allowed(h.id))).toBe(true);
  });

  it('falls back to any word within the filter even when all words match outside it', () => {
    const everyWord = kept.search('maria krokom');
    const filtered = kept.search('maria krokom', (id) => inOstersund.has(id));
    expect(everyWord.matchedAllWords).toBe(true);
    expect(everyWord.hits.some((h) => !inOstersund.has(h.id))).toBe(true);
    expect(filtered.matchedAllWords).toBe(false);
  });
});

describe('the own scorer of an index', () => {
  const config = areaConfig('jamtland');
  const generated = generateServices(config, 300);
  // services where a repeated word meets the other synonyms of its word in one text
  const services = [
    ...generated,
    { ...generated[0]!, id: 'spel-1', name: 'Spelproblem och spelberoende', description: 'Stöd vid spel om pengar och spelande.' },
    { ...generated[1]!, id: 'spel-2', name: 'Spelstöd', description: 'Om spelproblem: spel om pengar, spelberoende.' },
  ];
  const synonyms = synonymTable(config.directory.synonyms);
  const own = ServiceSearch.build(services, config, synonyms, { recent: 0 });
  const reference = ServiceSearch.build(services, config, synonyms, { recent: 0, scorer: 'minisearch' });
  const stored = () => JSON.parse(JSON.stringify(own.toStored())) as ReturnType<ServiceSearch['toStored']>;
  const loaded = ServiceSearch.fromStored(stored(), config, synonyms, { recent: 0 });
  // a loaded index lists the indexed words in another order than a built one: compare like with like
  const loadedReference = ServiceSearch.fromStored(stored(), config, synonyms, { recent: 0, scorer: 'minisearch' });
  const inOstersund = new Set(services.filter((s) => s.municipalities.includes('2380')).map((s) => s.id));
  // "spel" and "spelberoende" repeat "spel" through the synonym phrase "spel om pengar"
  const queries = [
    'spel',
    'spel spel',
    'om spel',
    'spelberoende',
    'ostersund spel',
    'spel om pengar',
    'alkohol linköping',
    'laro',
    'mini-maria',
    'knark sprit',
  ];

  it.each(queries)('score "%s" exactly as MiniSearch itself does: hits, order, scores and match', (q) => {
    const expected = plain(reference.search(q));
    expect(expected.hits.length).toBeGreaterThan(0);
    expect(plain(own.search(q))).toEqual(expected);
    expect(plain(loaded.search(q))).toEqual(plain(loadedReference.search(q)));
    // twice in a row: nothing kept from the first search changes the second
    expect(plain(own.search(q))).toEqual(expected);
    expect(plain(own.search(q, (id) => inOstersund.has(id)))).toEqual(plain(reference.search(q, (id) => inOstersund.has(id))));
  });
});
