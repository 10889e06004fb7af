import { describe, expect, it } from 'vitest';
import { directoryApp, json, jsonInit } from './helpers.js';

// the test clock stands at 2026-11-23 (Stockholm)
function plan(agreementId: string, overrides: Record<string, unknown> = {}) {
  return {
    title: 'Handlingsplan 2026',
    owner: 'region',
    agreementId,
    items: [
      { id: 'a', what: 'Gemensam rutin för SIP', responsible: '0513', start: '2026-01-01', deadline: '2026-06-30', status: 'pagar' },
      { id: 'b', what: 'Utbildning i MI', responsible: '0580', deadline: '2026-11-23', status: 'ej-paborjad' },
      { id: 'c', what: 'Kartläggning', responsible: 'region', deadline: '2026-03-01', status: 'klar' },
    ],
    ...overrides,
  };
}

async function setup() {
  const env = await directoryApp();
  const admin = await env.kit.bearer({ roles: ['admin'] });
  const agreements = await json(await env.app.request('/api/directory/agreements?limit=1'));
  const agreementId = agreements.items[0].id as string;
  const create = (body: unknown) => env.app.request('/api/directory/plans', jsonInit('POST', body, admin));
  return { ...env, admin, agreementId, create };
}

describe('action plans', () => {
  it('shows progress per status and marks only items past their deadline in Stockholm', async () => {
    const { app, agreementId, create } = await setup();
    const res = await create(plan(agreementId));
    expect(res.status).toBe(201);
    const { id } = await json(res);
    const body = await json(await app.request(`/api/directory/plans/${id}`));
    expect(body.items.map((i: { overdue: boolean }) => i.overdue)).toEqual([true, false, false]);
    expect(body.progress).toMatchObject({ total: 3, overdue: 1, percentDone: 33, counts: { pagar: 1, klar: 1, 'ej-paborjad': 1 } });
    const page = await (await app.request(`/hitta-stod/samverkan/plan/${id}`)).text();
    expect(page).toContain('33 % klart');
    expect(page.match(/Försenad</g)).toHaveLength(1);
    expect(await (await app.request('/hitta-stod/samverkan')).text()).toContain('Handlingsplan 2026');
  });

  it('refuses an item of an organisation outside the area, an unknown agreement and a plan of both or neither', async () => {
    const { app, agreementId, create } = await setup();
    const seeded = (await json(await app.request('/api/directory/plans'))).total;
    const cases: [Record<string, unknown>, string][] = [
      [{ items: [{ id: 'a', what: 'X', responsible: '0180' }] }, 'items.0.responsible'],
      [{ agreementId: 'no-such-agreement' }, 'agreementId'],
      [{ groupId: 'some-group' }, 'agreementId'],
      [{ items: [{ id: 'a', what: 'X', responsible: '0513', start: '2026-05-01', deadline: '2026-04-01' }] }, 'items.0.deadline'],
    ];
    for (const [overrides, field] of cases) {
      const res = await create(plan(agreementId, overrides));
      expect(res.status).toBe(400);
      expect((await json(res)).errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect((await json(await app.request('/api/directory/plans'))).total).toBe(seeded);
  });

  it("lets an item's organisation update its own item only, with If-Match", async () => {
    const { app, kit, agreementId, create } = await setup();
    const created = await create(plan(agreementId));
    const { id } = await json(created);
    let etag = created.headers.get('etag')!;
    const kinda = await kit.bearer({ roles: ['editor'], org: '0513' });
    const update = { status: 'klar', note: { date: '2026-11-20', text: 'Rutinen är antagen' } };
    const other = await app.request(`/api/directory/plans/${id}/items/b`, jsonInit('PUT', update, kinda, { 'if-match': etag }));
    expect(other.status).toBe(403);
    const own = await app.request(`/api/directory/plans/${id}/items/a`, jsonInit('PUT', update, kinda, { 'if-match': etag }));
    expect(own.status).toBe(200);
    const stale = await app.request(`/api/directory/plans/${id}/items/a`, jsonInit('PUT', update, kinda, { 'if-match': etag }));
    expect(stale.status).toBe(412);
    etag = own.headers.get('etag')!;
    const body = await json(await app.request(`/api/directory/plans/${id}`));
    expect(body.items[0]).toMatchObject({ status: 'klar', overdue: false, notes: [{ date: '2026-11-20', text: 'Rutinen är antagen' }] });
    const coordinator = await json(await app.request('/api/directory/coordinator/overdue-items', { headers: { authorization: kinda } }));
    // the area's seeded plans may have overdue items of their own; this plan has none left
    expect(coordinator.items.filter((i: { planId: string }) => i.planId === id)).toEqual([]);
  });

  it('exports the items as Swedish Excel CSV and imports them back, all rows or none', async () => {
    const { app, admin, agreementId, create } = await setup();
    const created = await create(plan(agreementId));
    const { id } = await json(created);
    const etag = created.headers.get('etag')!;
    const bytes = new Uint8Array(await (await app.request(`/api/directory/plans/${id}/items.csv`)).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    expect(csv.startsWith('id;vad;ansvarig;start;slutdatum;status')).toBe(true);
    expect(csv).toContain('\r\n');
    // codes and dates stay text in a spreadsheet (the core writer's apostrophe, dropped again on import)
    expect(csv).toContain("a;Gemensam rutin för SIP;'0513;'2026-01-01;'2026-06-30;Pågår");
    const post = (body: string, tag = etag) =>
      app.request(`/api/directory/plans/${id}/items.csv`, {
        method: 'POST',
        body,
        headers: { authorization: admin, 'content-type': 'text/csv', 'if-match': tag },
      });
    const bad = csv.replace('0580', '0180').replace(';Klar;', ';Halvklar;');
    const refused = await post(bad);
    expect(refused.status).toBe(400);
    const problem = await json(refused);
    expect(problem.title).toBe('Filen har fel och har inte lästs in');
    expect(problem.errors.map((e: { field: string }) => e.field)).toEqual(['row 3, column C', 'row 4, column F']);
    expect(problem.errors[0].sv).toMatch(/^Rad 3, kolumn C:/);
    expect((await app.request(`/api/directory/plans/${id}`)).headers.get('etag')).toBe(etag);
    const edited = csv.replace(';Pågår;', ';Klar;');
    const ok = await post(edited);
    expect(ok.status).toBe(200);
    expect((await json(await app.request(`/api/directory/plans/${id}`))).progress.counts.klar).toBe(2);
    expect((await post(edited)).status).toBe(412);
  });
});
