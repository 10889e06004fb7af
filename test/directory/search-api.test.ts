import { describe, expect, it } from 'vitest';
import { directoryApp, json, jsonInit, kindaService, type J } from './helpers.js';

async function names(app: { request: (path: string) => Response | Promise<Response> }, query: string): Promise<string[]> {
  const res = await app.request(`/api/directory/services?${query}`);
  expect(res.status).toBe(200);
  return ((await json(res)) as J).items.map((i: { name: string }) => i.name);
}

/** Östergötland with a few extra services written by an admin. */
async function withServices() {
  const { app, kit } = await directoryApp('ostergotland');
  const admin = await kit.bearer({ roles: ['admin'] });
  const add = (body: Record<string, unknown>) => app.request('/api/directory/services', jsonInit('POST', kindaService(body), admin));
  await add({
    name: 'Anhörigstöd Kinda',
    description: 'Grupper för anhöriga till personer med beroende.',
    targetGroups: ['relatives'],
    substances: [],
  });
  await add({
    name: 'Spelberoendemottagningen',
    description: 'Behandling vid spelberoende.',
    substances: ['gambling'],
    targetGroups: ['adults'],
  });
  await add({
    name: 'Narkotikamottagningen',
    description: 'Stöd vid narkotikaproblem.',
    substances: ['narcotics'],
    targetGroups: ['adults'],
    referralRequired: true,
    minimumAge: 18,
  });
  await add({ name: 'Osterbo samtalsstöd', description: 'Samtal.', substances: [], municipalities: ['0513'] });
  return { app, kit, admin };
}

describe('searching services', () => {
  it('finds the seeded Östersund unit for gambling in Jämtland for "ostersund spel", and both Östersund units for "ostersund"', async () => {
    const { app } = await directoryApp('jamtland');
    expect(await names(app, 'q=ostersund%20spel')).toEqual(['Gemensam mottagning (ett telefonnummer)']);
    const found = await names(app, 'q=ostersund');
    expect(found).toContain('Nexus');
    expect(found).toContain('Gemensam mottagning (ett telefonnummer)');
  });

  it('finds every Mini Maria unit in Östergötland for "mini maria", with the name as the reason', async () => {
    const { app } = await directoryApp('ostergotland');
    const body = await json(await app.request('/api/directory/services?q=mini%20maria'));
    expect(
      body.items
        .map((i: J) => i.name)
        .slice(0, 3)
        .sort(),
    ).toEqual(['Mini Maria Linköping', 'Mini Maria Mjölby', 'Mini Maria Motala']);
    expect(body.items[0].matchedFields).toContain('name');
  });

  it('matches without å, ä and ö but ranks the exact spelling first', async () => {
    const { app } = await withServices();
    const exact = await json(await app.request('/api/directory/services?q=%C3%B6sterbo'));
    const folded = await json(await app.request('/api/directory/services?q=osterbo'));
    expect(folded.items.map((i: J) => i.name)).toContain('Osterbo samtalsstöd');
    expect(exact.items.map((i: J) => i.name)).toContain('Osterbo samtalsstöd');
    const linkoping = await json(await app.request('/api/directory/services?q=link%C3%B6ping'));
    const linkopingFolded = await json(await app.request('/api/directory/services?q=linkoping'));
    expect(linkoping.items[0].score).toBeGreaterThan(linkopingFolded.items[0].score);
  });

  it('finds compounds and inflections by prefix: "spel" finds spelberoende, "anhörig" finds anhöriga', async () => {
    const { app } = await withServices();
    expect(await names(app, 'q=spel')).toContain('Spelberoendemottagningen');
    expect(await names(app, 'q=anh%C3%B6rig')).toContain('Anhörigstöd Kinda');
  });

  it('uses the synonyms of the config: "droger" finds narkotika', async () => {
    const { app } = await withServices();
    expect(await names(app, 'q=droger')).toContain('Narkotikamottagningen');
  });

  it('forgives a typo in a long word', async () => {
    const { app } = await withServices();
    expect(await names(app, 'q=narkotikamotagningen')).toContain('Narkotikamottagningen');
  });

  it('filters by municipality, including services that serve the whole area', async () => {
    const { app } = await withServices();
    const found = await names(app, 'municipality=0513');
    expect(found).toContain('Osterbo samtalsstöd');
    expect(found).not.toContain('Mini Maria Motala');
  });

  it('filters by no referral, substance and age', async () => {
    const { app } = await withServices();
    expect(await names(app, 'noReferral=true&substance=narcotics')).toEqual([]);
    expect(await names(app, 'substance=narcotics&age=18')).toEqual(['Narkotikamottagningen']);
    expect(await names(app, 'substance=narcotics&age=15')).toEqual([]);
  });

  it('pages with an opaque cursor until the list is done', async () => {
    const { app } = await withServices();
    const all = await names(app, 'limit=100');
    const seen: string[] = [];
    let cursor = '';
    for (let i = 0; i < 20; i++) {
      const page = await json(await app.request(`/api/directory/services?limit=4${cursor ? `&cursor=${cursor}` : ''}`));
      seen.push(...page.items.map((s: J) => s.name));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(all);
  });

  it('answers a repeated read with 304 when the ETag matches', async () => {
    const { app } = await directoryApp('ostergotland');
    const first = await app.request('/api/directory/services?q=mini');
    expect(first.headers.get('cache-control')).toMatch(/max-age/);
    const again = await app.request('/api/directory/services?q=mini', { headers: { 'if-none-match': first.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });

  it.each([
    ['targetGroup=aliens', 'targetGroup'],
    ['municipality=2380', 'municipality'],
    ['cursor=%%%', 'cursor'],
    ['cursor=abc', 'cursor'],
    ['age=old', 'age'],
    ['noReferral=maybe', 'noReferral'],
    ['limit=1000', 'limit'],
    ['language=xx', 'language'],
  ])('rejects %s with 400 naming the parameter', async (query, field) => {
    const { app } = await directoryApp('ostergotland');
    const res = await app.request(`/api/directory/services?${query}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect((await json(res)).errors.map((e: J) => e.field.split('.')[0])).toContain(field);
  });
});

describe('planned services', () => {
  it('are listed after the services that are open', async () => {
    const { app } = await directoryApp('jamtland');
    expect(await names(app, 'q=ostersund')).toEqual(['Nexus', 'Beroendeenheten', 'Gemensam mottagning (ett telefonnummer)']);
  });
});
