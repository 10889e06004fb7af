import { describe, expect, it } from 'vitest';
import { indicatorsKit, json, putReport, release, sipReport } from './helpers.js';

async function withFigures() {
  const kit = await indicatorsKit();
  const admin = await kit.bearer({ roles: ['admin'] });
  await putReport(kit, 'sip-established/2026-Q2/2580', sipReport(10, 10), admin);
  await putReport(kit, 'sip-established/2026-Q3/2580', sipReport(6, 9), admin);
  await putReport(kit, 'sip-established/2026-Q3/2584', sipReport(5, 5), admin);
  await putReport(kit, 'sip-established/2026-Q3/2505', { status: 'not-applicable' }, admin);
  for (const [org, value, denominator] of [
    ['2580', 10, 40],
    ['2584', 20, 30],
    ['2581', 30, 12],
  ] as const)
    await putReport(kit, `wait-days-first-visit/2026-Q3/${org}`, { value, denominator }, admin);
  for (const [org, share, completed] of [
    ['2580', 50, 20],
    ['2584', 80, 30],
  ] as const) {
    await putReport(kit, `completed-interventions/2026-Q3/${org}`, { value: completed }, admin);
    await putReport(kit, `structured-follow-up-share/2026-Q3/${org}`, { value: share }, admin);
  }
  await release(kit, '2026-Q2');
  await release(kit, '2026-Q3');
  return { kit, admin };
}

describe('area totals and comparisons', () => {
  it('sums the area total per period and says how many reported', async () => {
    const { kit } = await withFigures();
    const body = await json(await kit.app.request('/api/indicators/area?indicator=sip-established'));
    expect(body.items.map((a: { period: string }) => a.period)).toEqual(['2026-Q2', '2026-Q3']);
    expect(body.items[1]).toMatchObject({
      method: 'sum',
      cells: { T: { value: 25, status: 'reported' } },
      coverage: { reported: 2, notApplicable: 1, expected: 18 },
    });
  });

  it('takes the median of reported values for waiting times', async () => {
    const { kit } = await withFigures();
    const body = await json(await kit.app.request('/api/indicators/area?indicator=wait-days-first-visit&period=2026-Q3'));
    expect(body.items[0]).toMatchObject({ method: 'median-of-reported', cells: { T: { value: 20 } }, coverage: { reported: 3, used: 3 } });
  });

  it('weighs a share by its weight indicator', async () => {
    const { kit } = await withFigures();
    const body = await json(await kit.app.request('/api/indicators/area?indicator=structured-follow-up-share&period=2026-Q3'));
    expect(body.items[0]).toMatchObject({ method: 'weighted-mean', cells: { T: { value: 68 } } });
  });

  it('puts every organisation side by side for the latest period, not-reported ones included', async () => {
    const { kit } = await withFigures();
    const body = await json(await kit.app.request('/api/indicators/compare?indicator=sip-established'));
    expect(body.period).toBe('2026-Q3');
    expect(body.organizations).toHaveLength(18);
    const byOrg = Object.fromEntries(body.organizations.map((o: { organization: string }) => [o.organization, o]));
    expect(byOrg['2580'].cells.T.value).toBe(15);
    expect(byOrg['2505'].status).toBe('not-applicable');
    expect(byOrg['2581'].status).toBe('not-reported');
  });

  it('gives a time series of one organisation and of the area', async () => {
    const { kit } = await withFigures();
    const lulea = await json(await kit.app.request('/api/indicators/series?indicator=sip-established&org=2580'));
    expect(lulea.points.map((p: { value: number }) => p.value)).toEqual([20, 15]);
    const area = await json(await kit.app.request('/api/indicators/series?indicator=sip-established'));
    expect(area.points.map((p: { value: number }) => p.value)).toEqual([20, 25]);
  });

  it('tells staff who has not reported the last completed quarter', async () => {
    const { kit } = await withFigures();
    expect((await kit.app.request('/api/indicators/completeness')).status).toBe(401);
    const body = await json(
      await kit.app.request('/api/indicators/completeness', {
        headers: { authorization: await kit.bearer({ roles: ['editor'], org: '2580' }) },
      }),
    );
    const sip = body.items.find((i: { indicator: string }) => i.indicator === 'sip-established');
    expect(sip).toMatchObject({ period: '2026-Q3', reported: ['2580', '2584'], notApplicable: ['2505'] });
    expect(sip.missing).toHaveLength(15);
  });

  it('answers a repeated public GET with 304', async () => {
    const { kit } = await withFigures();
    const first = await kit.app.request('/api/indicators/area?indicator=sip-established');
    const etag = first.headers.get('etag') as string;
    expect(first.headers.get('cache-control')).toContain('public');
    const again = await kit.app.request('/api/indicators/area?indicator=sip-established', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it.each([
    ['/api/indicators/area?indicator=nope', 'indicator'],
    ['/api/indicators/area', 'indicator'],
    ['/api/indicators/values?period=2026-13', 'period'],
    ['/api/indicators/values?indicator=sip-established&period=2026', 'period'],
    ['/api/indicators/values?org=0180', 'org'],
    ['/api/indicators/values?cursor=%%%', 'cursor'],
    ['/api/indicators/values?colour=red', 'colour'],
  ])('answers %s with 400 naming %s', async (url, field) => {
    const kit = await indicatorsKit();
    const res = await kit.app.request(url);
    expect(res.status).toBe(400);
    expect((await json(res)).errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('pages values with an opaque cursor', async () => {
    const { kit } = await withFigures();
    const first = await json(await kit.app.request('/api/indicators/values?indicator=sip-established&limit=5'));
    expect(first.items).toHaveLength(5);
    const next = await json(await kit.app.request(`/api/indicators/values?indicator=sip-established&limit=5&cursor=${first.nextCursor}`));
    expect(next.items[0]).not.toEqual(first.items[0]);
  });

  it('lists the definitions with their breakdown categories and publishes an OpenAPI 3.1 document', async () => {
    const kit = await indicatorsKit();
    const defs = await json(await kit.app.request('/api/indicators/definitions'));
    const sip = defs.items.find((d: { id: string }) => d.id === 'sip-established');
    expect(sip.breakdown[0]).toMatchObject({ dimension: 'gender', categories: [{ code: 'K' }, { code: 'M' }] });
    expect(sip.suppression).toEqual({ minCount: 5, minDenominator: 10 });
    const doc = await json(await kit.app.request('/api/indicators/openapi.json'));
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/indicators/export.csv');
  });
});
