import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import type { CountyConfig } from '../../functions/core/config/schema.js';
import { seedCollection } from '../../functions/directory/data/seed.js';
import type { Collection } from '../../functions/directory/model/collection.js';
import type { Service } from '../../functions/directory/model/service.js';
import { findServices, type FoundPage } from '../../functions/directory/search/find.js';
import { ServiceSearch, type SearchResult } from '../../functions/directory/search/index.js';
import { foldDiacritics, words } from '../../functions/directory/search/normalize.js';
import { serviceQuerySchema } from '../../functions/directory/search/query.js';
import { indexOptions, SCORING_RULES, SEARCH_OPTIONS, serviceQuery, TERM_RULES } from '../../functions/directory/search/rules.js';
import { QueryScorer, rankDescending, type ScoredQuery } from '../../functions/directory/search/scorer.js';
import { synonymTable, type SynonymTable } from '../../functions/directory/search/synonyms.js';
import { areaConfig } from '../support/deps.js';
import { BENCH_QUERIES, generateServices, random } from '../support/directory-services.js';

const HAND_PICKED = [
  ...BENCH_QUERIES,
  'Mini-Maria',
  'östersund spel',
  'ANHÖRIGA barn',
  'spel',
  'spel spel',
  'spel om pengar',
  'knark sprit supa',
  'tabletter',
  'läkemedel',
  'lakemedel',
  'behandlng',
  'öppenvården',
  'oppenvarden',
  'ungdomsmottagningen krokom',
  'samsjuklighet kvinnojouren',
  'integrerad mottagning för samsjuklighet',
  '147',
  'mini 147',
  'xyzzy',
  'xyzzy spel',
  'é ü æ ø',
  'a',
  'om',
  'vi erbjuder samtalsstöd för dig som oroar dig för ditt drickande eller ditt spelande idag',
];

/** Queries made from the indexed words: whole, folded, cut to a prefix, with a typo, and in pairs. */
function generatedQueries(services: readonly Service[], n: number): string[] {
  const rnd = random(7);
  const vocabulary = [...new Set(services.flatMap((s) => words(`${s.name} ${s.description ?? ''}`)))].sort();
  const pick = () => vocabulary[Math.floor(rnd() * vocabulary.length)]!;
  const variants: Array<(w: string) => string> = [
    (w) => w,
    (w) => foldDiacritics(w),
    (w) => w.slice(0, Math.max(2, Math.ceil(w.length * 0.6))),
    (w) => {
      const at = Math.floor(rnd() * w.length);
      return w.slice(0, at) + w.slice(at + 1);
    },
    (w) => {
      const at = Math.floor(rnd() * w.length);
      return w.slice(0, at) + 'ö' + w.slice(at + 1);
    },
    (w) => w.toUpperCase(),
  ];
  const word = () => variants[Math.floor(rnd() * variants.length)]!(pick());
  return Array.from({ length: n }, (_, i) =>
    i % 3 === 0 ? `${word()} ${word()}` : i % 7 === 0 ? `${word()} ${word()} ${word()}` : word(),
  );
}

/** MiniSearch's answer and the own scorer's for one query tree: ids, scores to the bit, match info with its key order. */
function expectSameRanking(index: MiniSearch<Service>, scorer: QueryScorer, query: ScoredQuery): number {
  const expected = index.search(query, SEARCH_OPTIONS);
  const got = scorer.search(query);
  expect(got.ids).toEqual(expected.map((r) => String(r.id)));
  expect([...got.scores]).toEqual(expected.map((r) => r.score));
  expect(got.ids.map((_, i) => JSON.stringify(got.match(i)))).toEqual(expected.map((r) => JSON.stringify(r.match)));
  return expected.length;
}

/** A search result as plain data, with each hit's match info (worked out lazily otherwise). */
function plain(result: SearchResult) {
  return {
    matchedAllWords: result.matchedAllWords,
    hits: result.hits.map((h) => ({ id: h.id, at: h.at, score: h.score, match: JSON.stringify(h.match()), terms: h.terms() })),
  };
}

