import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { indicatorDefinitions } from '../../functions/core/config/rules.js';
import type { IndicatorDefinition } from '../../functions/core/config/schema.js';
import { createIndicatorsContext } from '../../functions/indicators/context.js';
import { allowedKoladaCodes, indicatorsByKpi, isNationalStats, NATIONAL_KEY } from '../../functions/indicators/national/model.js';
import { parseKolada } from '../../functions/indicators/national/parse.js';
import { comparisonRows } from '../../functions/indicators/national/view.js';
import type { Store } from '../../functions/core/store/store.js';
import { main } from '../../scripts/kolada.js';
import { areaConfig, tempDir } from '../support/deps.js';
import { measureScenario, STORAGE_SCENARIOS } from '../support/storage-cost.js';
import { indicatorsKit, putReport, release, storedKeys } from './helpers.js';

const FIXTURE = 'test/indicators/fixtures/kolada-n35807.json';
type Kit = Awaited<ReturnType<typeof indicatorsKit>>;

/** Run `npm run kolada` against the kit's store; returns the exit code and what it wrote to stderr. */
async function run(kit: Kit, args: string[]): Promise<{ code: number; err: string }> {
  const errors: string[] = [];
  const spyErr = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void errors.push(a.join(' ')));
  const spyLog = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  try {
    const code = await main(args, () => Promise.resolve(kit.deps.store as Store));
    return { code, err: errors.join('\n') };
  } finally {
    spyErr.mockRestore();
    spyLog.mockRestore();
  }
}

/** Write a variant of the fixture to a temporary file. */
async function variant(change: (doc: { values: Record<string, unknown>[]; count?: number }) => unknown): Promise<string> {
  const doc = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { values: Record<string, unknown>[]; count?: number };
  const file = join(await tempDir('kolada-'), 'bad.json');
  writeFileSync(file, typeof change === 'function' ? JSON.stringify(change(doc) ?? doc) : '');
  return file;
}

/** Luleå (2580) and Kiruna (2584) report persons in treatment for 2025-Q4, released. */
async function withReports(): Promise<Kit> {
  const kit = await indicatorsKit();
  for (const [org, value] of [
    ['2580', 90],
    ['2584', 60],
  ] as const) {
    const res = await putReport(kit, `persons-in-treatment/2025-Q4/${org}`, { value }, await kit.bearer({ roles: ['editor'], org }));
    expect(res.status).toBeLessThan(300);
  }
  expect((await release(kit, '2025-Q4')).status).toBeLessThan(300);
  return kit;
}

afterEach(() => vi.restoreAllMocks());

