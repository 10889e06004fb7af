import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../functions/core/csv/index.js';
import { getJson } from '../../functions/core/store/json.js';
import type { Store } from '../../functions/core/store/store.js';
import { createIndicatorsApp } from '../../functions/indicators/app.js';
import { MAX_IMPORT_ROWS } from '../../functions/indicators/csv/import.js';
import { indicatorsKit, json, putReport, release, sipReport, storedKeys } from './helpers.js';

const HEADER =
  'indikator;indikatornamn;organisation;organisationsnamn;period;nedbrytning;kategori;värde;status;förklaring;antal_personer;enhet;beräkning;täckning;definition';

type Kit = Awaited<ReturnType<typeof indicatorsKit>>;

async function upload(kit: Kit, csv: string | Uint8Array, authorization: string) {
  return kit.app.request('/api/indicators/import.csv', {
    method: 'POST',
    headers: { authorization, 'content-type': 'text/csv; charset=utf-8' },
    body: csv,
  });
}

/** Every stored report object with its raw bytes, to prove that nothing was written. */
async function storeState(kit: Kit): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const key of await storedKeys(kit)) out[key] = JSON.stringify(await getJson(kit.deps.store, key));
  return out;
}

const rows = (lines: string[]) => `\uFEFF${HEADER}\r\n${lines.join('\r\n')}\r\n`;
const line = (org: string, breakdown: string, category: string, value: string) =>
  `sip-established;;${org};;2026-Q3;${breakdown};${category};${value};;;;count;;`;
const lulea = (k: string, m: string, total: string) => [
  line('2580', 'total', 'T', total),
  line('2580', 'gender', 'K', k),
  line('2580', 'gender', 'M', m),
  ...['0-17', '18-25', '26-64', '65+'].map((a) => line('2580', 'age', `'${a}`, a === '26-64' ? total : '0')),
];

