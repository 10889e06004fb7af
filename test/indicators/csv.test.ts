import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Store } from '../../functions/core/store/store.js';
import { createIndicatorsApp } from '../../functions/indicators/app.js';
import { MAX_IMPORT_ROWS } from '../../functions/indicators/csv/import.js';
import { indicatorsKit, json, putReport, release, sipReport, storedKeys } from './helpers.js';

const HEADER =
  'indikator;indikatornamn;organisation;organisationsnamn;period;nedbrytning;kategori;värde;status;förklaring;antal_personer;enhet;beräkning;täckning;definition';

async function upload(kit: Awaited<ReturnType<typeof indicatorsKit>>, csv: string, authorization: string) {
  return kit.app.request('/api/indicators/import.csv', {
    method: 'POST',
    headers: { authorization, 'content-type': 'text/csv; charset=utf-8' },
    body: csv,
  });
}

describe('CSV export for Swedish Excel', () => {
  it('starts with a BOM, splits on semicolons, ends lines with CRLF and keeps codes as text', async () => {
    const kit = await indicatorsKit();
    await putReport(kit, 'sip-established/2026-Q3/2580', sipReport(10, 9), await kit.bearer({ roles: ['admin'] }));
    await release(kit);
    const res = await kit.app.request('/api/indicators/export.csv?indicator=sip-established');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text.startsWith('\uFEFF' + HEADER + '\r\n')).toBe(true);
    expect(text).toContain(
      'sip-established;Upprättade samordnade individuella planer (SIP);="2580";Luleå;2026-Q3;total;T;19;;rapporterad;;count;;;\r\n',
    );
    // the definition, with its counting rule, stands on the indicator's first row only
    const described = text.split('\r\n').filter((l) => l.includes('Vad räknas: Samordnade individuella planer'));
    expect(described).toHaveLength(1);
    expect(described[0]).toContain('Räkneregel: En rapportör per fall');
    expect(text).toContain(';="2581";Piteå;2026-Q3;total;T;;..;ej rapporterad;');
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
  const rows = (lines: string[]) => `\uFEFF${HEADER}\r\n${lines.join('\r\n')}\r\n`;
  const line = (org: string, breakdown: string, category: string, value: string) =>
    `sip-established;;="${org}";;2026-Q3;${breakdown};${category};${value};;;;count;;`;
  const lulea = (k: string, m: string, total: string) => [
    line('2580', 'total', 'T', total),
    line('2580', 'gender', 'K', k),
    line('2580', 'gender', 'M', m),
    ...['0-17', '18-25', '26-64', '65+'].map((a) => line('2580', 'age', a, a === '26-64' ? total : '0')),
  ];

  it('stores a valid file from the Luleå editor', async () => {
    const kit = await indicatorsKit();
    const res = await upload(kit, rows(lulea('3', '9', '12')), await kit.bearer({ roles: ['editor'], org: '2580' }));
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({
      stored: 1,
      skipped: 0,
      counting: {
        'sip-established': expect.objectContaining({ rule: 'single-reporter', sv: expect.stringContaining('En rapportör per fall') }),
      },
    });
    expect(await storedKeys(kit)).toEqual(['indicators/reports/sip-established/2026-Q3/2580.json']);
  });

  it('reads back its own export (area rows and rows marked .. are skipped)', async () => {
    const kit = await indicatorsKit();
    const admin = await kit.bearer({ roles: ['admin'] });
    await putReport(kit, 'sip-established/2026-Q3/2580', sipReport(10, 9), admin);
    const exported = await (
      await kit.app.request('/api/indicators/export.csv?indicator=sip-established', { headers: { authorization: admin } })
    ).text();
    const res = await upload(kit, exported, admin);
    expect(res.status).toBe(200);
    expect((await json(res)).stored).toBe(1);
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
    const big = codes.flatMap((org) => periods.map((p) => `sip-established;;="${org}";;${p};total;T;7;;;;count;;`));
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
