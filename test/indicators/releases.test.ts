import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indicatorsKit, json, jsonHeaders, putReport, release, sipReport } from './helpers.js';

describe('releases', () => {
  it('keeps reported figures from the public until a release, then shows the release with its date and revision', async () => {
    const kit = await indicatorsKit();
    const admin = await kit.bearer({ roles: ['admin'] });
    expect((await putReport(kit, 'sip-established/2026-Q3/2580', sipReport(20, 30), admin)).status).toBe(201);
    const before = await json(await kit.app.request('/api/indicators/values?indicator=sip-established'));
    expect(before.total).toBe(0);
    const unreleased = await kit.app.request('/api/indicators/values?indicator=sip-established&period=2026-Q3');
    expect(unreleased.status).toBe(404);
    expect(await json(unreleased)).toMatchObject({ title: 'Perioden är inte publicerad', errors: [{ field: 'period' }] });
    const made = await release(kit);
    expect(made.status).toBe(201);
    expect(await json(made)).toMatchObject({ period: '2026-Q3', revision: 1 });
    const after = await json(await kit.app.request('/api/indicators/values?indicator=sip-established&org=2580&period=2026-Q3'));
    expect(after.items.find((o: { category: string }) => o.category === 'T')).toMatchObject({ value: 50, status: 'reported' });
    const page = await (await kit.app.request('/uppfoljning/sip-established')).text();
    expect(page).toContain('publicerad 23 november 2026');
    expect(page).toContain('första publiceringen');
  });

  it('refuses a release before the deadline, of a period with nothing reported, and a revision with nothing changed', async () => {
    const kit = await indicatorsKit();
    const admin = await kit.bearer({ roles: ['admin'] });
    await putReport(kit, 'sip-established/2026-Q4/2580', sipReport(20, 30), admin);
    const early = await release(kit, '2026-Q4');
    expect(early.status).toBe(409);
    expect(await json(early)).toMatchObject({ errors: [{ field: 'period', sv: expect.stringContaining('2027-01-31') }] });
    const empty = await release(kit, '2026-Q2');
    expect(empty.status).toBe(409);
    expect((await json(empty)).detail).toMatch(/nothing to release/);
    await putReport(kit, 'sip-established/2026-Q3/2580', sipReport(20, 30), admin);
    expect((await release(kit)).status).toBe(201);
    const again = await release(kit);
    expect(again.status).toBe(409);
    expect((await json(again)).detail).toMatch(/Nothing has changed since release 1/);
    const bad = await kit.app.request('/api/indicators/releases', {
      method: 'POST',
      headers: { authorization: admin, 'content-type': 'application/json' },
      body: JSON.stringify({ period: '2026-Q9' }),
    });
    expect(bad.status).toBe(400);
    expect(await kit.app.request('/api/indicators/releases', { method: 'POST', body: '{}' })).toHaveProperty('status', 401);
  });

  it('revises a period after a late report, and the page says which revision it shows', async () => {
    const kit = await indicatorsKit();
    const admin = await kit.bearer({ roles: ['admin'] });
    await putReport(kit, 'sip-established/2026-Q3/2580', sipReport(20, 30), admin);
    await release(kit);
    await putReport(kit, 'sip-established/2026-Q3/2584', sipReport(11, 12), admin);
    const revised = await release(kit);
    expect(await json(revised)).toMatchObject({ revision: 2 });
    const page = await (await kit.app.request('/uppfoljning/sip-established')).text();
    expect(page).toContain('revidering 2');
    const list = await json(await kit.app.request('/api/indicators/releases'));
    expect(list.items.map((r: { revision: number }) => r.revision)).toEqual([1, 2]);
  });

  it('shows staff what is reported against what is released', async () => {
    const kit = await indicatorsKit();
    const admin = await kit.bearer({ roles: ['admin'] });
    await putReport(kit, 'sip-established/2026-Q3/2580', sipReport(20, 30), admin);
    await release(kit);
    await putReport(kit, 'sip-established/2026-Q3/2580', sipReport(21, 30), admin, { 'if-match': '*' });
    const editor = await kit.bearer({ roles: ['editor'], org: '2580' });
    const res = await kit.app.request('/api/indicators/releases/2026-Q3', { headers: { authorization: editor } });
    expect(res.status).toBe(200);
    const body = await json(res);
    const sip = body.indicators.find((i: { indicator: string }) => i.indicator === 'sip-established');
    const own = sip.organizations.find((o: { organization: string }) => o.organization === '2580');
    expect(own).toMatchObject({ reported: { cells: { T: 51 } }, released: { cells: { T: 50 } }, differs: true });
    expect(sip.organizations.find((o: { organization: string }) => o.organization === '2584').reported).toBeUndefined();
    expect(body.log).toBeUndefined();
    expect((await kit.app.request('/api/indicators/releases/2026-Q3')).status).toBe(401);
  });

  it('answers a public page for a period with no release in Swedish and English', async () => {
    const kit = await indicatorsKit();
    const admin = await kit.bearer({ roles: ['admin'] });
    await putReport(kit, 'sip-established/2026-Q2/2580', sipReport(20, 30), admin);
    await putReport(kit, 'sip-established/2026-Q3/2580', sipReport(21, 30), admin);
    await release(kit, '2026-Q2');
    const sv = await kit.app.request('/uppfoljning/sip-established?period=2026-Q3');
    expect(sv.status).toBe(404);
    expect(await sv.text()).toContain('2026-Q3 är inte publicerad än');
    const en = await kit.app.request('/uppfoljning/sip-established?period=2026-Q3&lang=en');
    expect(await en.text()).toContain('2026-Q3 has not been released yet');
    const csv = await kit.app.request('/api/indicators/export.csv?period=2026-Q3');
    expect(csv.status).toBe(404);
    expect(csv.headers.get('content-type')).toContain('problem+json');
  });

  it('never answers 500 to a release request, whatever the body', async () => {
    const kit = await indicatorsKit();
    const admin = await kit.bearer({ roles: ['admin'] });
    await putReport(kit, 'sip-established/2026-Q3/2580', sipReport(20, 30), admin);
    const body = fc.oneof(
      fc.jsonValue(),
      fc.record({
        period: fc.oneof(fc.constantFrom('2026-Q3', '2026', '2026-03', '2027-Q1', '1999-Q1', '2026-Q5', ''), fc.string({ maxLength: 12 })),
      }),
    );
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const res = await kit.app.request('/api/indicators/releases', {
          method: 'POST',
          headers: jsonHeaders(admin),
          body: JSON.stringify(b),
        });
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400) expect(res.headers.get('content-type')).toContain('problem+json');
      }),
      { numRuns: 60 },
    );
  });
});