describe('CSV export for Swedish Excel', () => {
  it('starts with a BOM, splits on semicolons, ends lines with CRLF and keeps codes and categories as text', async () => {
    const kit = await indicatorsKit();
    await putReport(kit, 'sip-established/2026-Q3/2580', sipReport(10, 9), await kit.bearer({ roles: ['admin'] }));
    await release(kit);
    const res = await kit.app.request('/api/indicators/export.csv?indicator=sip-established');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text.startsWith('\uFEFF' + HEADER + '\r\n')).toBe(true);
    expect(text).toContain(
      "sip-established;Upprättade samordnade individuella planer (SIP);'2580;Luleå;2026-Q3;total;T;19;;rapporterad;;count;;;\r\n",
    );
    expect(text).toContain(";'2580;Luleå;2026-Q3;age;'65+;0;;rapporterad;");
    expect(text).toContain(";'2580;Luleå;2026-Q3;age;'18-25;0;;rapporterad;");
    // the definition, with its counting rule, stands on the indicator's first row only
    const described = text.split('\r\n').filter((l) => l.includes('Vad räknas: Samordnade individuella planer'));
    expect(described).toHaveLength(1);
    expect(described[0]).toContain('Räkneregel: En rapportör per fall');
    expect(text).toContain(";'2581;Piteå;2026-Q3;total;T;;..;ej rapporterad;");
    // no cell a spreadsheet would run as a formula
    const cells = parseCsv(text.replace(/'(?=[=+\-@])/g, '')).rows.flatMap((r) => r.cells);
    expect(cells.length).toBeGreaterThan(100);
    expect(text.split(/[;\r\n]/).filter((cell) => /^"?[=+\-@\t]/.test(cell))).toEqual([]);
  });

  it('writes decimals with a comma, and with a point under locale=en', async () => {
    const kit = await indicatorsKit();
    await putReport(kit, 'wait-days-first-visit/2026-Q3/2580', { value: 12.5, denominator: 40 }, await kit.bearer({ roles: ['admin'] }));
    await release(kit);
    const sv = await (await kit.app.request('/api/indicators/export.csv?indicator=wait-days-first-visit')).text();
    expect(sv).toContain(';12,5;');
    const en = await (await kit.app.request('/api/indicators/export.csv?indicator=wait-days-first-visit&locale=en')).text();
    expect(en).toContain('indicator,indicator_name,organization');
    expect(en).toContain(',12.5,');
  });
});

describe('bulk report by CSV', () => {
  it('stores a valid file from the Luleå editor', async () => {
    const kit = await indicatorsKit();
    const res = await upload(kit, rows(lulea('3', '9', '12')), await kit.bearer({ roles: ['editor'], org: '2580' }));
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({
      stored: 1,
      changed: 1,
      unchanged: 0,
      skipped: 0,
      counting: {
        'sip-established': expect.objectContaining({ rule: 'single-reporter', sv: expect.stringContaining('En rapportör per fall') }),
      },
    });
    expect(await storedKeys(kit)).toEqual(['indicators/reports/sip-established/2026-Q3/2580.json']);
  });

  it('takes the file with or without BOM, with , and English headers, a decimal point, codes in the ="2580" form, and quoted line breaks', async () => {
    const variants = {
      noBom: rows(lulea('3', '9', '12')).slice(1),
      lf: rows(lulea('3', '9', '12')).replace(/\r\n/g, '\n'),
      legacyCodes: rows(lulea('3', '9', '12').map((l) => l.replace(';2580;', ';="2580";'))),
      lineBreaks: rows(lulea('3', '9', '12').map((l, i) => (i === 0 ? `${l}"Rad ett;\r\nrad två"` : l))),
      english: [
        'indicator,organization,period,breakdown,category,value,definition',
        'sip-established,2580,2026-Q3,total,T,12,"a, b\nc"',
        'sip-established,2580,2026-Q3,gender,K,3,',
        'sip-established,2580,2026-Q3,gender,M,9,',
        ...['0-17', '18-25', '26-64', '65+'].map((a) => `sip-established,2580,2026-Q3,age,${a},${a === '26-64' ? 12 : 0},`),
      ].join('\r\n'),
    };
    for (const [name, file] of Object.entries(variants)) {
      const kit = await indicatorsKit();
      const res = await upload(kit, file, await kit.bearer({ roles: ['admin'] }));
      expect(res.status, `${name}: ${await res.clone().text()}`).toBe(200);
      expect((await json(res)).changed, name).toBe(1);
    }
    const kit = await indicatorsKit();
    const decimal = rows([`wait-days-first-visit;;2580;;2026-Q3;total;T;12.5;;;40;days;;`]);
    const res = await upload(kit, decimal, await kit.bearer({ roles: ['admin'] }));
    expect(res.status, await res.clone().text()).toBe(200);
    const stored = JSON.parse((await storeState(kit))['indicators/reports/wait-days-first-visit/2026-Q3/2580.json']!).value;
    expect(stored.current.cells).toEqual({ T: 12.5 });
  });

  it('takes back its own staff export unchanged as a no-op: nothing written, no history, nothing marked corrected', async () => {
    const kit = await indicatorsKit();
    const admin = await kit.bearer({ roles: ['admin'] });
    await putReport(kit, 'sip-established/2026-Q3/2580', sipReport(10, 9), admin);
    await putReport(kit, 'wait-days-first-visit/2026-Q3/2580', { value: 12.5, denominator: 40 }, admin);
    const exported = await (await kit.app.request('/api/indicators/export.csv', { headers: { authorization: admin } })).text();
    const before = await storeState(kit);
    expect(Object.keys(before)).toHaveLength(2);
    const res = await upload(kit, exported, admin);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await json(res)).toMatchObject({ stored: 0, changed: 0, unchanged: 2 });
    expect(await storeState(kit)).toEqual(before);
    const values = await json(
      await kit.app.request('/api/indicators/values?period=2026-Q3&org=2580', { headers: { authorization: admin } }),
    );
    expect(values.items.length).toBeGreaterThan(0);
    expect(values.items.filter((o: { revised?: boolean }) => o.revised)).toEqual([]);
  });

  it('takes back the public export, suppressed cells and missing numbers of persons kept as stored, as a no-op', async () => {
    const kit = await indicatorsKit();
    const admin = await kit.bearer({ roles: ['admin'] });
    await putReport(kit, 'sip-established/2026-Q3/2580', sipReport(3, 9), admin);
    await putReport(kit, 'sip-established/2026-Q3/2581', sipReport(20, 30), admin);
    await putReport(kit, 'wait-days-first-visit/2026-Q3/2580', { value: 12.5, denominator: 40 }, admin);
    expect((await release(kit)).status).toBe(201);
    const exported = await (await kit.app.request('/api/indicators/export.csv')).text();
    expect(exported).toContain(";'2580;Luleå;2026-Q3;gender;K;;..;");
    const before = await storeState(kit);
    const res = await upload(kit, exported, admin);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await json(res)).toMatchObject({ changed: 0, unchanged: 3 });
    expect(await storeState(kit)).toEqual(before);
  });

  it('stores a changed figure as a correction with the earlier version in the history', async () => {
    const kit = await indicatorsKit();
    const admin = await kit.bearer({ roles: ['admin'] });
    await upload(kit, rows(lulea('3', '9', '12')), admin);
    const res = await upload(kit, rows(lulea('4', '9', '13')), admin);
    expect(await json(res)).toMatchObject({ changed: 1, unchanged: 0 });
    const stored = JSON.parse((await storeState(kit))['indicators/reports/sip-established/2026-Q3/2580.json']!).value;
    expect(stored.history).toHaveLength(1);
    expect(stored.current.cells.T).toBe(13);
  });

  it('names row and column of every error and stores nothing', async () => {
    const kit = await indicatorsKit();
    const bad = [...lulea('3', '9', '13'), line('2584', 'total', 'T', '4,5')];
    const res = await upload(kit, rows(bad), await kit.bearer({ roles: ['admin'] }));
    expect(res.status).toBe(400);
    const fields = (await json(res)).errors.map((e: { field: string }) => e.field);
    expect(fields).toContain('row 3, column värde');
    expect(fields).toContain('row 9, column värde');
    expect(await storedKeys(kit)).toEqual([]);
  });

  it('refuses rows for another organisation from an editor, storing none of the file', async () => {
    const kit = await indicatorsKit();
    const res = await upload(
      kit,
      rows([...lulea('3', '9', '12'), line('2584', 'total', 'T', '7')]),
      await kit.bearer({ roles: ['editor'], org: '2580' }),
    );
    expect(res.status).toBe(400);
    expect((await json(res)).errors[0].field).toBe('row 9, column organisation');
    expect(await storedKeys(kit)).toEqual([]);
  });

  it('refuses a file without the required columns', async () => {
    const kit = await indicatorsKit();
    const res = await upload(kit, 'a;b\r\n1;2\r\n', await kit.bearer({ roles: ['admin'] }));
    expect(res.status).toBe(400);
    expect((await json(res)).errors.map((e: { field: string }) => e.field)).toContain('row 1, column indikator');
  });

  it('refuses a file over the row limit before storing anything, naming the limit', async () => {
    const kit = await indicatorsKit();
    const admin = await kit.bearer({ roles: ['admin'] });
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: MAX_IMPORT_ROWS + 1, max: MAX_IMPORT_ROWS + 300 }), async (n) => {
        const many = Array.from({ length: n }, (_, i) => line('2580', 'total', 'T', String(i % 50)));
        const res = await upload(kit, rows(many), admin);
        expect(res.status).toBe(413);
        expect(res.headers.get('content-type')).toContain('problem+json');
        const body = await json(res);
        expect(body).toMatchObject({ limit: MAX_IMPORT_ROWS, rows: n });
        expect(body.title).toContain(String(MAX_IMPORT_ROWS));
        expect(await storedKeys(kit)).toEqual([]);
      }),
      { numRuns: 3 },
    );
  });

  it('stores a large file whole, and nothing of it when a write fails midway', async () => {
    const codes = ['2505', '2506', '2510', '2513', '2514', '2518', '2521', '2523', '2560', '2580', '2581', '2582', '2583', '2584'];
    const periods = ['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2'];
    const big = codes.flatMap((org) => periods.map((p) => `sip-established;;${org};;${p};total;T;7;;;;count;;`));
    const kit = await indicatorsKit();
    const admin = await kit.bearer({ roles: ['admin'] });
    let puts = 0;
    const failing: Store = {
      get: (k, o) => kit.deps.store.get(k, o),
      list: (p, o) => kit.deps.store.list(p, o),
      delete: (k) => kit.deps.store.delete(k),
      put: async (k, b, o) => {
        if (++puts === 60) throw new Error('disk full');
        return kit.deps.store.put(k, b, o);
      },
    };
    const broken = createIndicatorsApp({ ...kit.deps, store: failing }, { cacheWindowMs: 0 });
    const res = await broken.request('/api/indicators/import.csv', {
      method: 'POST',
      headers: { authorization: admin, 'content-type': 'text/csv' },
      body: rows(big),
    });
    expect(res.status).toBe(500);
    expect(await storedKeys(kit)).toEqual([]);
    const ok = await upload(kit, rows(big), admin);
    expect(await json(ok)).toMatchObject({ stored: codes.length * periods.length });
    expect(await storedKeys(kit)).toHaveLength(codes.length * periods.length);
  });
});

