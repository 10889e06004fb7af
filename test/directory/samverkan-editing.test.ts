import { describe, expect, it } from 'vitest';
import { directoryApp, json, jsonInit, kindaService } from './helpers.js';

const CONTACT = 'Astrid Kontaktperson';

function group(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Arbetsgrupp LVM-processen',
    level: 'arbetsgrupp',
    members: ['0513', 'region'],
    memberRoles: [
      { organization: '0513', role: 'socialchef' },
      { organization: 'region', role: 'verksamhetschef beroendekliniken' },
    ],
    contacts: [{ name: CONTACT, title: 'Samordnare', email: 'astrid@regionostergotland.se' }],
    meetings: [
      {
        id: 'm1',
        date: '2026-03-10',
        decisions: [{ text: 'Ta fram rutin för LVM', responsible: '0513', deadline: '2026-06-30', status: 'pagar' }],
      },
    ],
    ...overrides,
  };
}

// the test clock stands at 2026-11-23 (Stockholm)
function plan(agreementId: string, overrides: Record<string, unknown> = {}) {
  return {
    title: 'Handlingsplan 2026',
    owner: 'region',
    agreementId,
    items: [
      { id: 'a', what: 'Gemensam rutin för SIP', responsible: '0513', deadline: '2026-06-30', status: 'pagar' },
      { id: 'b', what: 'Utbildning i MI', responsible: '0580', deadline: '2026-12-31', status: 'ej-paborjad' },
      { id: 'c', what: 'Kartläggning', responsible: 'region', deadline: '2026-03-01', status: 'klar' },
    ],
    ...overrides,
  };
}

async function setup() {
  const env = await directoryApp();
  const admin = await env.kit.bearer({ roles: ['admin'] });
  const editor = (org: string) => env.kit.bearer({ roles: ['editor'], org });
  const post = async (kind: string, body: unknown) => {
    const res = await env.app.request(`/api/directory/${kind}`, jsonInit('POST', body, admin));
    expect(res.status).toBe(201);
    return { id: (await json(res)).id as string, etag: res.headers.get('etag')! };
  };
  const put = (kind: string, id: string, body: unknown, auth: string, etag: string) =>
    env.app.request(`/api/directory/${kind}/${id}`, jsonInit('PUT', body, auth, { 'if-match': etag }));
  const read = async (kind: string, id: string, auth = admin) =>
    json(await env.app.request(`/api/directory/${kind}/${id}`, { headers: { authorization: auth } }));
  const etagOf = async (kind: string, id: string) => (await env.app.request(`/api/directory/${kind}/${id}`)).headers.get('etag')!;
  return { ...env, admin, editor, post, put, read, etagOf };
}

