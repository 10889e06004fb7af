import { describe, expect, it } from 'vitest';
import { indicatorsKit, json, putReport, release, sipReport, storedKeys } from './helpers.js';

describe('reporting figures', () => {
  it('lets the Luleå editor report SIP figures for Luleå and keeps who and when', async () => {
    const kit = await indicatorsKit();
    const res = await putReport(
      kit,
      'sip-established/2026-Q3/2580',
      sipReport(3, 9),
      await kit.bearer({ roles: ['editor'], org: '2580', sub: 'editor-lulea' }),
    );
    expect(res.status).toBe(201);
    const body = await json(res);
    expect(body.current.cells).toMatchObject({ T: 12, 'gender:K': 3, 'gender:M': 9 });
    expect(body.current.reportedBy).toBe('editor-lulea');
    expect(body.current.reportedAt).toBe('2026-11-23T10:00:00+01:00');
    expect(await storedKeys(kit)).toEqual(['indicators/reports/sip-established/2026-Q3/2580.json']);
  });

  it('refuses a report for another organisation and stores nothing', async () => {
    const kit = await indicatorsKit();
    const res = await putReport(kit, 'sip-established/2026-Q3/2584', sipReport(3, 9), await kit.bearer({ roles: ['editor'], org: '2580' }));
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await storedKeys(kit)).toEqual([]);
  });

  it('lets an admin report for any organisation', async () => {
    const kit = await indicatorsKit();
    const res = await putReport(kit, 'sip-established/2026-Q3/2584', sipReport(5, 5), await kit.bearer({ roles: ['admin'] }));
    expect(res.status).toBe(201);
  });

  it('keeps the earlier value when a report is corrected, and needs If-Match to correct', async () => {
    const kit = await indicatorsKit();
    const editor = await kit.bearer({ roles: ['editor'], org: '2580' });
    const first = await putReport(kit, 'sip-established/2026-Q3/2580', sipReport(3, 9), editor);
    const without = await putReport(kit, 'sip-established/2026-Q3/2580', sipReport(4, 9), editor);
    expect(without.status).toBe(428);
    const stale = await putReport(kit, 'sip-established/2026-Q3/2580', sipReport(4, 9), editor, { 'if-match': '"stale"' });
    expect(stale.status).toBe(412);
    const fixed = await putReport(kit, 'sip-established/2026-Q3/2580', { ...sipReport(4, 9), reason: 'Missed one plan' }, editor, {
      'if-match': first.headers.get('etag') as string,
    });
    expect(fixed.status).toBe(200);
    const body = await json(fixed);
    expect(body.current.cells.T).toBe(13);
    expect(body.history).toHaveLength(1);
    expect(body.history[0].cells.T).toBe(12);
    const staffView = await json(
      await kit.app.request('/api/indicators/compare?indicator=sip-established&org=2580', { headers: { authorization: editor } }),
    );
    expect(staffView.organizations[0]).toMatchObject({ revised: true, raw: true });
    expect((await release(kit)).status).toBe(201);
    const published = await json(await kit.app.request('/api/indicators/compare?indicator=sip-established&org=2580'));
    expect(published.organizations[0]).not.toHaveProperty('revised');
    expect(published.organizations[0]).not.toHaveProperty('reportedAt');
  });

  it.each([
    ['a total that is not K + M', { value: 13, breakdown: { gender: { K: 3, M: 9 } } }, 'breakdown.gender'],
    ['a negative count', { value: -1 }, 'value'],
    ['a fractional count', { value: 2.5 }, 'value'],
    ['a breakdown the indicator does not have', { value: 3, breakdown: { topic: { mi: 3 } } }, 'breakdown.topic'],
    ['an unknown category', { value: 3, breakdown: { gender: { K: 1, M: 1, X: 1 } } }, 'breakdown.gender.X'],
    ['a missing total', { breakdown: { gender: { K: 1, M: 1 } } }, 'value'],
    ['an unknown field', { value: 3, colour: 'red' }, 'colour'],
  ])('refuses %s naming the field, and stores nothing', async (_, body, field) => {
    const kit = await indicatorsKit();
    const res = await putReport(kit, 'sip-established/2026-Q3/2580', body, await kit.bearer({ roles: ['editor'], org: '2580' }));
    expect(res.status).toBe(400);
    const problem = await json(res);
    expect(problem.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await storedKeys(kit)).toEqual([]);
  });

  it.each([
    ['a period in the future', 'sip-established/2027-Q1/2580', 'period'],
    ['a period in the wrong format', 'sip-established/2026-03/2580', 'period'],
    ['an unknown organisation', 'sip-established/2026-Q3/0180', 'organization'],
    ['a derived indicator', 'feedback-received/2026-Q3/2580', 'indicator'],
  ])('refuses %s', async (_, path, field) => {
    const kit = await indicatorsKit();
    const res = await putReport(kit, path, { value: 5 }, await kit.bearer({ roles: ['admin'] }));
    expect(res.status).toBe(400);
    expect((await json(res)).errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await storedKeys(kit)).toEqual([]);
  });

  it('checks percentages and asks for the persons behind a median', async () => {
    const kit = await indicatorsKit();
    const admin = await kit.bearer({ roles: ['admin'] });
    const share = await putReport(kit, 'structured-follow-up-share/2026-Q3/2580', { value: 120 }, admin);
    expect((await json(share)).errors[0].field).toBe('value');
    const wait = await putReport(kit, 'wait-days-first-visit/2026-Q3/2580', { value: 12.5 }, admin);
    expect((await json(wait)).errors[0].field).toBe('denominator');
    const ok = await putReport(kit, 'wait-days-first-visit/2026-Q3/2580', { value: 12.5, denominator: 40 }, admin);
    expect(ok.status).toBe(201);
  });

  it('answers a non-JSON body with 400 and stores nothing', async () => {
    const kit = await indicatorsKit();
    const res = await kit.app.request('/api/indicators/values/sip-established/2026-Q3/2580', {
      method: 'PUT',
      headers: { authorization: await kit.bearer({ roles: ['admin'] }), 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(res.status).toBe(400);
    expect(await storedKeys(kit)).toEqual([]);
  });

  it('records a report as not applicable, which is not a zero', async () => {
    const kit = await indicatorsKit();
    const admin = await kit.bearer({ roles: ['admin'] });
    expect((await putReport(kit, 'youth-reached/2026-Q3/2505', { status: 'not-applicable' }, admin)).status).toBe(201);
    expect((await release(kit)).status).toBe(201);
    const res = await kit.app.request('/api/indicators/values?indicator=youth-reached&period=2026-Q3&org=2505');
    const { items } = await json(res);
    expect(items[0]).toMatchObject({ organization: '2505', value: null, status: 'not-applicable' });
  });
});
