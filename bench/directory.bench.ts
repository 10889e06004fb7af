import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { loadConfigFile } from '../functions/core/config/load.js';
import { fixedClock, type AppDeps } from '../functions/core/deps.js';
import { createLocalIssuer } from '../functions/core/auth/local-issuer.js';
import { silentLogger } from '../functions/core/log.js';
import { FsStore } from '../functions/core/store/fs-store.js';
import { putJson } from '../functions/core/store/json.js';
import { createDirectoryApp } from '../functions/directory/app.js';
import { createDirectoryContext } from '../functions/directory/context.js';
import { COLLECTION_KEY, type Collection } from '../functions/directory/model/collection.js';
import { findServices } from '../functions/directory/search/find.js';
import { serviceQuerySchema, type ServiceQuery } from '../functions/directory/search/query.js';
import { ServiceSearch } from '../functions/directory/search/index.js';
import { SEARCH_INDEX_KEY, writeSearchIndex, type StoredSearchIndex } from '../functions/directory/search/stored-index.js';
import { toCsv } from '../functions/core/csv/index.js';
import { CountingStore } from '../test/support/counting-store.js';
import { BENCH_QUERIES as QUERIES, generateServices as generate, SENTENCES } from '../test/support/directory-services.js';
import { ms, summarize, timeRuns, timeRunsWithCpu } from './stats.js';

type Summary = ReturnType<typeof summarize>;

const QUERY_RUNS = 200;

/**
 * Memory in use after a full collection: the JS heap and array buffers (typed arrays live outside
 * the heap). The bench's own process, so for the difference between two points.
 */