describe('replacing a group keeps the parts the request leaves out', () => {
  it('keeps meetings, decisions, contacts, members and roles that a PUT does not send', async () => {
    const { post, put, read, admin } = await setup();
    const { id, etag } = await post('groups', group());
    const before = await read('groups', id);
    const res = await put('groups', id, { name: 'Arbetsgrupp LVM', mandate: 'Samordna LVM-processen' }, admin, etag);
    expect(res.status).toBe(200);
    const after = await read('groups', id);
    expect(after.name).toBe('Arbetsgrupp LVM');
    expect(after.mandate).toBe('Samordna LVM-processen');
    for (const part of ['meetings', 'contacts', 'members', 'memberRoles']) expect(after[part], part).toEqual(before[part]);
    expect(after.meetings[0].decisions).toHaveLength(1);
  });

  it('replaces a part that is sent, even with an empty list', async () => {
    const { post, put, read, admin } = await setup();
    const { id, etag } = await post('groups', group());
    expect((await put('groups', id, { name: 'Arbetsgrupp LVM', meetings: [], contacts: [] }, admin, etag)).status).toBe(200);
    const after = await read('groups', id);
    expect(after.meetings).toEqual([]);
    expect(after.contacts).toEqual([]);
    expect(after.members).toEqual(['0513', 'region']);
  });

  it('does not let an editor drop or change another member organisation or its role', async () => {
    const { post, put, read, editor, etagOf } = await setup();
    const { id, etag } = await post('groups', group());
    const kinda = await editor('0513');
    const cases: [Record<string, unknown>, string][] = [
      [{ members: ['0513'], memberRoles: [{ organization: '0513', role: 'socialchef' }] }, 'members'],
      [{ members: ['0513', 'region', '0580'] }, 'members'],
      [{ memberRoles: [{ organization: '0513', role: 'socialchef' }] }, 'memberRoles'],
    ];
    for (const [body, field] of cases) {
      const res = await put('groups', id, { name: 'Arbetsgrupp LVM', ...body }, kinda, etag);
      expect(res.status, field).toBe(403);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const problem = await json(res);
      expect(problem.title).toBeTruthy();
      expect(problem.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await etagOf('groups', id)).toBe(etag);
    }
    // its own role is its own to change
    const own = group().memberRoles.map((r) => (r.organization === '0513' ? { ...r, role: 'enhetschef' } : r));
    const ok = await put('groups', id, { name: 'Arbetsgrupp LVM', memberRoles: own }, kinda, etag);
    expect(ok.status).toBe(200);
    expect((await read('groups', id)).memberRoles).toEqual(own);
  });
});

describe('replacing an agreement or a plan keeps the parts the request leaves out', () => {
  it('keeps an agreement’s life cycle, goals, parties and roles when a PUT leaves them out', async () => {
    const { post, put, read, admin } = await setup();
    const { id, etag } = await post('agreements', {
      title: 'Överenskommelse 2014',
      parties: ['region', '0513'],
      partyRoles: [{ organization: '0513', role: 'part' }],
      lifecycle: [{ status: 'gallande', date: '2014-01-01' }],
      goals: [{ text: 'Fler SIP', indicators: ['sip-established'], target: 200, direction: 'increase' }],
    });
    const before = await read('agreements', id);
    const res = await put('agreements', id, { title: 'Överenskommelse 2014 (reviderad)' }, admin, etag);
    expect(res.status).toBe(200);
    const after = await read('agreements', id);
    for (const part of ['lifecycle', 'goals', 'parties', 'partyRoles']) expect(after[part], part).toEqual(before[part]);
  });

  it('keeps a plan’s items when a PUT leaves them out', async () => {
    const { app, post, put, read, admin } = await setup();
    const agreementId = (await json(await app.request('/api/directory/agreements?limit=1'))).items[0].id as string;
    const { id, etag } = await post('plans', plan(agreementId));
    const res = await put('plans', id, { title: 'Handlingsplan 2026–2027', owner: 'region', agreementId }, admin, etag);
    expect(res.status).toBe(200);
    expect((await read('plans', id)).items).toHaveLength(3);
  });
});

