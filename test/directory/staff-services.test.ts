import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Role } from '../../functions/core/auth/auth.js';
import { createDirectoryApp } from '../../functions/directory/app.js';
import { sessionCookie } from '../support/session.js';
import { directoryApp, jsonInit } from './helpers.js';

const OWN = '2380';
const OTHER = '2309';
const PATH = '/personal/hitta-stod';
const FORM = { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost', accept: 'text/html' };

/** A Jämtland app with one Östersund service (confidential address) and one of Krokom, made through the API. */
async function setup() {
  const h = await directoryApp('jamtland');
  const admin = await h.kit.bearer({ roles: ['admin'] });
  const make = async (org: string, name: string, extra: Record<string, unknown> = {}) => {
    const body = { name, organizationId: org, principal: 'municipality', municipalities: [org], ...extra };
    const res = await h.app.request('/api/directory/services', jsonInit('POST', body, admin));
    expect(res.status).toBe(201);
    return (await res.json()) as { id: string };
  };
  const own = await make(OWN, 'Mottagning Östersund', {
    locations: [{ name: 'Skyddat boende', street: 'Hemliga gatan 1', city: 'Östersund', municipality: OWN, confidential: true }],
  });
  const placed = await make(OWN, 'Mottagning med karta', {
    locations: [{ name: 'Rådhuset', street: 'Rådhusgatan 44', municipality: OWN, latitude: 63.1767, longitude: 14.6361 }],
    schedules: [{ kind: 'visiting', byday: ['MO'], opensAt: '09:00', closesAt: '12:00', validFrom: '2026-06-22', validTo: '2026-08-14' }],
  });
  const other = await make(OTHER, 'Mottagning Krokom');
  const cookie = (roles: readonly Role[], org?: string) => sessionCookie(h.deps, { roles, org });
  const stored = async (id: string) => {
    const res = await h.app.request(`/api/directory/services/${id}`, { headers: { authorization: admin } });
    return { body: (await res.json()) as Record<string, unknown>, etag: res.headers.get('etag')! };
  };
  const post = async (path: string, fields: Record<string, string | string[]>, cookieHeader: string) => {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
    return h.app.request(path, { method: 'POST', headers: { ...FORM, cookie: cookieHeader }, body: body.toString() });
  };
  return { ...h, own, other, placed, cookie, stored, post, admin };
}

/** The form of a new Östersund service, as a person fills it in. */
const NEW_SERVICE = {
  name: 'Anhörigstöd Östersund',
  description: 'Samtal för anhöriga.',
  organizationId: OWN,
  principal: 'municipality',
  targetGroups: ['relatives'],
  careLevels: ['social-services-ifo'],
  referralRequired: 'no',
  languages: ['sv', 'en'],
  municipalities: [OWN],
  phones: '063-14 30 00 | Växel',
  schedules: 'MO-FR 08:00-16:30 visiting\nTU 17:00-19:00 phone\nMO,WE 09:00-12:00 drop-in 2026-06-22..2026-08-14',
  'loc0.name': 'Rådhuset',
  'loc0.street': 'Rådhusgatan 44',
  'loc0.postalCode': '831 82',
  'loc0.city': 'Östersund',
  'loc0.municipality': OWN,
};

describe('/personal/hitta-stod: who may do what (role × organisation × cookie)', () => {
  const cases = ([['admin'], ['editor'], ['moderator'], []] as Role[][]).flatMap((roles) =>
    [OWN, OTHER].flatMap((org) => [true, false].map((withCookie) => ({ roles, org, withCookie }))),
  );
  test.each(cases)('roles $roles, organisation $org, cookie $withCookie', async ({ roles, org, withCookie }) => {
    const h = await setup();
    const cookie = withCookie ? await h.cookie(roles, org) : '';
    const { etag } = await h.stored(h.own.id);
    const list = await h.app.request(PATH, { headers: { cookie, accept: 'text/html' } });
    const edit = await h.app.request(`${PATH}/${h.own.id}`, { headers: { cookie, accept: 'text/html' } });
    const verify = await h.post(`${PATH}/${h.own.id}/kontrollerad`, { etag }, cookie);
    const create = await h.post(`${PATH}/ny`, NEW_SERVICE, cookie);
    for (const res of [list, edit, verify, create]) expect(res.headers.get('cache-control')).toBe('private, no-store');
    const after = await h.stored(h.own.id);
    const names = ((await (await h.app.request('/api/directory/services?limit=50')).json()) as { items: { name: string }[] }).items.map(
      (s) => s.name,
    );
    if (!withCookie) {
      expect([list.status, edit.status, verify.status, create.status]).toEqual([303, 303, 401, 401]);
      expect(list.headers.get('location')).toBe('/logga-in?tillbaka=%2Fpersonal%2Fhitta-stod');
    } else if (roles.includes('admin') || (roles.includes('editor') && org === OWN)) {
      expect([list.status, edit.status, verify.status, create.status]).toEqual([200, 200, 303, 303]);
    } else if (roles.includes('editor')) {
      // an editor of another organisation: the section, but not this service nor a service for Östersund
      expect([list.status, edit.status, verify.status, create.status]).toEqual([200, 403, 403, 400]);
      expect(await list.text()).not.toContain('Mottagning Östersund');
    } else {
      expect([list.status, edit.status, verify.status, create.status]).toEqual([403, 403, 403, 403]);
    }
    const allowed = withCookie && (roles.includes('admin') || (roles.includes('editor') && org === OWN));
    expect(after.etag !== etag).toBe(allowed);
    expect(names.includes('Anhörigstöd Östersund')).toBe(allowed);
  });
});

describe('/personal/hitta-stod pages', () => {
  test('the list shows my organisation’s services with freshness; Fortfarande korrekt verifies today', async () => {
    const h = await setup();
    const cookie = await h.cookie(['editor'], OWN);
    const html = await (await h.app.request(PATH, { headers: { cookie } })).text();
    expect(html).toContain('Mottagning Östersund');
    expect(html).not.toContain('Mottagning Krokom');
    expect(html).toContain('aldrig');
    expect(html).toContain('(behöver kontrolleras)');
    const { etag } = await h.stored(h.own.id);
    const res = await h.post(`${PATH}/${h.own.id}/kontrollerad`, { etag }, cookie);
    expect(res.headers.get('location')).toBe(`${PATH}?meddelande=verified`);
    const after = await h.stored(h.own.id);
    expect((after.body.verified as { at: string }).at.slice(0, 10)).toBe('2026-11-23');
    expect(after.body.stale).toBe(false);
    // the confidential address is kept as it was
    expect(after.body.locations).toEqual([
      { name: 'Skyddat boende', street: 'Hemliga gatan 1', city: 'Östersund', municipality: OWN, confidential: true },
    ]);
    const list = await (await h.app.request(`${PATH}?meddelande=verified&lang=en`, { headers: { cookie } })).text();
    expect(list).toContain('The service is marked as checked today.');
    expect(list).toContain('2026-11-23');
    // the same form posted twice: the second is stale, nothing changes
    const again = await h.post(`${PATH}/${h.own.id}/kontrollerad`, { etag }, cookie);
    expect(again.headers.get('location')).toBe(`${PATH}?meddelande=stale`);
    expect((await h.stored(h.own.id)).etag).toBe(after.etag);
  });

  test('Fortfarande korrekt on an entry the area no longer accepts: a message, nothing stored', async () => {
    const h = await setup();
    const cookie = await h.cookie(['admin']);
    // the area dropped a language the stored service still names
    const before = await h.stored(h.own.id);
    const { id: _id, created: _c, updated: _u, stale: _s, ...input } = before.body;
    const put = await h.app.request(
      `/api/directory/services/${h.own.id}`,
      jsonInit('PUT', { ...input, languages: ['sv', 'en'] }, h.admin, { 'if-match': before.etag }),
    );
    expect(put.status).toBe(200);
    const narrower = { ...h.deps, config: { ...h.deps.config, languages: ['sv'] } };
    const app = createDirectoryApp(narrower);
    const { etag } = await h.stored(h.own.id);
    const res = await app.request(`${PATH}/${h.own.id}/kontrollerad`, {
      method: 'POST',
      headers: { ...FORM, cookie },
      body: new URLSearchParams({ etag }).toString(),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${PATH}?meddelande=invalid`);
    expect((await h.stored(h.own.id)).etag).toBe(etag);
  });

  test('create: every form field reaches the API; the confidential address stays out of public answers', async () => {
    const h = await setup();
    const cookie = await h.cookie(['editor'], OWN);
    const res = await h.post(
      `${PATH}/ny`,
      { ...NEW_SERVICE, 'loc1.street': 'Dold väg 2', 'loc1.municipality': OWN, 'loc1.confidential': 'on' },
      cookie,
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${PATH}?meddelande=created`);
    const found = (await (await h.app.request('/api/directory/services?q=anh%C3%B6rigst%C3%B6d')).json()) as {
      items: Record<string, unknown>[];
    };
    const service = found.items.find((s) => s.name === 'Anhörigstöd Östersund')!;
    expect(service).toMatchObject({
      description: 'Samtal för anhöriga.',
      organizationId: OWN,
      targetGroups: ['relatives'],
      careLevels: ['social-services-ifo'],
      referralRequired: false,
      languages: ['sv', 'en'],
      phones: [{ number: '063-14 30 00', description: 'Växel' }],
      schedules: [
        { kind: 'visiting', byday: ['MO', 'TU', 'WE', 'TH', 'FR'], opensAt: '08:00', closesAt: '16:30' },
        { kind: 'phone', byday: ['TU'], opensAt: '17:00', closesAt: '19:00' },
        { kind: 'drop-in', byday: ['MO', 'WE'], opensAt: '09:00', closesAt: '12:00', validFrom: '2026-06-22', validTo: '2026-08-14' },
      ],
      locations: [
        { name: 'Rådhuset', street: 'Rådhusgatan 44', postalCode: '831 82', city: 'Östersund', municipality: OWN, confidential: false },
        { confidential: true, municipality: OWN },
      ],
    });
    const page = await (await h.app.request(`/hitta-stod/tjanst/${service.id as string}`)).text();
    expect(page).toContain('Rådhusgatan 44');
    expect(page).not.toContain('Dold väg 2');
    // the editor sees it in the edit form
    const form = await (await h.app.request(`${PATH}/${service.id as string}`, { headers: { cookie } })).text();
    expect(form).toContain('Dold väg 2');
    // the dated opening period comes back as typed, so saving the form again keeps it
    expect(form).toContain('MO,WE 09:00-12:00 drop-in 2026-06-22..2026-08-14');
  });

  test('the edit form posted back unchanged keeps what it does not show as text (map position, dated hours)', async () => {
    const h = await setup();
    const cookie = await h.cookie(['editor'], OWN);
    const html = await (await h.app.request(`${PATH}/${h.placed.id}`, { headers: { cookie } })).text();
    const before = await h.stored(h.placed.id);
    const fields: Record<string, string[]> = {};
    const add = (name: string, value: string) =>
      (fields[name] = [...(fields[name] ?? []), value.replace(/&quot;/g, '"').replace(/&amp;/g, '&')]);
    const start = html.indexOf('<form method="post" action="/personal/hitta-stod/');
    const form = html.slice(start, html.indexOf('</form>', start));
    for (const m of form.matchAll(/<input type="(?:hidden|text)"[^>]*?name="([^"]+)" value="([^"]*)"/g)) add(m[1]!, m[2]!);
    for (const m of form.matchAll(/<input type="checkbox"[^>]*?name="([^"]+)" value="([^"]*)" checked/g)) add(m[1]!, m[2]!);
    for (const m of form.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)<\/textarea>/g)) add(m[1]!, m[2]!);
    for (const m of form.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
      const chosen = /<option value="([^"]*)" selected/.exec(m[2]!);
      if (chosen) add(m[1]!, chosen[1]!);
    }
    expect(fields['loc0.latitude']).toEqual(['63.1767']);
    const res = await h.post(`${PATH}/${h.placed.id}`, fields, cookie);
    expect(res.headers.get('location')).toBe(`${PATH}?meddelande=saved`);
    const after = await h.stored(h.placed.id);
    expect(after.body.locations).toEqual(before.body.locations);
    expect(after.body.schedules).toEqual(before.body.schedules);
  });

  test('bad input: messages next to the fields, what was typed kept, nothing stored', async () => {
    const h = await setup();
    const cookie = await h.cookie(['editor'], OWN);
    const before = (await (await h.app.request('/api/directory/services?limit=50')).json()) as { total: number };
    const res = await h.post(
      `${PATH}/ny`,
      { ...NEW_SERVICE, name: '', phones: 'ring mig', schedules: 'måndag hela dagen', 'loc0.postalCode': '12', url: 'javascript:alert(1)' },
      cookie,
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    for (const id of ['f-name-error', 'f-phones-error', 'f-schedules-error', 'f-loc0-postalCode-error', 'f-url-error'])
      expect(html).toContain(`id="${id}"`);
    expect(html).toContain('Ett postnummer är fem siffror.');
    expect(html).toContain('måndag hela dagen');
    expect(html).toContain('ring mig');
    const after = (await (await h.app.request('/api/directory/services?limit=50')).json()) as { total: number };
    expect(after.total).toBe(before.total);
  });

  test('no text a person can type gives a 500 or a partial store', async () => {
    const h = await setup();
    const cookie = await h.cookie(['admin']);
    const { etag } = await h.stored(h.own.id);
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          name: fc.string({ maxLength: 200 }),
          phones: fc.string({ maxLength: 60 }),
          schedules: fc.string({ maxLength: 60 }),
          street: fc.string({ maxLength: 200 }),
        }),
        async (typed) => {
          const res = await h.post(
            `${PATH}/${h.own.id}`,
            {
              ...NEW_SERVICE,
              etag: 'stale',
              name: typed.name,
              phones: typed.phones,
              schedules: typed.schedules,
              'loc0.street': typed.street,
            },
            cookie,
          );
          expect([400, 409]).toContain(res.status);
        },
      ),
      { numRuns: 40 },
    );
    expect((await h.stored(h.own.id)).etag).toBe(etag);
  });

  test('a stale edit shows both versions; saving again keeps mine, the link takes the stored one', async () => {
    const h = await setup();
    const cookie = await h.cookie(['editor'], OWN);
    const form = await (await h.app.request(`${PATH}/${h.own.id}`, { headers: { cookie } })).text();
    const oldEtag = /name="etag" value="([^"]+)"/.exec(form)![1]!.replace(/&quot;/g, '"');
    // a colleague renames it meanwhile, through the API
    const current = await h.stored(h.own.id);
    const { id: _id, created: _c, updated: _u, stale: _s, ...input } = current.body;
    const put = await h.app.request(
      `/api/directory/services/${h.own.id}`,
      jsonInit('PUT', { ...input, name: 'Kollegans namn' }, h.admin, { 'if-match': current.etag }),
    );
    expect(put.status).toBe(200);
    const mine = { ...NEW_SERVICE, name: 'Mitt namn', etag: oldEtag };
    const conflict = await h.post(`${PATH}/${h.own.id}`, mine, cookie);
    expect(conflict.status).toBe(409);
    const html = await conflict.text();
    expect(html).toContain('Den sparade versionen');
    expect(html).toContain('Kollegans namn');
    expect(html).toContain('value="Mitt namn"');
    expect(html).toContain(`href="${PATH}/${h.own.id}"`);
    expect((await h.stored(h.own.id)).body.name).toBe('Kollegans namn');
    const newEtag = /name="etag" value="([^"]+)"/.exec(html)![1]!.replace(/&quot;/g, '"');
    const keep = await h.post(`${PATH}/${h.own.id}`, { ...mine, etag: newEtag }, cookie);
    expect(keep.headers.get('location')).toBe(`${PATH}?meddelande=saved`);
    expect((await h.stored(h.own.id)).body.name).toBe('Mitt namn');
  });

  test('retire: the service leaves the public search; the history keeps it', async () => {
    const h = await setup();
    const cookie = await h.cookie(['admin']);
    const { etag } = await h.stored(h.other.id);
    const res = await h.post(`${PATH}/${h.other.id}/avsluta`, { etag }, cookie);
    expect(res.headers.get('location')).toBe(`${PATH}?meddelande=retired`);
    expect((await h.stored(h.other.id)).body.status).toBe('retired');
    const names = ((await (await h.app.request('/api/directory/services?q=krokom')).json()) as { items: { name: string }[] }).items.map(
      (s) => s.name,
    );
    expect(names).not.toContain('Mottagning Krokom');
    const history = await h.app.request(`/api/directory/services/${h.other.id}/history`, { headers: { authorization: h.admin } });
    expect(JSON.stringify(await history.json())).toContain('retire');
  });

  test('a form posted from another site is refused and stores nothing', async () => {
    const h = await setup();
    const cookie = await h.cookie(['admin']);
    const { etag } = await h.stored(h.own.id);
    const res = await h.app.request(`${PATH}/${h.own.id}/avsluta`, {
      method: 'POST',
      headers: { ...FORM, origin: 'https://evil.example', cookie },
      body: new URLSearchParams({ etag }).toString(),
    });
    expect(res.status).toBe(403);
    expect((await h.stored(h.own.id)).etag).toBe(etag);
  });
});