describe('national comparison from Kolada', () => {
  it('imports a Kolada v3 answer and shows it beside the released figures, labelled with source and date', async () => {
    const kit = await withReports();
    const before = await kit.app.request('/uppfoljning/persons-in-treatment');
    expect(await before.text()).not.toContain('id="national"');

    const { code, err } = await run(kit, ['--area', 'norrbotten', '--retrieved', '2026-03-02', FIXTURE]);
    expect(err).toBe('');
    expect(code).toBe(0);
    const stored = await kit.deps.store.get(NATIONAL_KEY);
    expect(stored).toBeDefined();

    const html = await (await kit.app.request('/uppfoljning/persons-in-treatment')).text();
    expect(html).toContain('Nationell statistik från Kolada (hämtad 2 mars 2026)');
    expect(html).toContain('Källa: Kolada, RKA, nyckeltal N35807.');
    // the definition's known limits name N35807, so the page says the definitions differ
    expect(html).toContain('id="national-differs"');
    const rows = [...html.matchAll(/<tr data-code="(\d+)" data-year="(\d+)">(.*?)<\/tr>/g)].map((m) => ({
      code: m[1],
      year: m[2],
      cells: [...(m[3] ?? '').matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((c) => c[1]),
    }));
    expect(rows.map((r) => `${r.code}:${r.year}`)).toEqual(['0025:2025', '2580:2025', '2580:2024', '2584:2025', '0000:2025']);
    const row = (code: string, year: string) => rows.find((r) => r.code === code && r.year === year)?.cells;
    // Luleå: Kolada T/K/M beside its own released 2025-Q4 figure
    expect(row('2580', '2025')).toEqual(['2025', '83', '31', '52', '90 (2025-Q4)']);
    // no own figure released for 2024
    expect(row('2580', '2024')).toEqual(['2024', '79', '29', '50', '–']);
    // Kiruna: Kolada has no value (status kept); the deleted 2023 value is left out
    expect(row('2584', '2025')).toEqual(['2025', 'saknas (Missing)', 'saknas (Missing)', 'saknas (Missing)', '60 (2025-Q4)']);
    // the area is the county: its released total beside Kolada's county figure; Sweden has no own figure
    expect(row('0025', '2025')?.slice(1, 2)).toEqual(['641']);
    expect(row('0025', '2025')?.[4]).toMatch(/\(2025-Q4\)$/);
    expect(row('0000', '2025')).toEqual(['2025', '41\u00a0235', '–', '–', '–']);

    const en = await (await kit.app.request('/uppfoljning/persons-in-treatment?lang=en')).text();
    expect(en).toContain('National statistics from Kolada (retrieved 2 March 2026)');

    // national values never enter the releases or the CSV export of released figures
    const releases = await (await kit.app.request('/api/indicators/releases')).text();
    expect(releases).not.toContain('41235');
    expect(releases).not.toContain('N35807');
    // an indicator without a Kolada KPI shows no comparison
    expect(await (await kit.app.request('/uppfoljning/sip-established')).text()).not.toContain('id="national"');
  });

  it('replaces a KPI as a whole on a new import, with the new retrieval date', async () => {
    const kit = await withReports();
    expect((await run(kit, ['--area', 'norrbotten', '--retrieved', '2026-03-02', FIXTURE])).code).toBe(0);
    const file = await variant((doc) => ({ ...doc, count: 1, values: doc.values.slice(0, 1) }));
    expect((await run(kit, ['--area', 'norrbotten', '--retrieved', '2026-04-01', file])).code).toBe(0);
    const html = await (await kit.app.request('/uppfoljning/persons-in-treatment')).text();
    expect(html).toContain('hämtad 1 april 2026');
    expect(html.match(/<tr data-code=/g)).toHaveLength(1);
  });

  const bad: [string, () => Promise<string>, RegExp, RegExp][] = [
    [
      'an unknown KPI',
      () => variant((d) => void (d.values[2] = { ...d.values[2], kpi: 'N00945' })),
      /values\[2\]\.kpi: "N00945"/,
      /not mapped to any indicator/,
    ],
    [
      'a municipality outside the area',
      () => variant((d) => void (d.values[1] = { ...d.values[1], municipality: '1480' })),
      /values\[1\]\.municipality: "1480"/,
      /is not a municipality of the area/,
    ],
    [
      'a malformed period',
      () => variant((d) => void (d.values[3] = { ...d.values[3], period: '2025-Q4' })),
      /values\[3\]\.period: "2025-Q4"/,
      /is not a year/,
    ],
    ['the wrong shape', () => variant((d) => ({ data: d.values })), /inte Koladas form/, /does not have Kolada's shape/],
    [
      'an unknown gender',
      () => variant((d) => void (d.values[0] = { ...d.values[0], values: [{ gender: 'X', value: 1 }] })),
      /values\[0\]\.values\[0\]\.gender: "X"/,
      /not a Kolada gender/,
    ],
    [
      'a truncated file',
      async () => {
        const file = await variant(() => undefined);
        writeFileSync(file, readFileSync(FIXTURE, 'utf8').slice(0, 700));
        return file;
      },
      /Filen är avbruten/,
      /The file is truncated/,
    ],
    [
      'a file cut after a value',
      async () => {
        const file = await variant(() => undefined);
        const text = readFileSync(FIXTURE, 'utf8');
        writeFileSync(file, text.slice(0, text.indexOf('"value": 31') + 11));
        return file;
      },
      /Filen är avbruten/,
      /The file is truncated/,
    ],
    [
      'one page of several',
      () => variant((d) => ({ ...d, next_page: 'https://api.kolada.se/v3/data?page=2' })),
      /next_page är satt/,
      /only one page/,
    ],
    ['a count that does not match', () => variant((d) => ({ ...d, count: 9 })), /count är 9/, /the file is incomplete/],
  ];
  expect(bad.length).toBe(9);
  for (const [name, make, sv, en] of bad)
    it(`refuses ${name} with exit code 2, in Swedish and English, storing nothing`, async () => {
      const kit = await indicatorsKit();
      const keys = await storedKeys(kit);
      const { code, err } = await run(kit, ['--area', 'norrbotten', await make()]);
      expect(code).toBe(2);
      expect(err).toMatch(sv);
      expect(err).toMatch(en);
      expect(err).toContain('Nothing was stored.');
      expect(await kit.deps.store.get(NATIONAL_KEY)).toBeUndefined();
      expect(await storedKeys(kit)).toEqual(keys);
    });

  it('keeps the earlier import unchanged when a later file is refused', async () => {
    const kit = await indicatorsKit();
    expect((await run(kit, ['--area', 'norrbotten', '--retrieved', '2026-03-02', FIXTURE])).code).toBe(0);
    const first = await kit.deps.store.get(NATIONAL_KEY);
    const file = await variant((d) => void (d.values[5] = { ...d.values[5], municipality: '9999' }));
    expect((await run(kit, ['--area', 'norrbotten', file])).code).toBe(2);
    const after = await kit.deps.store.get(NATIONAL_KEY);
    expect(after && after !== 'not-modified' && after.etag).toBe(first && first !== 'not-modified' && first.etag);
  });

  it('maps custom indicators with a koladaKpi too, and accepts only the area, its county and Sweden', () => {
    const config = areaConfig('sjuharad');
    const defaults = indicatorDefinitions(config);
    const custom = { ...defaults[0], id: 'own-visits', koladaKpi: 'U35537' } as IndicatorDefinition;
    const kpis = indicatorsByKpi([...defaults, custom]);
    expect([...kpis]).toEqual([
      ['N35807', ['persons-in-treatment']],
      ['U35537', ['own-visits']],
    ]);
    const codes = allowedKoladaCodes(config);
    expect(codes.size).toBe(config.municipalities.length + 2);
    expect(codes.has(`00${config.countyCode}`) && codes.has('0000')).toBe(true);
    const row = (municipality: string) => ({ kpi: 'U35537', municipality, period: 2024, values: [{ gender: 'T', value: 7 }] });
    const first = config.municipalities[0]?.code ?? '';
    const parsed = parseKolada(JSON.stringify({ values: [row(first), row('0000')] }), { kpis, codes });
    expect([...(parsed.get('U35537')?.keys() ?? [])]).toEqual([first, '0000']);
    expect(() => parseKolada(JSON.stringify({ values: [row('2580')] }), { kpis, codes })).toThrow(/values\[0\]\.municipality: "2580"/);
  });

  it("gives a municipality's own view only its own rows", async () => {
    const kit = await withReports();
    expect((await run(kit, ['--area', 'norrbotten', '--retrieved', '2026-03-02', FIXTURE])).code).toBe(0);
    const found = await kit.deps.store.get(NATIONAL_KEY);
    const stats: unknown = found && found !== 'not-modified' ? JSON.parse(new TextDecoder().decode(found.body)) : undefined;
    if (!isNationalStats(stats)) throw new Error('no national statistics stored');
    const table = await createIndicatorsContext(kit.deps, { cacheWindowMs: 0 }).table('persons-in-treatment', { kind: 'public' });
    const rows = comparisonRows(kit.deps.config, table, stats, 'sv', ['2580']);
    expect(rows.map((r) => [r.code, r.year, r.national.T?.value, r.own?.cell.value])).toEqual([
      ['2580', '2025', 83, 90],
      ['2580', '2024', 79, undefined],
    ]);
  });

  it('opens the local store by default and S3 with --bucket, as the other scripts', async () => {
    const kit = await indicatorsKit();
    const asked: unknown[] = [];
    const open = (area: string, options: unknown) => {
      asked.push([area, options]);
      return Promise.resolve(kit.deps.store as Store);
    };
    const quiet = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(await main(['--area', 'norrbotten', FIXTURE], open)).toBe(0);
    expect(await main(['--area', 'norrbotten', '--bucket', 'countykit-data', FIXTURE], open)).toBe(0);
    quiet.mockRestore();
    expect(asked).toEqual([
      ['norrbotten', { local: true }],
      ['norrbotten', { local: false, bucket: 'countykit-data' }],
    ]);
  });

  it('refuses a bad --retrieved date and a missing file', async () => {
    const kit = await indicatorsKit();
    const bad = await run(kit, ['--area', 'norrbotten', '--retrieved', '2026-02-30', FIXTURE]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('is not a date');
    const missing = await run(kit, ['--area', 'norrbotten', 'no-such-file.json']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('The file does not exist');
    expect(await kit.deps.store.get(NATIONAL_KEY)).toBeUndefined();
  });

  it('adds one GET to a cold page with the comparison and none to a warm one', async () => {
    const scenario = await STORAGE_SCENARIOS.indicators(1);
    const costs = await measureScenario(scenario);
    const cost = (route: string) => costs.find((c) => c.route === route);
    const plain = cost('GET /uppfoljning/sip-established');
    const compared = cost('GET /uppfoljning/persons-in-treatment');
    expect(compared?.status).toBe(200);
    expect(compared?.cold).toEqual({ ...plain?.cold, get: (plain?.cold.get ?? 0) + 1 });
    expect(compared?.warm).toEqual(plain?.warm);
    const html = await (await scenario.app(scenario.store).request('/uppfoljning/persons-in-treatment')).text();
    expect(html).toContain('Nationell statistik från Kolada (hämtad 2 mars 2026)');
  }, 60_000);
});
