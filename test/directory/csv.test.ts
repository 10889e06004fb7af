import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../functions/directory/csv/columns.js';
import { parseCsv, toCsv } from '../../functions/core/csv/index.js';
import { getJson } from '../../functions/core/store/json.js';
import { COLLECTION_KEY, HISTORY_PREFIX } from '../../functions/directory/model/collection.js';
import { directoryApp, json, jsonInit, kindaService, type J } from './helpers.js';

const HEADER = CSV_COLUMNS.map((c) => c.header);

function row(values: Record<string, string>): string[] {
  return HEADER.map((h) => values[h] ?? '');
}

function fiftyServices(bad: Record<number, Record<string, string>> = {}): string {
  const rows = Array.from({ length: 50 }, (_, i) =>
    row({
      namn: `Öppenvård ${i + 1}; Kinda`,
      beskrivning: `Samtal om "alkohol"\noch spel, rad ${i + 1}`,
      organisation: '0513',
      huvudman: 'municipality',
      målgrupper: 'adults, relatives',
      substanser: 'alcohol,gambling',
      kommuner: '0513',
      'remiss krävs': 'nej',
      språk: 'sv',
      ...bad[i],
    }),
  );
  return toCsv([HEADER, ...rows]);
}

async function importCsv(app: J, auth: string, text: string) {
  return app.request('/api/directory/services.csv', {
    method: 'POST',
    body: text,
    headers: { 'content-type': 'text/csv; charset=utf-8', authorization: auth },
  });
}

describe('CSV import and export', () => {
  it('imports 50 valid services in one go', async () => {
    const { app, kit } = await directoryApp();
    const res = await importCsv(app, await kit.bearer({ roles: ['admin'] }), fiftyServices());
    expect(res.status).toBe(200);
    expect((await json(res)).imported).toBe(50);
    const list = await json(await app.request('/api/directory/services?municipality=0513&limit=100'));
    expect(list.items.filter((s: J) => s.name.startsWith('Öppenvård ')).length).toBe(50);
  });

  it('reports both bad rows with row and column and stores nothing', async () => {
    const { app, kit } = await directoryApp();
    const text = fiftyServices({ 9: { målgrupper: 'adults, aliens' }, 39: { kommuner: '2380' } });
    const res = await importCsv(app, await kit.bearer({ roles: ['admin'] }), text);
    expect(res.status).toBe(400);
    const problem = await json(res);
    // row 1 is the header, so the 10th service is on row 11 (a description spans two lines of the file but stays one row, as in Excel)
    expect(problem.rowErrors.map((e: J) => [e.row, e.column])).toEqual([
      [11, 'målgrupper'],
      [41, 'kommuner'],
    ]);
    const list = await json(await app.request('/api/directory/services?q=%C3%B6ppenv%C3%A5rd&limit=100'));
    expect(list.items.filter((s: J) => s.name.startsWith('Öppenvård ')).length).toBe(0);
  });

  it('refuses rows of another organisation for an editor', async () => {
    const { app, kit } = await directoryApp();
    const res = await importCsv(app, await kit.bearer({ roles: ['editor'], org: '0580' }), fiftyServices());
    expect(res.status).toBe(400);
    expect((await json(res)).rowErrors[0].column).toBe('organisation');
  });

  it('exports for Excel: BOM, semicolons, CRLF, and reads back what it wrote', async () => {
    const { app } = await directoryApp();
    const res = await app.request('/api/directory/services.csv');
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text).toContain('\r\n');
    const table = parseCsv(text).rows;
    expect(table[0]?.cells).toEqual(HEADER);
    expect(table.map((r) => r.cells[1])).toContain('Mini Maria Mjölby');
  });

  it('keeps quotes, semicolons and line breaks inside a cell', () => {
    const text = toCsv([['a;b', 'say "hi"', 'one\r\ntwo']]);
    expect(parseCsv(text).rows[0]?.cells).toEqual(['a;b', 'say "hi"', 'one\r\ntwo']);
  });

  it('refuses a CSV import without a token', async () => {
    const { app } = await directoryApp();
    const res = await app.request('/api/directory/services.csv', {
      method: 'POST',
      body: fiftyServices(),
      headers: { 'content-type': 'text/csv' },
    });
    expect(res.status).toBe(401);
  });
});

