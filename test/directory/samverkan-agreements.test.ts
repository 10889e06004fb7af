import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { directoryApp, json, jsonInit } from './helpers.js';

function agreement(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Överenskommelse om samverkan kring missbruk och beroende',
    parties: ['region', '0513', '0580'],
    partyRoles: [{ organization: 'region', role: 'huvudman för hälso- och sjukvård' }],
    owner: 'region',
    starts: '2024-01-01',
    ends: '2030-12-31',
    reviewDate: '2027-06-30',
    lifecycle: [
      { status: 'under-utarbetande', date: '2023-03-01' },
      { status: 'pa-remiss', date: '2023-09-01' },
      { status: 'gallande', date: '2024-01-01' },
    ],
    documentUrl: 'https://example.se/overenskommelse.pdf',
    goals: [{ text: 'Fler SIP', indicators: ['sip-established'], target: 200, direction: 'increase' }],
    ...overrides,
  };
}

async function setup() {
  const env = await directoryApp();
  const admin = await env.kit.bearer({ roles: ['admin'] });
  const create = (body: unknown) => env.app.request('/api/directory/agreements', jsonInit('POST', body, admin));
  const list = async () => (await env.app.request('/api/directory/agreements?includeRetired=true&limit=100')).text();
  return { ...env, admin, create, list };
}

describe('agreements with a life cycle and goals', () => {
  it('stores status changes, review date, owner, party roles and goals, and reports the current status', async () => {
    const { create, app } = await setup();
    const res = await create(agreement());
    expect(res.status).toBe(201);
    const body = await json(await app.request(`/api/directory/agreements/${(await json(res)).id}`));
    expect(body.phase).toBe('gallande');
    expect(body.goals[0].indicators).toEqual(['sip-established']);
    expect(typeof body.reviewDaysLeft).toBe('number');
    const page = await (await app.request('/hitta-stod/samverkan')).text();
    expect(page).toContain('Gällande');
  });

  it('refuses an unknown indicator, a party role of a non-party and an unknown owner, storing nothing', async () => {
    const { create, list } = await setup();
    const before = await list();
    const cases: [Record<string, unknown>, string][] = [
      [{ goals: [{ text: 'X', indicators: ['no-such-indicator'], target: 1, direction: 'increase' }] }, 'goals.0.indicators.0'],
      [{ partyRoles: [{ organization: '0581', role: 'part' }] }, 'partyRoles.0.organization'],
      [{ owner: '9999' }, 'owner'],
      [{ ends: '2023-12-31' }, 'ends'],
    ];
    for (const [overrides, field] of cases) {
      const res = await create(agreement(overrides));
      expect(res.status).toBe(400);
      const problem = await json(res);
      expect(problem.title).toBe('Ogiltig begäran');
      expect(problem.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect(await list()).toBe(before);
  });

  it('refuses status changes out of date order, whatever the dates', async () => {
    const { create, list } = await setup();
    const before = await list();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.date({ min: new Date('2010-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }), {
          minLength: 2,
          maxLength: 5,
        }),
        async (dates) => {
          const days = dates.map((d) => d.toISOString().slice(0, 10));
          const ordered = days.every((d, i) => i === 0 || d >= (days[i - 1] as string));
          const statuses = ['under-utarbetande', 'pa-remiss', 'gallande', 'under-revidering', 'upphort'];
          const lifecycle = days.map((date, i) => ({ status: statuses[i], date }));
          const res = await create(agreement({ title: `Prov ${days.join(' ')}`, lifecycle, goals: [] }));
          if (ordered) expect(res.status).toBe(201);
          else {
            expect(res.status).toBe(400);
            expect((await json(res)).errors[0].field).toMatch(/^lifecycle\.\d+\.date$/);
          }
          return true;
        },
      ),
      { numRuns: 15 },
    );
    expect(before).not.toBe('');
  });

  it('keeps every earlier status change: a replacement that drops or redates one is refused', async () => {
    const { create, app, admin } = await setup();
    const res = await create(agreement());
    const { id } = await json(res);
    const etag = res.headers.get('etag')!;
    const dropped = agreement({ lifecycle: [{ status: 'gallande', date: '2024-01-01' }] });
    const refused = await app.request(`/api/directory/agreements/${id}`, jsonInit('PUT', dropped, admin, { 'if-match': etag }));
    expect(refused.status).toBe(400);
    expect((await json(refused)).errors[0].field).toBe('lifecycle.0');
    const revised = agreement({
      lifecycle: [...agreement().lifecycle, { status: 'under-revidering', date: '2026-02-01' }],
    });
    const ok = await app.request(`/api/directory/agreements/${id}`, jsonInit('PUT', revised, admin, { 'if-match': etag }));
    expect(ok.status).toBe(200);
    expect((await json(ok)).lifecycle).toHaveLength(4);
    expect((await json(await app.request(`/api/directory/agreements/${id}`))).phase).toBe('under-revidering');
    const stale = await app.request(`/api/directory/agreements/${id}`, jsonInit('PUT', revised, admin, { 'if-match': etag }));
    expect(stale.status).toBe(412);
  });

  it('shows coordinators agreements due for review and those without goals', async () => {
    const { create, app, kit, deps } = await setup();
    const today = deps.clock.now().toISOString().slice(0, 10);
    const soon = new Date(Date.parse(`${today}T12:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
    await create(agreement({ title: 'Revideras snart', reviewDate: soon, ends: null, starts: undefined }));
    await create(agreement({ title: 'Utan mål', goals: [], ends: null, starts: undefined, reviewDate: undefined }));
    const staff = await kit.bearer({ roles: ['editor'], org: '0513' });
    const ending = await json(await app.request('/api/directory/coordinator/agreements-ending', { headers: { authorization: staff } }));
    const review = ending.items.find((a: { title: string }) => a.title === 'Revideras snart');
    expect(review.reasons).toEqual(['review']);
    const noGoals = await json(
      await app.request('/api/directory/coordinator/agreements-without-goals', { headers: { authorization: staff } }),
    );
    const titles = noGoals.items.map((a: { title: string }) => a.title);
    expect(titles).toContain('Utan mål');
    expect(titles).not.toContain('Revideras snart');
  });

  it('says an agreement being drafted is not yet in force, not that it holds until further notice', async () => {
    // Norrbotten's seed: the county agreement under utarbetande since 2013, without an end date
    const { app } = await directoryApp('norrbotten');
    const html = await (await app.request('/hitta-stod/samverkan')).text();
    expect(html).toContain('Ej i kraft än');
    expect(await (await app.request('/hitta-stod/samverkan?lang=en')).text()).toContain('Not yet in force');
  });
});
