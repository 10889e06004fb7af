import { describe, expect, test } from 'vitest';
import type { Role } from '../../functions/core/auth/auth.js';
import { readReport } from '../../functions/indicators/data/repository.js';
import { sessionCookie } from '../support/session.js';
import { indicatorsKit, storedKeys } from './helpers.js';

const OWN = '2380';
const OTHER = '2361';
const PATH = '/personal/uppfoljning/csv';
const HEADER = 'indikator;organisation;period;nedbrytning;kategori;värde;status';
const sip = (org: string, k: number, m: number) =>
  [
    `sip-established;${org};2026-Q3;total;T;${k + m};`,
    `sip-established;${org};2026-Q3;gender;K;${k};`,
    `sip-established;${org};2026-Q3;gender;M;${m};`,
    ...['0-17', '18-25', '26-64', '65+'].map((a) => `sip-established;${org};2026-Q3;age;'${a};${a === '26-64' ? k + m : 0};`),
  ].join('\r\n');
const file = (...blocks: string[]) => `\uFEFF${HEADER}\r\n${blocks.join('\r\n')}\r\n`;

/** The HTML text of an attribute value, unescaped. */
const unescape = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
const hidden = (html: string, name: string) => {
  const m = new RegExp(`<input type="hidden" name="${name}" value="([^"]*)"`).exec(html);
  return m ? unescape(m[1]!) : undefined;
};

async function setup() {
  const kit = await indicatorsKit({ area: 'jamtland' });
  const cookie = (roles: readonly Role[] = ['editor'], org: string = OWN) => sessionCookie(kit.deps, { roles, org });
  const post = async (path: string, fields: Record<string, string | File>, c: string, origin = 'http://localhost') => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    return kit.app.request(`${path}?lang=sv`, { method: 'POST', headers: { cookie: c, origin, accept: 'text/html' }, body: form });
  };
  const upload = (csv: string | Uint8Array, c: string) => post(PATH, { fil: new File([csv], 'rapport.csv', { type: 'text/csv' }) }, c);
  /** Upload, then confirm what the preview shows. */
  const store = async (csv: string, c: string) => {
    const html = await (await upload(csv, c)).text();
    return post('/personal/uppfoljning/csv/spara', { csv: hidden(html, 'csv')!, plan: hidden(html, 'plan')! }, c);
  };
  return { kit, cookie, post, upload, store };
}