/** Pages of a found list as plain data, following the cursor for up to `pages` pages. */
async function pages(collection: Collection, search: ServiceSearch, raw: Record<string, string>, config: CountyConfig, pages = 3) {
  const schema = serviceQuerySchema(config);
  const now = new Date('2026-11-23T10:00:00+01:00');
  const found: Array<Omit<FoundPage, 'items'> & { items: unknown[] }> = [];
  let cursor: string | undefined;
  for (let i = 0; i < pages; i++) {
    const page = await findServices(
      collection,
      () => Promise.resolve(search),
      schema.parse({ ...raw, ...(cursor ? { cursor } : {}) }),
      now,
    );
    found.push({ ...page, items: page.items.map((item) => ({ ...item, service: item.service.id })) });
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return found;
}

interface Area {
  readonly label: string;
  readonly config: CountyConfig;
  readonly collection: Collection;
  readonly queries: readonly string[];
}

const jamtland = areaConfig('jamtland');
const generated = generateServices(jamtland, 5000);
const areas: Area[] = [
  ...['jamtland', 'norrbotten', 'ostergotland', 'sjuharad', 'vasternorrland'].map((name) => {
    const config = areaConfig(name);
    const collection = seedCollection(config, '2026-01-01T00:00:00+01:00');
    return { label: `${name} (seeded)`, config, collection, queries: [...HAND_PICKED, ...generatedQueries(collection.services, 60)] };
  }),
  {
    label: 'jamtland, 5,000 generated services',
    config: jamtland,
    collection: { schemaVersion: 1, services: generated, groups: [], agreements: [], plans: [] },
    queries: [...HAND_PICKED, ...generatedQueries(generated, 60)],
  },
];

describe.each(areas)('the own scorer in $label', ({ config, collection, queries }) => {
  const synonyms: SynonymTable = synonymTable(config.directory.synonyms);
  const built = new MiniSearch<Service>(indexOptions(config));
  built.addAll(collection.services);
  // a loaded index lists prefix and fuzzy matches in another order than a built one: both are used
  const loaded = MiniSearch.loadJS<Service>(JSON.parse(JSON.stringify(built)), indexOptions(config));

  it('scores every query exactly as MiniSearch does: ids, order, scores and match info, every word or any', () => {
    let hits = 0;
    for (const index of [built, loaded]) {
      const scorer = QueryScorer.of(index, SCORING_RULES, TERM_RULES)!;
      for (const q of queries) {
        const tokens = words(q).slice(0, 12);
        if (tokens.length === 0) continue;
        hits += expectSameRanking(index, scorer, serviceQuery(tokens, 'AND', synonyms));
        if (tokens.length > 1) hits += expectSameRanking(index, scorer, serviceQuery(tokens, 'OR', synonyms));
      }
    }
    // the queries find something, so the comparison compares something
    expect(hits).toBeGreaterThan(queries.length);
  });

  it('answers a search with filters as the index scored by MiniSearch does, falling back to any word the same way', () => {
    const stored = () => JSON.parse(JSON.stringify(built.toJSON())) as ReturnType<ServiceSearch['toStored']>;
    const own = ServiceSearch.fromStored(stored(), config, synonyms, { recent: 0 });
    const reference = ServiceSearch.fromStored(stored(), config, synonyms, { recent: 0, scorer: 'minisearch' });
    const first = config.municipalities[0]!.code;
    const inFirst = new Set(collection.services.filter((s) => s.municipalities.includes(first)).map((s) => s.id));
    const filters: Array<((id: string) => boolean) | undefined> = [undefined, (id) => inFirst.has(id), () => false];
    for (const q of queries)
      for (const allowed of filters) expect(plain(own.search(q, allowed))).toEqual(plain(reference.search(q, allowed)));
  });
});

describe('the own scorer after very many searches', () => {
  it('scores as before once its marks of the documents start again', () => {
    const config = areaConfig('ostergotland');
    const synonyms = synonymTable(config.directory.synonyms);
    const index = new MiniSearch<Service>(indexOptions(config));
    index.addAll(seedCollection(config, '2026-01-01T00:00:00+01:00').services);
    const scorer = QueryScorer.of(index, SCORING_RULES, TERM_RULES)!;
    const query = serviceQuery(['spel', 'linköping'], 'OR', synonyms);
    // as if about two billion parts of queries had been scored by this scorer
    (scorer as unknown as { generation: number }).generation = 0x7fffffff - 3;
    for (let i = 0; i < 3; i++) expect(expectSameRanking(index, scorer, query)).toBeGreaterThan(1);
  });
});

describe('pages of found services with the own scorer', () => {
  const [config, collection] = [areas.at(-1)!.config, areas.at(-1)!.collection];
  const synonyms = synonymTable(config.directory.synonyms);
  const built = ServiceSearch.build(collection.services, config, synonyms, { recent: 0 });
  const reference = ServiceSearch.fromStored(built.toStored(), config, synonyms, { recent: 0, scorer: 'minisearch' });
  const own = ServiceSearch.fromStored(built.toStored(), config, synonyms, { recent: 0 });
  const cases: Array<Record<string, string>> = [
    { q: 'spel' },
    { q: 'spel', limit: '7' },
    { q: 'mini maria', municipality: '2380' },
    { q: 'spel', municipality: '2380', noReferral: 'true', openNow: 'true' },
    { q: 'alkohol linköping', targetGroup: 'adults' },
    { q: 'maria krokom', municipality: '2380' },
    { q: 'anhörig', principal: 'region,joint', limit: '50' },
    { q: 'laro', age: '17' },
    { q: 'xyzzy' },
  ];

  it.each(cases)('are the same as with MiniSearch scoring: items, scores, reasons, totals and cursors (%o)', async (raw) => {
    const expected = await pages(collection, reference, raw, config);
    expect(await pages(collection, own, raw, config)).toEqual(expected);
  });

  it('show the services of the collection asked about, also when one index serves two copies of it', async () => {
    const renamed: Collection = { ...collection, services: collection.services.map((s) => ({ ...s, name: `${s.name} (ny)` })) };
    const query = serviceQuerySchema(config).parse({ q: 'spel' });
    const find = (of: Collection) => findServices(of, () => Promise.resolve(own), query, new Date('2026-11-23T10:00:00+01:00'));
    expect((await find(collection)).items.some((item) => item.service.name.endsWith(' (ny)'))).toBe(false);
    const found = await find(renamed);
    expect(found.items.length).toBeGreaterThan(0);
    expect(found.items.every((item) => item.service.name.endsWith(' (ny)'))).toBe(true);
  });

  it('list open services first, then planned, then retired, each in score order', async () => {
    const statuses = ['active', 'planned', 'retired'] as const;
    // every 11th service planned and every 13th retired, from the middle of the ranking on too
    const mixed: Collection = {
      ...collection,
      services: collection.services.map((s, i) => ({ ...s, status: statuses[i % 13 === 0 ? 2 : i % 11 === 0 ? 1 : 0] })),
    };
    const search = ServiceSearch.build(mixed.services, config, synonyms, { recent: 0 });
    const raw = { q: 'spel', includeRetired: 'true', limit: '100' };
    const found = (await pages(mixed, search, raw, config, 100)).flatMap((p) =>
      p.items.map((item) => (item as { service: string }).service),
    );
    const status = new Map(mixed.services.map((s) => [s.id, statuses.indexOf(s.status)]));
    const hits = search.search('spel').hits.map((h) => h.id);
    expect(new Set(hits.map((id) => status.get(id)))).toEqual(new Set([0, 1, 2]));
    expect(found).toEqual([0, 1, 2].flatMap((rank) => hits.filter((id) => status.get(id) === rank)));
  });
});

describe('ranking by descending score', () => {
  it('puts larger values first and keeps equal values in their order, as a stable sort does', () => {
    const rnd = random(3);
    for (const n of [0, 1, 2, 17, 1000]) {
      // few distinct values, so most are equal to others
      const values = Float64Array.from({ length: n }, () => Math.round(rnd() * 20) / 3);
      const stable = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[b]! - values[a]!);
      expect([...rankDescending(values)]).toEqual(stable);
    }
  });
});
