import { describe, expect, it } from 'vitest';
import { directoryApp, json, jsonInit, kindaService, type J } from './helpers.js';

const SHELTER = { confidential: true, street: 'Hemlig väg 2', postalCode: '590 40', city: 'Kisa', municipality: '0513' };
const OFFICE = { name: 'Kommunhuset', street: 'Storgatan 1', postalCode: '590 40', city: 'Kisa' };

async function withShelter() {
  const ctx = await directoryApp('ostergotland');
  const admin = await ctx.kit.bearer({ roles: ['admin'] });
  const created = await json(
    await ctx.app.request('/api/directory/services', jsonInit('POST', kindaService({ locations: [OFFICE, SHELTER] }), admin)),
  );
  return { ...ctx, id: created.id as string };
}

/** Everything of a read answer that a PUT accepts (what a client would send back). */
function editable(service: J): J {
  const { id: _id, created: _c, updated: _u, verified: _v, stale: _s, ...fields } = service;
  return fields;
}

async function roundTrip(app: J, id: string, auth: string, change: (fields: J) => J = (f) => f) {
  const read = await app.request(`/api/directory/services/${id}`, { headers: { authorization: auth } });
  const put = await app.request(
    `/api/directory/services/${id}`,
    jsonInit('PUT', change(editable(await json(read))), auth, { 'if-match': read.headers.get('etag')! }),
  );
  expect(put.status).toBe(200);
  return json(put);
}

describe('confidential addresses', () => {
  for (const who of ['editor', 'admin'] as const) {
    it(`survive a GET then PUT by the organisation's ${who}`, async () => {
      const { app, kit, id } = await withShelter();
      const auth = await kit.bearer(who === 'admin' ? { roles: ['admin'] } : { roles: ['editor'], org: '0513' });
      const stored = await roundTrip(app, id, auth, (f) => ({ ...f, name: 'Öppenvården Kinda, ny' }));
      expect(stored.name).toBe('Öppenvården Kinda, ny');
      expect(stored.locations).toEqual([{ ...OFFICE, confidential: false }, SHELTER]);
    });
  }

  it('are shown to the organisation’s own staff, privately, and never to the public or another organisation', async () => {
    const { app, kit, id } = await withShelter();
    const own = await app.request(`/api/directory/services/${id}`, {
      headers: { authorization: await kit.bearer({ roles: ['editor'], org: '0513' }) },
    });
    expect(JSON.stringify(await json(own))).toContain('Hemlig väg 2');
    expect(own.headers.get('cache-control')).toMatch(/^private/);
    const readers: Record<string, string>[] = [
      {},
      { authorization: await kit.bearer({ roles: ['editor'], org: '0580' }) },
      { authorization: 'Bearer forged' },
    ];
    for (const headers of readers) {
      const res = await app.request(`/api/directory/services/${id}`, { headers });
      const body = await json(res);
      expect(JSON.stringify(body)).not.toContain('Hemlig');
      expect(body.locations[1]).toEqual({ confidential: true, municipality: '0513' });
    }
    for (const path of ['/api/directory/services?q=kinda', `/api/directory/hsds/services/${id}`, `/hitta-stod/tjanst/${id}`]) {
      expect(await (await app.request(path)).text()).not.toContain('Hemlig');
    }
  });

  it('are kept when a client sends back the public form of a location', async () => {
    const { app, kit, id } = await withShelter();
    const admin = await kit.bearer({ roles: ['admin'] });
    const pub = await app.request(`/api/directory/services/${id}`);
    const put = await app.request(
      `/api/directory/services/${id}`,
      jsonInit('PUT', editable(await json(pub)), admin, { 'if-match': pub.headers.get('etag')! }),
    );
    expect(put.status).toBe(200);
    expect((await json(put)).locations[1]).toEqual(SHELTER);
    const history = await json(await app.request(`/api/directory/services/${id}/history`, { headers: { authorization: admin } }));
    expect(history.changes.at(-1).after.locations[1].street).toBe('Hemlig väg 2');
  });
});