function heapUsed(): number {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  const { heapUsed: heap, arrayBuffers } = process.memoryUsage();
  return heap + arrayBuffers;
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** A CSV import of the largest allowed file (5,000 rows) into a fresh store: time and store requests. */
async function importBench(config: AppDeps['config']): Promise<void> {
  const header = ['namn', 'organisation', 'huvudman', 'kommuner', 'beskrivning'];
  const code = config.municipalities[0]!.code;
  const rows = Array.from({ length: 5000 }, (_, i) => [`Import ${i + 1}`, code, 'municipality', code, SENTENCES[i % SENTENCES.length]!]);
  const text = toCsv([header, ...rows]);
  const issuer = await createLocalIssuer();
  const admin = `Bearer ${await issuer.sign({ sub: 'bench', roles: ['admin'] })}`;
  const samples: number[] = [];
  let calls = 0;
  for (let run = 0; run < 3; run++) {
    const dir = await mkdtemp(join(tmpdir(), 'bench-directory-import-'));
    try {
      const store = new CountingStore(new FsStore(dir));
      const app = createDirectoryApp({
        config,
        store,
        clock: fixedClock('2026-11-23T10:00:00+01:00'),
        auth: issuer.auth,
        log: silentLogger,
      });
      await app.request('/api/directory/services');
      store.reset();
      const start = performance.now();
      const res = await app.request('/api/directory/services.csv', {
        method: 'POST',
        body: text,
        headers: { 'content-type': 'text/csv', authorization: admin },
      });
      samples.push(performance.now() - start);
      if (res.status !== 200) throw new Error(`import answered ${res.status}`);
      calls = store.total;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  const s = summarize(samples);
  console.log(
    `CSV import of 5,000 rows (${(text.length / 1024).toFixed(0)} KiB) with history: median ${ms(s.median)} of 3, ${calls} store requests`,
  );
}

/** Search over 5,000 services, store requests per warm read, and a cold search with and without the stored index. */
export async function run(): Promise<void> {
  const config = loadConfigFile(join('config', 'jamtland.yaml'));
  const dir = await mkdtemp(join(tmpdir(), 'bench-directory-'));
  try {
    const store = new CountingStore(new FsStore(dir));
    const issuer = await createLocalIssuer();
    const deps: AppDeps = { config, store, clock: fixedClock('2026-11-23T10:00:00+01:00'), auth: issuer.auth, log: silentLogger };
    const collection: Collection = { schemaVersion: 1, services: generate(config, 5000), groups: [], agreements: [], plans: [] };
    await putJson(store, COLLECTION_KEY, collection);
    const bytes = JSON.stringify(collection).length;
    const coldSearch = async () => {
      const ctx = createDirectoryContext(deps);
      const { collection: loaded } = await ctx.load();
      await ctx.searchFor(loaded);
    };

    // without a stored index (what every cold function did before it was stored): build it
    const rebuilt = summarize(await timeRuns(coldSearch, 5, 1));
    await writeSearchIndex(store, collection, config);
    const indexBytes = (await store.get(SEARCH_INDEX_KEY)) as { body: Uint8Array };
    store.reset();
    await coldSearch();
    const coldCalls = store.total;
    const c = summarize(await timeRuns(coldSearch, 10, 1));
    console.log(
      `cold search, stored index (GET ${(bytes / 1024).toFixed(0)} KiB collection + ${(indexBytes.body.length / 1024).toFixed(0)} KiB index, parse, loadJS): ` +
        `median ${ms(c.median)}, p95 ${ms(c.p95)}, ${coldCalls} store requests; rebuilding the index instead: median ${ms(rebuilt.median)} of 5`,
    );

    const read = summarize(await timeRuns(() => createDirectoryContext(deps).load(), 10, 1));
    console.log(
      `  of which GET + parse of the collection: median ${ms(read.median)}, p95 ${ms(read.p95)} (a list without free text needs only this)`,
    );

    const ctx = createDirectoryContext(deps);
    const { collection: warm } = await ctx.load();
    const index = await ctx.searchFor(warm);
    // the same stored index without its recent answers: every search computed in full
    const stored = JSON.parse(new TextDecoder().decode(indexBytes.body)) as StoredSearchIndex;
    const fresh = ServiceSearch.fromStored(stored.index, config, ctx.synonyms, { recent: 0 });
    // and scored by MiniSearch's own code alone (the same answers; what the own scorer saves)
    const plain = ServiceSearch.fromStored(stored.index, config, ctx.synonyms, { recent: 0, scorer: 'minisearch' });
    const find = (query: ServiceQuery, search = index) => findServices(warm, () => Promise.resolve(search), query, deps.clock.now());
    const schema = serviceQuerySchema(config);
    console.log(
      `search over 5,000 services, n=${QUERY_RUNS} per query, load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores; ` +
        'computed = every search in full (a new query), plain = the same scored by MiniSearch alone, ' +
        'repeated = a query the function answered recently (paging, common words); wall time, CPU time in brackets',
    );
    console.log('| query | hits | computed median | computed p95 | plain median | plain p95 | repeated median | repeated p95 |');
    console.log('|---|---|---|---|---|---|---|---|');
    const row = async (label: string, query: ServiceQuery) => {
      const hits = (await find(query)).total;
      const full = await timeRunsWithCpu(() => find(query, fresh), QUERY_RUNS, 10);
      const bare = await timeRunsWithCpu(() => find(query, plain), QUERY_RUNS, 10);
      const again = await timeRunsWithCpu(() => find(query), QUERY_RUNS, 10);
      const [fw, fc, pw, pc, aw, ac] = [full.wall, full.cpu, bare.wall, bare.cpu, again.wall, again.cpu].map(summarize) as Summary[] as [
        Summary,
        Summary,
        Summary,
        Summary,
        Summary,
        Summary,
      ];
      const cell = (wall: number, cpu: number) => `${ms(wall)} (${ms(cpu)})`;
      console.log(
        `| ${label} | ${hits} | ${cell(fw.median, fc.median)} | ${cell(fw.p95, fc.p95)} | ${cell(pw.median, pc.median)} | ${cell(pw.p95, pc.p95)} | ` +
          `${cell(aw.median, ac.median)} | ${cell(aw.p95, ac.p95)} |`,
      );
    };
    const queries: Array<[string, ServiceQuery]> = [
      ...QUERIES.map((q): [string, ServiceQuery] => [q, schema.parse({ q })]),
      [
        'spel + municipality + noReferral + openNow',
        schema.parse({ q: 'spel', municipality: '2380', noReferral: 'true', openNow: 'true' }),
      ],
    ];
    for (const [label, query] of queries) await row(label, query);

    // the first search of a freshly loaded index also scores the postings of its words (once per version)
    const first: number[] = [];
    for (let i = 0; i < 5; i++) {
      const { index: data } = JSON.parse(new TextDecoder().decode(indexBytes.body)) as StoredSearchIndex;
      const loaded = ServiceSearch.fromStored(data, config, ctx.synonyms);
      const start = performance.now();
      await find(schema.parse({ q: 'spelberoende' }), loaded);
      first.push(performance.now() - start);
    }
    console.log(
      `first search after loading the index ("spelberoende", its words' postings scored): median ${ms(summarize(first).median)} of 5`,
    );

    // memory: a second index loaded beside the first (so nothing left over from before counts), then searched
    const loadIndex = () => {
      const { index: data } = JSON.parse(new TextDecoder().decode(indexBytes.body)) as StoredSearchIndex;
      return ServiceSearch.fromStored(data, config, ctx.synonyms);
    };
    const kept = [loadIndex()];
    const before = heapUsed();
    kept.push(loadIndex());
    const loadedHeap = heapUsed();
    for (const [, query] of queries) await find(query, kept[1]);
    const searchedHeap = heapUsed();
    console.log(
      `heap and array buffers used by a loaded index of 5,000 services: ${mib(loadedHeap - before)} (MiniSearch's index, the scorer's field lengths and scratch); ` +
        `+${mib(searchedHeap - loadedHeap)} after the ${queries.length} queries above (postings tables of their words, their recent answers); ` +
        `the whole process ${mib(searchedHeap)} with ${kept.length} indexes`,
    );

    let now = 0;
    const app = createDirectoryApp(deps, { monotonicNow: () => now, cacheWindowMs: 5000 });
    await app.request('/api/directory/services?q=spel');
    store.reset();
    for (let i = 0; i < 100; i++) await app.request('/api/directory/services?q=spel');
    const within = store.total;
    store.reset();
    for (let i = 0; i < 100; i++) {
      now += 6000;
      await app.request('/api/directory/services?q=spel');
    }
    console.log(
      `store requests per public read on a warm function: ${within / 100} within the 5 s cache window, ${store.total / 100} (conditional GET, 304) after it`,
    );

    const browse = summarize(await timeRuns(() => app.request('/hitta-stod', { headers: { accept: 'text/html' } }), 50, 3));
    console.log(`/hitta-stod before any search (first page of 5,000 services): median ${ms(browse.median)}, p95 ${ms(browse.p95)}`);

    await importBench(config);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