describe('CSV import encoding', () => {
  it('refuses a file saved as Windows-1252 (Excel’s plain CSV) naming the line, instead of storing replacement characters', async () => {
    const { app, kit } = await directoryApp();
    const utf8 = new TextEncoder().encode('namn;organisation;huvudman\r\nÖppenvård Kinda;0513;municipality\r\n');
    // the same file in Windows-1252: Ö is the one byte 0xD6 and å 0xE5 (their code points, as for all of Latin-1)
    const cp1252 = Uint8Array.from(
      [...'namn;organisation;huvudman\r\nÖppenvård Kinda;0513;municipality\r\n'].map((ch) => ch.charCodeAt(0)),
    );
    const admin = await kit.bearer({ roles: ['admin'] });
    const send = (body: Uint8Array) =>
      app.request('/api/directory/services.csv', {
        method: 'POST',
        body,
        headers: { 'content-type': 'text/csv', authorization: admin },
      });
    const refused = await send(cp1252);
    expect(refused.status).toBe(400);
    const problem = await json(refused);
    // Ö is the first byte that is not UTF-8: row 2, column A
    expect(problem.errors[0].field).toBe('row 2, column A');
    expect(problem.errors[0].sv).toContain('CSV UTF-8');
    expect((await json(await app.request('/api/directory/services?q=kinda'))).items.map((s: J) => s.name)).not.toContain('�ppenv�rd Kinda');
    expect((await send(utf8)).status).toBe(200);
  });
});

describe('CSV export → import', () => {
  const post = async (app: J, auth: string, body: string) =>
    app.request('/api/directory/services.csv', { method: 'POST', body, headers: { 'content-type': 'text/csv', authorization: auth } });

  it('an unchanged export imported again stores nothing and adds no history ("0 changed"); one edited row changes one service', async () => {
    const { app, kit, deps } = await directoryApp();
    const admin = await kit.bearer({ roles: ['admin'] });
    const created = await app.request(
      '/api/directory/services',
      jsonInit('POST', kindaService({ name: '=HYPERLINK("http://evil.example","klicka")', steward: 'Anna', ageNote: 'Från 18 år' }), admin),
    );
    expect(created.status).toBe(201);
    const history = async () => (await deps.store.list(HISTORY_PREFIX)).items.length;
    const etag = async () => (await getJson(deps.store, COLLECTION_KEY))?.etag;
    const exported = await (await app.request('/api/directory/services.csv')).text();
    const [before, beforeEtag] = [await history(), await etag()];
    expect(before).toBeGreaterThan(0);

    const same = await post(app, admin, exported);
    expect(same.status).toBe(200);
    expect(await json(same)).toMatchObject({ changed: 0, changedIds: [] });
    expect([await history(), await etag()]).toEqual([before, beforeEtag]);

    const edited = exported.replace('Samtalsstöd för vuxna och anhöriga', 'Samtal för vuxna och anhöriga');
    expect(edited).not.toBe(exported);
    const one = await json(await post(app, admin, edited));
    expect(one.changed).toBe(1);
    expect(await history()).toBe(before + 1);
    // what the file has no column for is kept
    const service = await json(await app.request(`/api/directory/services/${one.changedIds[0]}`));
    expect(service).toMatchObject({
      name: '=HYPERLINK("http://evil.example","klicka")',
      description: expect.stringMatching(/^Samtal för vuxna/),
      steward: 'Anna',
      ageNote: 'Från 18 år',
    });
  });

  it('the public export neutralises formulas and keeps codes as text', async () => {
    const { app, kit } = await directoryApp();
    const admin = await kit.bearer({ roles: ['admin'] });
    await app.request('/api/directory/services', jsonInit('POST', kindaService({ name: "=cmd|' /C calc'!A0", source: '65+' }), admin));
    const text = await (await app.request('/api/directory/services.csv')).text();
    const line = text.split('\r\n').find((l) => l.includes('cmd|'))!;
    expect(line).toMatch(/^[^;]*;'=cmd\|' \/C calc'!A0;/);
    expect(line).toContain(";'0513;");
    expect(line).toContain(";'65+;");
  });

  it('refuses a cell hiding a formula behind a tab, and a cut-off file, naming row and column, storing nothing', async () => {
    const { app, kit, deps } = await directoryApp();
    const admin = await kit.bearer({ roles: ['admin'] });
    const before = (await deps.store.list(HISTORY_PREFIX)).items.length;
    const tab = await json(
      await post(app, admin, 'organisation;namn;huvudman\r\n0513;Kinda;municipality\r\n0513;"\t=1+1";municipality\r\n'),
    );
    expect(tab.rowErrors).toMatchObject([{ row: 3, column: 'B' }]);
    expect(tab.errors[0].sv).toMatch(/^Rad 3, kolumn B: Cellen börjar med tabb/);
    const cut = await json(
      await post(app, admin, 'namn;beskrivning;organisation;huvudman\r\nA;"rad 1\r\nrad 2";0513;municipality\r\nB;"inte stängd'),
    );
    expect(cut.rowErrors).toMatchObject([{ row: 3, column: 'B' }]);
    expect((await deps.store.list(HISTORY_PREFIX)).items.length).toBe(before);
  });
});
