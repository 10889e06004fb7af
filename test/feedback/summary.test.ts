import { describe, expect, test } from 'vitest';
import { getJson } from '../../functions/core/store/json.js';
import type { CountRow } from '../../functions/feedback/summary/counts.js';
import { bodyOf, feedbackHarness, releaseQuarter, VALID, type FeedbackHarness } from './helpers.js';

async function sendMany(h: FeedbackHarness, n: number, fields: Record<string, string | readonly string[]>) {
  for (let i = 0; i < n; i++) {
    h.clock.advance(700); // past the rate limit window
    await h.send({ ...VALID, ...fields });
  }
}

/** Release 2026-Q4 as the indicator store does after its deadline (the summary shows released counts only). */
async function release(h: FeedbackHarness) {
  const indicators = await releaseQuarter(h);
  // the next scheduled run sees the new release and rebuilds the summary snapshot
  expect((await h.housekeeping()).snapshot).toBe('stale');
  return indicators;
}

describe('the summaries', () => {
  test('show no counts for a quarter before its release, and say so on the page', async () => {
    const h = await feedbackHarness();
    await sendMany(h, 6, { municipality: '1490' });
    const summary = await bodyOf(await h.app.request('/api/feedback/summary?period=2026-Q4'));
    expect(summary).toMatchObject({ cells: [], releases: [] });
    const html = await (await h.app.request('/tyck-till/sammanstallning')).text();
    expect(html).toContain('Antalen för 2026-Q4 är inte publicerade än');
  });

  test('show the same protected counts as the indicator release, with no labels', async () => {
    const h = await feedbackHarness();
    await sendMany(h, 6, { municipality: '1490' });
    await sendMany(h, 2, { municipality: '1465' });
    const indicators = await release(h);
    const summary = await bodyOf(await h.app.request('/api/feedback/summary?period=2026-Q4'));
    const compare = await bodyOf(await indicators.request('/api/indicators/compare?indicator=feedback-received&period=2026-Q4'));
    for (const org of ['1490', '1465', '1442']) {
      const fromSummary = summary.cells.find(
        (c: { malbild: string; municipality: string }) => c.malbild === 'respekt' && c.municipality === org,
      );
      const fromRelease = compare.organizations.find((o: { organization: string }) => o.organization === org).cells['malbild:respekt'];
      expect(fromSummary.count).toBe(fromRelease.value);
    }
    expect(JSON.stringify(summary)).not.toMatch(/primary|secondary/);
    expect(summary.releases).toEqual([{ period: '2026-Q4', revision: 1, releasedAt: expect.stringMatching(/^2027-02-15/) }]);
  });

  test('the JSON counts per målbild, quarter and municipality, with small counts hidden', async () => {
    const h = await feedbackHarness();
    await sendMany(h, 6, { municipality: '1490' });
    await sendMany(h, 2, { municipality: '1465' });
    await release(h);
    const summary = await bodyOf(await h.app.request('/api/feedback/summary?period=2026-Q4'));
    const get = (m: string | null) =>
      summary.cells.find((c: { malbild: string; municipality: string | null }) => c.malbild === 'respekt' && c.municipality === m);
    expect(get('1465')).toMatchObject({ count: null, status: 'suppressed' });
    expect(summary.cells.filter((c: { count: number | null }) => c.count !== null && c.count > 0 && c.count < 5)).toEqual([]);
  });

  test('the CSV is semicolon separated UTF-8 with a BOM and .. for suppressed cells', async () => {
    const h = await feedbackHarness();
    await sendMany(h, 2, { municipality: '1490' });
    await release(h);
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
    await h.housekeeping();
    const counts = (await getJson<CountRow[]>(h.kit.deps.store, 'feedback/public/counts.json'))?.value;
    expect(counts).toEqual([{ period: '2026-Q4', malbild: 'respekt', municipality: null, count: 1 }]);
    const html = await (await h.app.request('/tyck-till/sammanstallning')).text();
    expect(html).toContain('<blockquote>Bra stöd</blockquote>');
  });

  test('the page shows the latest released quarter per målbild with .. for hidden cells', async () => {
    const h = await feedbackHarness();
    await sendMany(h, 1, { municipality: '1490' });
    await release(h);
    const html = await (await h.app.request('/tyck-till/sammanstallning')).text();
    expect(html).toContain('2026-Q4: publicerad 15 februari 2027.');
    expect(html).toContain('Antal synpunkter 2026-Q4');
    expect(html).toContain('<td class="num">..</td>');
  });

  test('counts.json is written by the scheduled housekeeping, never by a public request or a submission', async () => {
    const h = await feedbackHarness();
    await sendMany(h, 3, { municipality: '1490', malbild: ['respekt', 'helhet'] });
    await h.app.request('/api/feedback/summary');
    await h.app.request('/tyck-till/sammanstallning');
    expect(await getJson(h.kit.deps.store, 'feedback/public/counts.json')).toBeUndefined();
    await h.housekeeping();
    const counts = (await getJson<CountRow[]>(h.kit.deps.store, 'feedback/public/counts.json'))?.value;
    expect(counts).toEqual([
      { period: '2026-Q4', malbild: 'helhet', municipality: '1490', count: 3 },
      { period: '2026-Q4', malbild: 'respekt', municipality: '1490', count: 3 },
    ]);
    await sendMany(h, 1, { municipality: '1490' });
    expect((await h.housekeeping()).countRows).toBe(2);
    expect((await getJson<CountRow[]>(h.kit.deps.store, 'feedback/public/counts.json'))?.value?.[1]?.count).toBe(4);
  });
});

describe('retention in the summaries', () => {
  test('submissions older than the retention are no longer counted', async () => {
    const h = await feedbackHarness();
    await h.send({ ...VALID, municipality: '1490' });
    h.clock.advance((h.kit.deps.config.retention.feedbackDays + 1) * 86400);
    const summary = await bodyOf(h.app.request('/api/feedback/summary'));
    expect(summary.cells.filter((c: { count: number | null }) => c.count !== 0)).toEqual([]);
    await h.housekeeping();
    expect((await getJson<CountRow[]>(h.kit.deps.store, 'feedback/public/counts.json'))?.value).toEqual([]);
  });
});