describe('bad input to the CSV upload: a clear error naming row and column, nothing stored', () => {
  const good = lulea('3', '9', '12');
  const latin1 = (text: string) => Uint8Array.from([...text].map((ch) => ch.charCodeAt(0) & 0xff));
  const cases: { name: string; file: string | Uint8Array; field: string; says: RegExp; area?: string }[] = [
    {
      name: 'a formula in a value',
      file: rows([good[0]!.replace(';12;', ';=1+1;'), ...good.slice(1)]),
      field: 'row 2, column värde',
      says: /Formler/,
    },
    {
      name: 'a formula in the organisation',
      file: rows([...good, line('@SUM(A1)', 'total', 'T', '1')]),
      field: 'row 9, column organisation',
      says: /Formler/,
    },
    {
      name: 'a formula hidden behind a tab',
      file: rows([...good, line('"\t=1+1"', 'total', 'T', '1')]),
      field: 'row 9, column organisation',
      says: /tabb/,
    },
    {
      name: 'a formula in a text column, hidden behind a tab',
      file: rows([good[0]!.replace('sip-established;;', 'sip-established;"\t=HYPERLINK(1)";'), ...good.slice(1)]),
      field: 'row 2, column indikatornamn',
      says: /tabb/,
    },
    {
      name: 'Windows-1252 bytes',
      file: new Uint8Array([
        ...new TextEncoder().encode(rows(good)),
        ...latin1(line('2584', 'total', 'T', '1').replace(';;2026', ';Älvsbyn;2026')),
      ]),
      field: 'row 9, column organisationsnamn',
      says: /UTF-8/,
    },
    {
      name: 'a quote never closed (cut off)',
      file: rows([...good, `${line('2584', 'total', 'T', '1')};"Vad räknas: Samordn`]).slice(0, -2),
      field: 'row 9, column definition',
      says: /avkortad/,
    },
    {
      name: 'a row cut off',
      file: rows([...good, 'sip-established;;2584;;2026-Q3;total;T;1']),
      field: 'row 9, column status',
      says: /avkortad/,
    },
    {
      name: 'a lost leading zero',
      file: rows([`sip-established;;580;;2026-Q3;total;T;1;;;;count;;`]),
      field: 'row 2, column organisation',
      says: /0580/,
      area: 'ostergotland',
    },
    { name: '65 for 65+', file: rows(good.map((l) => l.replace("'65+", '65'))), field: 'row 8, column kategori', says: /65\+/ },
  ];
  it.each(cases)('$name', async ({ file, field, says, area }) => {
    const kit = await indicatorsKit({ area });
    const res = await upload(kit, file, await kit.bearer({ roles: ['admin'] }));
    const body = await json(res);
    expect(res.status, JSON.stringify(body)).toBe(400);
    expect(res.headers.get('content-type')).toContain('problem+json');
    expect(body.errors.length).toBeGreaterThan(0);
    const found = body.errors.find((e: { field: string }) => e.field === field);
    expect(found, JSON.stringify(body.errors)).toBeDefined();
    expect(found.sv).toMatch(says);
    expect(await storedKeys(kit)).toEqual([]);
  });
});

