import { describe, expect, it } from 'vitest';
import { indicatorsKit, json, putReport, release, sipReport } from './helpers.js';

const MARKS = [/Exempeldata/i, /Sample data/i, /exempeldata, inte verkliga/];

/** Norrbotten with one SIP report for 2026-Q3 (flagged `sample` or not), released. */
async function released(sample: boolean) {
  const kit = await indicatorsKit();
  const admin = await kit.bearer({ roles: ['admin'] });
  const res = await putReport(kit, 'sip-established/2026-Q3/2580', { ...sipReport(10, 9), ...(sample ? { sample: true } : {}) }, admin);
  expect(res.status).toBe(201);
  expect((await release(kit)).status).toBe(201);
  const pages = await Promise.all(
    ['/uppfoljning', '/uppfoljning?lang=en', '/uppfoljning/sip-established', '/uppfoljning/sip-established?lang=en'].map(async (p) => ({
      path: p,
      html: await (await kit.app.request(p)).text(),
    })),
  );
  const csv = await (await kit.app.request('/api/indicators/export.csv?indicator=sip-established')).text();
  const exported = await json(await kit.app.request('/api/indicators/export.json?indicator=sip-established'));
  return { kit, pages, csv, exported };
}

describe('sample data on the public indicator pages', () => {
  it('a release made from sample reports says so on every page and in the exports', async () => {
    const { pages, csv, exported } = await released(true);
    expect(pages).toHaveLength(4);
    for (const { path, html } of pages)
      expect(html, path).toContain(path.includes('lang=en') ? 'Sample data – not real figures' : 'Exempeldata – inte verkliga uppgifter');
    const rows = csv.split('\r\n').slice(1, -1);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.every((r) => r.includes('(exempeldata, inte verkliga uppgifter)'))).toBe(true);
    expect(exported.samplePeriods).toEqual(['2026-Q3']);
  });

  it('real reports are never marked', async () => {
    const { pages, csv, exported } = await released(false);
    for (const { path, html } of pages) for (const mark of MARKS) expect(html, path).not.toMatch(mark);
    for (const mark of MARKS) expect(csv).not.toMatch(mark);
    expect(csv).toContain(";'2580;Luleå;2026-Q3;total;T;19;");
    expect(exported).not.toHaveProperty('samplePeriods');
  });

  it('refuses a sample flag that is not true or false, naming it', async () => {
    const kit = await indicatorsKit();
    const res = await putReport(
      kit,
      'sip-established/2026-Q3/2580',
      { ...sipReport(1, 1), sample: 'ja' },
      await kit.bearer({ roles: ['admin'] }),
    );
    expect(res.status).toBe(400);
    expect((await json(res)).errors.map((e: { field: string }) => e.field)).toEqual(['sample']);
  });
});
