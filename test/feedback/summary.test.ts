import { describe, expect, test } from 'vitest';
import { getJson } from '../../functions/core/store/json.js';
import { applySmallCountRule, cell } from '../../functions/feedback/summary/suppress.js';
import type { CountRow } from '../../functions/feedback/summary/counts.js';
import { bodyOf, feedbackHarness, VALID, type FeedbackHarness } from './helpers.js';

async function sendMany(h: FeedbackHarness, n: number, fields: Record<string, string | readonly string[]>) {
  for (let i = 0; i < n; i++) {
    h.clock.advance(700); // past the rate limit window
    await h.send({ ...VALID, ...fields });
  }
}

describe('the small-count rule', () => {
  test('a count of 1–4 is suppressed and 0 is shown', () => {
    const cells = [cell(0), cell(3), cell(12), cell(15)];
    applySmallCountRule([cells], 5);
    expect(cells.map((c) => c.count)).toEqual([0, null, null, 15]);
  });

  test('a single suppressed cell pulls the smallest other non-zero cell with it', () => {
    const row = [cell(2), cell(7), cell(9)];
    const total = cell(18);
    applySmallCountRule([[...row, total]], 5);
    expect(row.map((c) => c.suppressed)).toEqual([true, true, false]);
    expect(total.count).toBe(18);
  });

  test('nothing is suppressed when every count is at least 5', () => {
    const row = [cell(5), cell(6), cell(11)];
    applySmallCountRule([row], 5);
    expect(row.every((c) => !c.suppressed)).toBe(true);
  });
});

describe('the summaries', () => {
  test('the JSON counts per målbild, quarter and municipality, with small counts suppressed', async () => {
    const h = await feedbackHarness();
    await sendMany(h, 6, { municipality: '1490' });
    await sendMany(h, 2, { municipality: '1465' });
    const summary = await bodyOf(await h.app.request('/api/feedback/summary?period=2026-Q4'));
    const get = (m: string | null) =>
      summary.cells.find((c: { malbild: string; municipality: string | null }) => c.malbild === 'respekt' && c.municipality === m);
    expect(get('1490')).toMatchObject({ count: null, status: 'suppressed' });
    expect(get('1465')).toMatchObject({ count: null, status: 'suppressed' });
    expect(get('total')).toMatchObject({ count: 8, status: 'ok' });
    expect(get('1442')).toMatchObject({ count: 0, status: 'ok' });
  });

  test('the CSV is semicolon separated UTF-8 with a BOM and .. for suppressed cells', async () => {
    const h = await feedbackHarness();
    await sendMany(h, 2, { municipality: '1490' });
    const res = await h.app.request('/api/feedback/summary.csv?period=2026-Q4');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text.split('\r\n')[0]).toBe('period;malbild;malbild_namn;kommunkod;kommun;antal;status');
    // the municipality code keeps its text form in a spreadsheet (an apostrophe, as for every code);
    // a text with a comma is quoted so that either separator reads the file
    expect(text).toContain(`2026-Q4;respekt;"Bli lyssnad på, få förståelse och bli behandlad med samma respekt som andra";'1490;Borås;;..`);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  });

  test('public summaries send an ETag and answer 304 when it matches', async () => {
    const h = await feedbackHarness();
    const first = await h.app.request('/api/feedback/summary');
    const etag = first.headers.get('etag') ?? '';
    expect(first.headers.get('cache-control')).toContain('max-age');
    expect((await h.app.request('/api/feedback/summary', { headers: { 'if-none-match': etag } })).status).toBe(304);
  });

  test('an unknown quarter is a 400', async () => {
    const h = await feedbackHarness();
    expect((await h.app.request('/api/feedback/summary?period=1999-Q1')).status).toBe(400);
  });

  test('hidden submissions are not counted and published quotes are shown', async () => {
    const h = await feedbackHarness();
    await sendMany(h, 2, { text: 'Bra stöd från min kontaktperson' });
    const auth = await h.kit.bearer({ roles: ['moderator'] });
    const list = await bodyOf(await h.app.request('/api/feedback/submissions', { headers: { authorization: auth } }));
    const patch = (id: string, body: unknown) =>
      h.app.request(`/api/feedback/submissions/${id}`, {
        method: 'PATCH',
        headers: { authorization: auth, 'content-type': 'application/json', 'if-match': '"new"' },
        body: JSON.stringify(body),
      });
    await patch(list.items[0].id, { status: 'hidden' });
    await patch(list.items[1].id, { status: 'published', quote: 'Bra stöd' });
    const counts = (await getJson<CountRow[]>(h.kit.deps.store, 'feedback/public/counts.json'))?.value;
    expect(counts).toEqual([{ period: '2026-Q4', malbild: 'respekt', municipality: null, count: 1 }]);
    const html = await (await h.app.request('/tyck-till/sammanstallning')).text();
    expect(html).toContain('<blockquote>Bra stöd</blockquote>');
  });

  test('the page shows the quarter per målbild with .. for suppressed cells', async () => {
    const h = await feedbackHarness();
    await sendMany(h, 1, { municipality: '1490' });
    const html = await (await h.app.request('/tyck-till/sammanstallning')).text();
    expect(html).toContain('Antal synpunkter 2026-Q4');
    expect(html).toContain('<td class="num">..</td>');
  });

  test('counts.json is written when the summary is built', async () => {
    const h = await feedbackHarness();
    await sendMany(h, 3, { municipality: '1490', malbild: ['respekt', 'helhet'] });
    await h.app.request('/api/feedback/summary');
    const counts = (await getJson<CountRow[]>(h.kit.deps.store, 'feedback/public/counts.json'))?.value;
    expect(counts).toEqual([
      { period: '2026-Q4', malbild: 'helhet', municipality: '1490', count: 3 },
      { period: '2026-Q4', malbild: 'respekt', municipality: '1490', count: 3 },
    ]);
  });
});

describe('keeping counts.json current', () => {
  test('a submission brings counts.json up to date when it was not rebuilt in the last ten minutes', async () => {
    const h = await feedbackHarness();
    await h.send({ ...VALID, municipality: '1490' });
    const read = async () => (await getJson<CountRow[]>(h.kit.deps.store, 'feedback/public/counts.json'))?.value;
    expect(await read()).toEqual([{ period: '2026-Q4', malbild: 'respekt', municipality: '1490', count: 1 }]);
    await h.send({ ...VALID, municipality: '1490' });
    expect((await read())?.[0]?.count).toBe(1);
    h.clock.advance(600);
    await h.send({ ...VALID, municipality: '1490' });
    expect((await read())?.[0]?.count).toBe(3);
  });
});

describe('retention in the summaries', () => {
  test('submissions older than the retention are no longer counted', async () => {
    const h = await feedbackHarness();
    await h.send({ ...VALID, municipality: '1490' });
    h.clock.advance((h.kit.deps.config.retention.feedbackDays + 1) * 86400);
    const summary = await bodyOf(h.app.request('/api/feedback/summary'));
    expect(summary.cells.filter((c: { count: number | null }) => c.count !== 0)).toEqual([]);
    expect((await getJson<CountRow[]>(h.kit.deps.store, 'feedback/public/counts.json'))?.value).toEqual([]);
  });
});