describe('a whole-plan replacement keeps the own-item rule', () => {
  async function planSetup() {
    const env = await setup();
    const agreementId = (await json(await env.app.request('/api/directory/agreements?limit=1'))).items[0].id as string;
    const created = await env.post('plans', plan(agreementId));
    return { ...env, agreementId, ...created, region: await env.editor('region') };
  }
  const withItem = (agreementId: string, id: string, change: Record<string, unknown>) =>
    plan(agreementId, { items: plan(agreementId).items.map((i) => (i.id === id ? { ...i, ...change } : i)) });

  it("refuses the owner's editor a change, removal or addition of another organisation's item, storing nothing", async () => {
    const { agreementId, id, etag, put, region, etagOf } = await planSetup();
    const items = plan(agreementId).items;
    const cases: [unknown, string][] = [
      [withItem(agreementId, 'a', { status: 'klar' }), 'items.0'],
      [plan(agreementId, { items: items.filter((i) => i.id !== 'b') }), 'items.b'],
      [plan(agreementId, { items: [...items, { id: 'd', what: 'Ny punkt', responsible: '0513' }] }), 'items.3'],
      [withItem(agreementId, 'c', { responsible: '0513' }), 'items.2'],
    ];
    for (const [body, field] of cases) {
      const res = await put('plans', id, body, region, etag);
      expect(res.status, field).toBe(403);
      const problem = await json(res);
      expect(problem.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await etagOf('plans', id)).toBe(etag);
    }
  });

  it("lets the owner's editor change the plan and its own items, and an admin everything", async () => {
    const { agreementId, id, etag, put, region, admin, read } = await planSetup();
    const own = { ...withItem(agreementId, 'c', { status: 'skjuten-upp' }), title: 'Handlingsplan 2026 (rev)' };
    const ok = await put('plans', id, own, region, etag);
    expect(ok.status).toBe(200);
    expect((await read('plans', id)).items[2].status).toBe('skjuten-upp');
    const all = await put('plans', id, withItem(agreementId, 'a', { status: 'klar' }), admin, ok.headers.get('etag')!);
    expect(all.status).toBe(200);
  });

  it("applies the same rule to a CSV import by the owner's editor", async () => {
    const { app, id, etag, region, etagOf } = await planSetup();
    const csv = await (await app.request(`/api/directory/plans/${id}/items.csv`)).text();
    const post = (body: string) =>
      app.request(`/api/directory/plans/${id}/items.csv`, {
        method: 'POST',
        body,
        headers: { authorization: region, 'content-type': 'text/csv', 'if-match': etag },
      });
    const lines = csv.split('\r\n');
    expect(lines[2]).toMatch(/^b;/);
    const cases: [string, string][] = [
      [csv.replace(';Pågår;', ';Klar;'), 'row 2'],
      [lines.filter((_, i) => i !== 2).join('\r\n'), 'id b'],
    ];
    for (const [body, field] of cases) {
      const res = await post(body);
      expect(res.status, field).toBe(403);
      expect((await json(res)).errors.map((e: { field: string }) => e.field)).toEqual([field]);
      expect(await etagOf('plans', id)).toBe(etag);
    }
    // its own item (row 4) is its own to change
    expect((await post(csv.replace(';Klar;', ';Stoppad;'))).status).toBe(200);
  });
});

describe('a stale If-Match answers with the resource as that caller may read it', () => {
  it('leaves named contacts out of the 412 for staff of another organisation, and keeps them for the group’s own', async () => {
    const { post, put, editor, read, admin } = await setup();
    const { id, etag } = await post('groups', group());
    expect((await put('groups', id, { name: 'Nytt namn' }, admin, etag)).status).toBe(200);
    const other = await editor('0580');
    const stale = await put('groups', id, { name: 'Äldre namn' }, other, etag);
    expect(stale.status).toBe(412);
    const text = await stale.clone().text();
    expect(text).not.toContain(CONTACT);
    expect(text).not.toContain('astrid@');
    const problem = await json(stale);
    expect(problem.current).toEqual(await read('groups', id, other));
    const member = await editor('0513');
    const own = await json(await put('groups', id, { name: 'Äldre namn' }, member, etag));
    expect(own.current.contacts[0].name).toBe(CONTACT);
    expect(own.current).toEqual(await read('groups', id, member));
  });

  it('leaves a confidential address out of the 412 for staff of another organisation', async () => {
    const { app, post, editor } = await setup();
    const shelter = { confidential: true, street: 'Hemlig väg 2', postalCode: '590 40', city: 'Kisa', municipality: '0513' };
    const { id, etag } = await post('services', kindaService({ locations: [shelter] }));
    const other = await editor('0580');
    const stale = await app.request(`/api/directory/services/${id}`, jsonInit('DELETE', {}, other, { 'if-match': '"stale"' }));
    expect(stale.status).toBe(412);
    expect(await stale.text()).not.toContain('Hemlig väg');
    expect(etag).toBeTruthy();
  });
});