describe('/personal/uppfoljning/csv: report by uploading the template', () => {
  test('the page offers a file form that works without JavaScript, and the template', async () => {
    const { kit, cookie } = await setup();
    const res = await kit.app.request(PATH, { headers: { cookie: await cookie() } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const html = await res.text();
    expect(html).toContain(`<form method="post" action="${PATH}?lang=sv" enctype="multipart/form-data">`);
    expect(html).toContain('<input type="file" id="f-fil" name="fil" accept=".csv,text/csv"/>');
    expect(html).toContain('action="/personal/uppfoljning/csv/mall.csv"');
    const form = await (await kit.app.request('/personal/uppfoljning?period=2026-Q3', { headers: { cookie: await cookie() } })).text();
    expect(form).toContain('href="/personal/uppfoljning/csv?');
  });

  test('upload, preview with nothing stored, confirm: stored once, then the same file is "0 changed"', async () => {
    const { kit, cookie, post, upload } = await setup();
    const editor = await cookie();
    const preview = await upload(file(sip(OWN, 3, 9)), editor);
    expect(preview.status).toBe(200);
    expect(preview.headers.get('cache-control')).toBe('private, no-store');
    const html = await preview.text();
    expect(html).toContain('Förhandsgranskning av rapport.csv');
    expect(html).toContain('7 rader lästa: 1 ändrade rapporter, 0 oförändrade');
    expect(html).toContain('Totalt 12, Kvinnor 3, Män 9');
    expect(html).toContain('Spara 1 rapport');
    expect(await storedKeys(kit)).toEqual([]);
    const confirm = await post(
      '/personal/uppfoljning/csv/spara',
      { csv: hidden(html, 'csv')!, plan: hidden(html, 'plan')!, namn: 'rapport.csv' },
      editor,
    );
    expect(confirm.status).toBe(303);
    expect(confirm.headers.get('location')).toBe(`${PATH}?lang=sv&meddelande=stored&antal=1`);
    const stored = await readReport(kit.deps.store, { indicator: 'sip-established', period: '2026-Q3', organization: OWN });
    expect(stored?.report.current.cells).toMatchObject({ T: 12, 'gender:K': 3, 'age:65+': 0 });
    expect(stored?.report.history).toEqual([]);
    const notice = await (await kit.app.request(confirm.headers.get('location')!, { headers: { cookie: editor } })).text();
    expect(notice).toContain('Uppladdningen är sparad: 1 rapporter.');
    // the same figures again (here: the downloaded template) change nothing and offer no confirm
    const template = await kit.app.request('/personal/uppfoljning/csv/mall.csv?period=2026-Q3', { headers: { cookie: editor } });
    expect(template.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(template.headers.get('cache-control')).toBe('private, no-store');
    const csv = await template.text();
    expect(csv).toContain("sip-established;Upprättade samordnade individuella planer (SIP);'2380;Östersund;2026-Q3;age;'65+;0;");
    const again = await (await upload(csv, editor)).text();
    expect(again).toContain('0 ändrade');
    expect(again).not.toContain('Spara 1 rapport');
    expect(hidden(again, 'plan')).toBeUndefined();
  });

  test('a correction shows stored and new figures and keeps the reason', async () => {
    const { kit, cookie, post, upload, store } = await setup();
    const editor = await cookie();
    expect((await store(file(sip(OWN, 3, 9)), editor)).status).toBe(303);
    const html = await (await upload(file(sip(OWN, 4, 9)), editor)).text();
    expect(html).toContain('<td>Totalt 12, Kvinnor 3, Män 9');
    expect(html).toContain('<td>Totalt 13, Kvinnor 4, Män 9');
    expect(html).toContain('name="reason"');
    const res = await post(
      '/personal/uppfoljning/csv/spara',
      { csv: hidden(html, 'csv')!, plan: hidden(html, 'plan')!, reason: 'Felräknat i journalen' },
      editor,
    );
    expect(res.status).toBe(303);
    const stored = await readReport(kit.deps.store, { indicator: 'sip-established', period: '2026-Q3', organization: OWN });
    expect(stored?.report.current).toMatchObject({ reason: 'Felräknat i journalen', cells: { T: 13 } });
    expect(stored?.report.history).toHaveLength(1);
  });

  test('errors are listed row by row with the column, and nothing is stored', async () => {
    const { kit, cookie, upload } = await setup();
    const bad = file(sip(OWN, 3, 9).replace(';T;12;', ';T;13;').replace("'65+", '65'));
    const res = await upload(bad, await cookie());
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('<title>Fel: Uppföljning: ladda upp CSV');
    expect(html).toContain('Filen har 1 fel. Inget har sparats.');
    expect(html).toMatch(/<td>8<\/td><td>kategori<\/td><td>Okänd kategori \(menade du 65\+/);
    expect(hidden(html, 'plan')).toBeUndefined();
    // saved by a spreadsheet as Windows-1252 (no BOM): the first such byte is the ä of värde in the header
    const latin1 = Uint8Array.from([...file(sip(OWN, 3, 9)).slice(1)].map((ch) => ch.charCodeAt(0) & 0xff));
    const encoded = await (await upload(latin1, await cookie())).text();
    expect(encoded).toMatch(/<td>1<\/td><td>F<\/td><td>Texten är inte UTF-8/);
    expect(await storedKeys(kit)).toEqual([]);
  });

  test('the confirm trusts nothing of the form: a tampered file or a changed store is previewed again, not stored', async () => {
    const { kit, cookie, post, upload, store } = await setup();
    const editor = await cookie();
    const html = await (await upload(file(sip(OWN, 3, 9)), editor)).text();
    const plan = hidden(html, 'plan')!;
    // other figures under the previewed fingerprint: a new preview (409), nothing stored
    const tampered = await post('/personal/uppfoljning/csv/spara', { csv: file(sip(OWN, 30, 90)), plan }, editor);
    expect(tampered.status).toBe(409);
    expect(await tampered.text()).toContain('Det här är en ny förhandsgranskning');
    // another organisation's rows: refused by the API's rules, row and column named
    const foreign = await post('/personal/uppfoljning/csv/spara', { csv: file(sip(OWN, 3, 9), sip(OTHER, 1, 1)), plan }, editor);
    expect(foreign.status).toBe(400);
    expect(await foreign.text()).toMatch(/<td>9<\/td><td>organisation<\/td><td>Du får bara rapportera för din egen organisation/);
    expect(await storedKeys(kit)).toEqual([]);
    // someone stores a report between preview and confirm: the confirm shows the new state instead
    expect((await store(file(sip(OWN, 5, 5)), await cookie(['admin']))).status).toBe(303);
    const stale = await post('/personal/uppfoljning/csv/spara', { csv: hidden(html, 'csv')!, plan }, editor);
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('<td>Totalt 10, Kvinnor 5, Män 5');
    const stored = await readReport(kit.deps.store, { indicator: 'sip-established', period: '2026-Q3', organization: OWN });
    expect(stored?.report.current.cells['T']).toBe(10);
  });

  test('who may: no cookie, a moderator, a cross-site post, another organisation’s template', async () => {
    const { kit, cookie, post, upload } = await setup();
    const anonymous = await kit.app.request(PATH);
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe('/logga-in?tillbaka=%2Fpersonal%2Fuppfoljning%2Fcsv');
    const form = { fil: new File([file(sip(OWN, 3, 9))], 'r.csv') };
    expect((await post(PATH, form, '')).status).toBe(401);
    expect((await upload(file(sip(OWN, 3, 9)), await cookie(['moderator']))).status).toBe(403);
    const crossSite = await post(PATH, form, await cookie(), 'https://evil.example');
    expect(crossSite.status).toBe(403);
    const foreign = await kit.app.request(`/personal/uppfoljning/csv/mall.csv?period=2026-Q3&org=${OTHER}`, {
      headers: { cookie: await cookie() },
    });
    expect(foreign.status).toBe(403);
    const adminTemplate = await kit.app.request(`/personal/uppfoljning/csv/mall.csv?period=2026-Q3&org=${OTHER}`, {
      headers: { cookie: await cookie(['admin']) },
    });
    expect(adminTemplate.status).toBe(200);
    expect(await storedKeys(kit)).toEqual([]);
  });

  test('a form without a file, a cut-off form and a form that is not multipart get a clear page', async () => {
    const { kit, cookie, post } = await setup();
    const editor = await cookie();
    const none = await post(PATH, { fil: new File([], '') }, editor);
    expect(none.status).toBe(400);
    expect(await none.text()).toContain('Välj en CSV-fil att ladda upp.');
    const cut = await kit.app.request(PATH, {
      method: 'POST',
      headers: { cookie: editor, origin: 'http://localhost', 'content-type': 'multipart/form-data; boundary=xyz' },
      body: `--xyz\r\nContent-Disposition: form-data; name="fil"; filename="r.csv"\r\n\r\n${file(sip(OWN, 3, 9))}`,
    });
    expect(cut.status).toBe(400);
    expect(await cut.text()).toContain('Formuläret är avkortat');
    const plain = await kit.app.request(PATH, {
      method: 'POST',
      headers: { cookie: editor, origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'fil=x',
    });
    expect(plain.status).toBe(415);
    expect(await storedKeys(kit)).toEqual([]);
  });
});
