import { describe, expect, it } from 'vitest';
import { directoryApp, json, jsonInit, kindaService, type J } from './helpers.js';

describe('coordinator views', () => {
  it('lists seeded entries as not verified in the last 180 days', async () => {
    const { app, kit } = await directoryApp();
    const body = await json(
      await app.request('/api/directory/coordinator/unverified', {
        headers: { authorization: await kit.bearer({ roles: ['editor'], org: '0513' }) },
      }),
    );
    expect(body.items.map((i: J) => i.name)).toContain('Mini Maria Mjölby');
  });

  it('leaves a freshly verified entry out of the unverified list', async () => {
    const { app, kit } = await directoryApp();
    const admin = await kit.bearer({ roles: ['admin'] });
    await app.request('/api/directory/services', jsonInit('POST', kindaService({ verified: true }), admin));
    const body = await json(await app.request('/api/directory/coordinator/unverified', { headers: { authorization: admin } }));
    expect(body.items.map((i: J) => i.name)).not.toContain('Öppenvården Kinda');
  });

  it('lists agreements ending within 90 days, soonest first', async () => {
    const { app, kit } = await directoryApp();
    const admin = await kit.bearer({ roles: ['admin'] });
    for (const [title, ends] of [
      ['Senare', '2027-02-10'],
      ['Snart', '2026-12-01'],
      ['Långt bort', '2028-01-01'],
    ])
      await app.request('/api/directory/agreements', jsonInit('POST', { title, parties: ['region'], ends }, admin));
    const body = await json(await app.request('/api/directory/coordinator/agreements-ending', { headers: { authorization: admin } }));
    expect(body.items.map((a: J) => a.title)).toEqual(['Snart', 'Senare']);
  });

  it('names municipalities with no service for co-occurring disorders until one is added', async () => {
    const { app, kit } = await directoryApp();
    const admin = await kit.bearer({ roles: ['admin'] });
    const gaps = async () =>
      (
        await json(await app.request('/api/directory/coordinator/gaps?targetGroup=co-occurring', { headers: { authorization: admin } }))
      ).items.map((g: J) => g.municipalityName);
    expect(await gaps()).toContain('Kinda');
    await app.request('/api/directory/services', jsonInit('POST', kindaService({ targetGroups: ['co-occurring'] }), admin));
    expect(await gaps()).not.toContain('Kinda');
  });

  it('is closed to the public', async () => {
    const { app } = await directoryApp();
    expect((await app.request('/api/directory/coordinator/gaps')).status).toBe(401);
  });
});