describe('figures by municipality of residence in the exports', () => {
  const PIT = 'persons-in-treatment/2026-Q3';
  async function jamtland() {
    const kit = await indicatorsKit({ area: 'jamtland' });
    const admin = await kit.bearer({ roles: ['admin'] });
    const region = await kit.bearer({ roles: ['editor'], org: 'region' });
    expect(
      (await putReport(kit, `${PIT}/region`, { value: 90, breakdown: { residence: { '2380': 40, '2309': 30 } } }, region)).status,
    ).toBe(201);
    expect((await putReport(kit, `${PIT}/2380`, { value: 50 }, admin)).status).toBe(201);
    return { kit, admin, region };
  }
  const residenceRows = (items: { breakdown: string; organization: string; category: string; value: number | null }[]) =>
    items.filter((o) => o.breakdown === 'residence').map((o) => [o.organization, o.category, o.value]);

  it('lists the residence split in the values API, the tidy JSON and the CSV for staff, with the municipality code as category', async () => {
    const { kit, admin } = await jamtland();
    const values = await json(
      await kit.app.request(`/api/indicators/values?indicator=persons-in-treatment&period=2026-Q3&org=region`, {
        headers: { authorization: admin },
      }),
    );
    expect(residenceRows(values.items)).toEqual([
      ['region', '2309', 30],
      ['region', '2380', 40],
    ]);
    const tidy = await json(
      await kit.app.request('/api/indicators/export.json?indicator=persons-in-treatment', { headers: { authorization: admin } }),
    );
    expect(residenceRows(tidy.observations)).toEqual([
      ['area', '2309', 30],
      ['area', '2380', 40],
      ['region', '2309', 30],
      ['region', '2380', 40],
    ]);
    const csv = await (
      await kit.app.request('/api/indicators/export.csv?indicator=persons-in-treatment', { headers: { authorization: admin } })
    ).text();
    expect(csv).toContain(";region;Region Jämtland Härjedalen;2026-Q3;residence;'2380;40;");
  });

  it('shows the public only released residence figures, protected like every other cell', async () => {
    const { kit } = await jamtland();
    const before = await json(await kit.app.request('/api/indicators/values?indicator=persons-in-treatment'));
    expect(residenceRows(before.items)).toEqual([]);
    expect((await release(kit)).status).toBe(201);
    const text = JSON.stringify(await getJson(kit.deps.store, 'indicators/public/releases.json'));
    const after = await json(await kit.app.request('/api/indicators/values?indicator=persons-in-treatment'));
    const rows = residenceRows(after.items);
    expect(rows.length).toBeGreaterThan(0);
    // every residence figure the public sees is one of the release
    for (const [org, code, value] of rows) {
      expect(text).toContain(`"residence:${code}"`);
      expect(org === 'area' || org === 'region').toBe(true);
      expect(value === null || typeof value === 'number').toBe(true);
    }
  });

  it('takes back the staff export and the public export with residence rows unchanged as a no-op', async () => {
    const { kit, admin } = await jamtland();
    const before = await storeState(kit);
    const staff = await (await kit.app.request('/api/indicators/export.csv', { headers: { authorization: admin } })).text();
    const res = await upload(kit, staff, admin);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await json(res)).toMatchObject({ changed: 0, unchanged: 2 });
    expect(await storeState(kit)).toEqual(before);
    expect((await release(kit)).status).toBe(201);
    const released = await storeState(kit);
    const open = await (await kit.app.request('/api/indicators/export.csv')).text();
    expect(open).toContain(';residence;');
    const again = await upload(kit, open, admin);
    expect(again.status, await again.clone().text()).toBe(200);
    expect(await json(again)).toMatchObject({ changed: 0 });
    expect(await storeState(kit)).toEqual(released);
  });

  it('stores a residence split from a file, and refuses one naming a municipality outside the area or from a municipality', async () => {
    const kit = await indicatorsKit({ area: 'jamtland' });
    const admin = await kit.bearer({ roles: ['admin'] });
    const pit = (org: string, breakdown: string, category: string, value: string) =>
      `persons-in-treatment;;${org};;2026-Q3;${breakdown};${category};${value};;;;count;;`;
    const good = await upload(kit, rows([pit('region', 'total', 'T', '20'), pit('region', 'residence', "'2380", '12')]), admin);
    expect(good.status, await good.clone().text()).toBe(200);
    const stored = JSON.parse((await storeState(kit))['indicators/reports/persons-in-treatment/2026-Q3/region.json']!).value;
    expect(stored.current.cells).toEqual({ T: 20, 'residence:2380': 12 });
    const before = await storeState(kit);
    const outside = await upload(kit, rows([pit('region', 'total', 'T', '20'), pit('region', 'residence', '2580', '5')]), admin);
    expect(outside.status).toBe(400);
    const errors = (await json(outside)).errors;
    expect(errors).toHaveLength(1);
    expect(errors[0].field).toBe('row 3, column värde');
    expect(errors[0].message).toContain('"2580" is not a municipality of this area');
    const own = await upload(kit, rows([pit('2380', 'total', 'T', '20'), pit('2380', 'residence', '2380', '5')]), admin);
    expect(own.status).toBe(400);
    expect((await json(own)).errors[0].message).toContain("A municipality's figures are for its own residents");
    const word = await upload(kit, rows([pit('region', 'total', 'T', '20'), pit('region', 'residence', 'Östersund', '5')]), admin);
    expect(word.status).toBe(400);
    expect((await json(word)).errors[0].field).toBe('row 3, column kategori');
    expect(await storeState(kit)).toEqual(before);
  });
});
