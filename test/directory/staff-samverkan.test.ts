import { describe, expect, test } from 'vitest';
import type { Role } from '../../functions/core/auth/auth.js';
import { sessionCookie } from '../support/session.js';
import { directoryApp, json, jsonInit } from './helpers.js';

const OWN = '0513';
const OTHER = '0580';
const PATH = '/personal/hitta-stod/samverkan';
const FORM = { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost', accept: 'text/html' };
const CONTACT = 'Astrid Kontaktperson';

/** An Östergötland app with a group, an agreement and a plan of Kinda (and one of each of Linköping), made through the API. */
async function setup() {
  const h = await directoryApp('ostergotland');
  const admin = await h.kit.bearer({ roles: ['admin'] });
  const make = async (kind: string, body: Record<string, unknown>) => {
    const res = await h.app.request(`/api/directory/${kind}`, jsonInit('POST', body, admin));
    expect(res.status).toBe(201);
    return (await res.json()) as { id: string };
  };
  const group = await make('groups', {
    name: 'Arbetsgrupp SIP Kinda',
    level: 'arbetsgrupp',
    members: [OWN, 'region'],
    memberRoles: [{ organization: OWN, role: 'socialchef' }],
    contacts: [{ name: CONTACT, title: 'Samordnare', email: 'astrid@kinda.se' }],
    meetings: [
      { id: 'm1', date: '2026-03-10', decisions: [{ text: 'Ta fram rutin', responsible: OWN, deadline: '2026-06-30', status: 'pagar' }] },
    ],
  });
  const otherGroup = await make('groups', { name: 'Linköpings grupp', members: [OTHER] });
  const agreement = await make('agreements', {
    title: 'Överenskommelse Kinda',
    parties: [OWN, 'region'],
    owner: OWN,
    starts: '2025-01-01',
    ends: '2027-12-31',
    reviewDate: '2026-12-15',
    lifecycle: [{ status: 'gallande', date: '2025-01-01' }],
  });
  const plan = await make('plans', {
    title: 'Handlingsplan Kinda',
    owner: 'region',
    agreementId: agreement.id,
    items: [
      { id: 'a', what: 'Gemensam rutin för SIP', responsible: OWN, deadline: '2026-06-30', status: 'pagar' },
      { id: 'b', what: 'Utbildning i MI', responsible: OTHER, deadline: '2027-06-30' },
    ],
  });
  const cookie = (roles: readonly Role[], org?: string) => sessionCookie(h.deps, { roles, org });
  const stored = async (kind: string, id: string) => {
    const res = await h.app.request(`/api/directory/${kind}/${id}`, { headers: { authorization: admin } });
    return { body: await json(res), etag: res.headers.get('etag')! };
  };
  const post = async (path: string, fields: Record<string, string | string[]>, cookieHeader: string) => {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
    return h.app.request(path, { method: 'POST', headers: { ...FORM, cookie: cookieHeader }, body: body.toString() });
  };
  return { ...h, admin, group, otherGroup, agreement, plan, cookie, stored, post };
}

/** The group form as a person sends it. */
const groupForm = (name: string, etag: string) => ({
  etag,
  name,
  level: 'arbetsgrupp',
  mandate: 'Samordna SIP',
  members: [OWN, 'region'],
  [`role.${OWN}`]: 'socialchef',
  contacts: `${CONTACT} | Samordnare | astrid@kinda.se`,
});

/** The agreement form as a person sends it. */
const agreementForm = (title: string, etag: string) => ({
  etag,
  title,
  owner: OWN,
  parties: [OWN, 'region'],
  starts: '2025-01-01',
  ends: '2027-12-31',
  reviewDate: '2026-12-15',
});

describe('/personal/hitta-stod/samverkan: who may do what (role × organisation × cookie)', () => {
  const cases = ([['admin'], ['editor'], ['moderator'], []] as Role[][]).flatMap((roles) =>
    [OWN, OTHER].flatMap((org) => [true, false].map((withCookie) => ({ roles, org, withCookie }))),
  );
  test.each(cases)('roles $roles, organisation $org, cookie $withCookie', async ({ roles, org, withCookie }) => {
    const h = await setup();
    const cookie = withCookie ? await h.cookie(roles, org) : '';
    const before = {
      group: await h.stored('groups', h.group.id),
      agreement: await h.stored('agreements', h.agreement.id),
      plan: await h.stored('plans', h.plan.id),
    };
    const get = (path: string) => h.app.request(path, { headers: { cookie, accept: 'text/html' } });
    const gets = [
      await get(PATH),
      await get(`${PATH}/grupper/${h.group.id}`),
      await get(`${PATH}/grupper/${h.group.id}/moten/ny`),
      await get(`${PATH}/overenskommelser/${h.agreement.id}`),
      await get(`${PATH}/planer/${h.plan.id}`),
    ];
    const posts = [
      await h.post(`${PATH}/grupper/${h.group.id}`, groupForm('Nytt namn', before.group.etag), cookie),
      await h.post(`${PATH}/overenskommelser/${h.agreement.id}`, agreementForm('Ny titel', before.agreement.etag), cookie),
      await h.post(
        `${PATH}/planer/${h.plan.id}/punkter/a`,
        { etag: before.plan.etag, 'a.status': 'klar', 'a.noteDate': '2026-11-23', 'a.note': 'Klar' },
        cookie,
      ),
    ];
    expect(gets.length + posts.length).toBe(8);
    for (const res of [...gets, ...posts]) expect(res.headers.get('cache-control')).toBe('private, no-store');
    const statuses = [...gets, ...posts].map((r) => r.status);
    const allowed = withCookie && (roles.includes('admin') || (roles.includes('editor') && org === OWN));
    if (!withCookie) {
      expect(statuses).toEqual([303, 303, 303, 303, 303, 401, 401, 401]);
      expect(gets[0]!.headers.get('location')).toBe('/logga-in?tillbaka=%2Fpersonal%2Fhitta-stod%2Fsamverkan');
    } else if (allowed) {
      expect(statuses).toEqual([200, 200, 200, 200, 200, 303, 303, 303]);
    } else if (roles.includes('editor')) {
      // an editor of Linköping: the section and the plan (an item is theirs), but not Kinda's group, agreement or item
      expect(statuses).toEqual([200, 403, 403, 403, 200, 403, 403, 403]);
      const list = await gets[0]!.text();
      expect(list).toContain('Linköpings grupp');
      expect(list).not.toContain('Arbetsgrupp SIP Kinda');
    } else {
      expect(statuses).toEqual([403, 403, 403, 403, 403, 403, 403, 403]);
    }
    const after = {
      group: await h.stored('groups', h.group.id),
      agreement: await h.stored('agreements', h.agreement.id),
      plan: await h.stored('plans', h.plan.id),
    };
    expect(after.group.etag !== before.group.etag).toBe(allowed);
    expect(after.agreement.etag !== before.agreement.etag).toBe(allowed);
    expect(after.plan.etag !== before.plan.etag).toBe(allowed);
    if (allowed) expect(after.plan.body.items[0]).toMatchObject({ status: 'klar', notes: [{ date: '2026-11-23', text: 'Klar' }] });
  });
});

describe('/personal/hitta-stod/samverkan pages', () => {
  test('the overview names what needs attention: review date near, no goals, overdue items and decisions', async () => {
    const h = await setup();
    const ending = await h.app.request(
      '/api/directory/agreements',
      jsonInit(
        'POST',
        {
          title: 'Snart slut',
          parties: [OWN],
          ends: '2027-01-31',
          reviewDate: '2026-10-01',
          goals: [{ text: 'Fler SIP', indicators: ['sip-established'], target: 10, direction: 'increase' }],
        },
        h.admin,
      ),
    );
    expect(ending.status).toBe(201);
    const html = await (await h.app.request(PATH, { headers: { cookie: await h.cookie(['editor'], OWN) } })).text();
    expect(html).toContain('Upphör om 69 dagar');
    expect(html).toContain('Revideringsdatumet har passerat');
    // Kinda's own agreement has no goals; the seeded county-wide one (its målsättningar) and the one ending soon have
    expect(html.match(/Saknar mål/g)).toHaveLength(1);
    expect(html).toContain('Revideras om 22 dagar');
    expect(html).toContain('Saknar mål');
    expect(html).toContain('1 försenade punkter');
    expect(html).toContain('1 försenade beslut');
    const en = await (await h.app.request(`${PATH}?lang=en`, { headers: { cookie: await h.cookie(['editor'], OWN) } })).text();
    expect(en).toContain('Review in 22 days');
    expect(en).toContain('Has no goals');
  });

  test('a new group: every field reaches the API; named contacts stay off the public pages', async () => {
    const h = await setup();
    const cookie = await h.cookie(['editor'], OWN);
    const res = await h.post(
      `${PATH}/grupper/ny`,
      {
        ...groupForm('Ny samverkansgrupp', ''),
        reportsTo: h.group.id,
        convenes: OWN,
        meetingRhythm: 'Fyra gånger per år',
        [`role.region`]: 'verksamhetschef; enhetschef',
        contacts: 'Berit Berg | Samordnare | berit@kinda.se',
      },
      cookie,
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${PATH}?meddelande=group-created`);
    const all = await json(await h.app.request('/api/directory/groups?limit=100'));
    const made = all.items.find((g: { name: string }) => g.name === 'Ny samverkansgrupp');
    const group = (await h.stored('groups', made.id)).body;
    expect(group).toMatchObject({
      level: 'arbetsgrupp',
      reportsTo: h.group.id,
      mandate: 'Samordna SIP',
      members: [OWN, 'region'],
      memberRoles: [
        { organization: 'region', role: 'verksamhetschef' },
        { organization: 'region', role: 'enhetschef' },
        { organization: OWN, role: 'socialchef' },
      ],
      convenes: OWN,
      meetingRhythm: 'Fyra gånger per år',
      contacts: [{ name: 'Berit Berg', title: 'Samordnare', email: 'berit@kinda.se' }],
    });
    const publicPage = await (await h.app.request('/hitta-stod/samverkan')).text();
    expect(publicPage).toContain('Ny samverkansgrupp');
    expect(publicPage).not.toContain('Berit Berg');
  });

  test('a meeting with decisions is added and shown on the public samverkan page; a decision is edited later', async () => {
    const h = await setup();
    const cookie = await h.cookie(['editor'], OWN);
    const { etag } = await h.stored('groups', h.group.id);
    const res = await h.post(
      `${PATH}/grupper/${h.group.id}/moten/ny`,
      {
        etag,
        date: '2026-11-20',
        agenda: 'SIP-rutin',
        minutesUrl: 'https://kinda.se/protokoll.pdf',
        'd0.text': 'Införa gemensam SIP-mall',
        'd0.responsible': 'region',
        'd0.deadline': '2027-03-01',
        'd0.status': 'ej-paborjad',
      },
      cookie,
    );
    expect(res.headers.get('location')).toBe(`${PATH}/grupper/${h.group.id}?meddelande=meeting-saved`);
    const group = (await h.stored('groups', h.group.id)).body;
    expect(group.meetings).toHaveLength(2);
    expect(group.meetings[1]).toMatchObject({
      id: '2026-11-20',
      agenda: 'SIP-rutin',
      minutesUrl: 'https://kinda.se/protokoll.pdf',
      decisions: [{ text: 'Införa gemensam SIP-mall', responsible: 'region', deadline: '2027-03-01', status: 'ej-paborjad' }],
    });
    expect(await (await h.app.request('/hitta-stod/samverkan')).text()).toContain('Införa gemensam SIP-mall');
    // the decision moves on from the meeting's own page
    const next = await h.stored('groups', h.group.id);
    const form = await (await h.app.request(`${PATH}/grupper/${h.group.id}/moten/2026-11-20`, { headers: { cookie } })).text();
    expect(form).toContain('value="Införa gemensam SIP-mall"');
    const edit = await h.post(
      `${PATH}/grupper/${h.group.id}/moten/2026-11-20`,
      { etag: next.etag, date: '2026-11-20', 'd0.text': 'Införa gemensam SIP-mall', 'd0.responsible': 'region', 'd0.status': 'pagar' },
      cookie,
    );
    expect(edit.status).toBe(303);
    expect((await h.stored('groups', h.group.id)).body.meetings[1].decisions[0].status).toBe('pagar');
  });

  test('an agreement: a dated status change is added, a goal with an indicator of the area, earlier changes kept', async () => {
    const h = await setup();
    const cookie = await h.cookie(['editor'], OWN);
    const { etag } = await h.stored('agreements', h.agreement.id);
    const res = await h.post(
      `${PATH}/overenskommelser/${h.agreement.id}`,
      {
        ...agreementForm('Överenskommelse Kinda', etag),
        documentUrl: 'https://kinda.se/overenskommelse.pdf',
        [`role.${OWN}`]: 'huvudman',
        newStatus: 'under-revidering',
        statusDate: '2026-11-20',
        'g0.text': 'Fler får SIP',
        'g0.indicator': 'sip-established',
        'g0.target': '2,5',
        'g0.direction': 'increase',
      },
      cookie,
    );
    expect(res.headers.get('location')).toBe(`${PATH}?meddelande=agreement-saved`);
    const a = (await h.stored('agreements', h.agreement.id)).body;
    expect(a).toMatchObject({
      documentUrl: 'https://kinda.se/overenskommelse.pdf',
      partyRoles: [{ organization: OWN, role: 'huvudman' }],
      lifecycle: [
        { status: 'gallande', date: '2025-01-01' },
        { status: 'under-revidering', date: '2026-11-20' },
      ],
      goals: [{ text: 'Fler får SIP', indicators: ['sip-established'], target: 2.5, direction: 'increase' }],
    });
  });

  test('an agreement goal without a target: only its direction and, when named, the baseline period', async () => {
    const h = await setup();
    const cookie = await h.cookie(['editor'], OWN);
    const { etag } = await h.stored('agreements', h.agreement.id);
    const form = {
      ...agreementForm('Överenskommelse Kinda', etag),
      'g0.text': 'SIP i högre grad',
      'g0.indicator': 'sip-established',
      'g0.target': '',
      'g0.direction': 'increase',
      'g1.text': 'Kortare väntan',
      'g1.indicator': 'wait-days-first-visit',
      'g1.target': ' ',
      'g1.direction': 'decrease',
      'g1.baseline': '2026-Q1',
    };
    expect((await h.post(`${PATH}/overenskommelser/${h.agreement.id}`, form, cookie)).status).toBe(303);
    const stored = await h.stored('agreements', h.agreement.id);
    expect(stored.body.goals).toEqual([
      { text: 'SIP i högre grad', indicators: ['sip-established'], direction: 'increase' },
      { text: 'Kortare väntan', indicators: ['wait-days-first-visit'], direction: 'decrease', baseline: '2026-Q1' },
    ]);
    // the form shows them again as they were typed, the target empty
    const page = await (await h.app.request(`${PATH}/overenskommelser/${h.agreement.id}`, { headers: { cookie } })).text();
    expect(page).toMatch(/name="g1\.baseline"[^>]*value="2026-Q1"|value="2026-Q1"[^>]*name="g1\.baseline"/);
    // to maintain needs a target; a baseline of another frequency is refused: the form's own texts next to the fields
    const post = (over: Record<string, string>) =>
      h.post(`${PATH}/overenskommelser/${h.agreement.id}`, { ...form, etag: stored.etag, ...over }, cookie);
    const maintain = await post({ 'g0.direction': 'maintain' });
    expect(maintain.status).toBe(400);
    const maintainHtml = await maintain.text();
    expect(maintainHtml).toContain('id="f-g0-target-error"');
    expect(maintainHtml).toContain('lämna tomt när överenskommelsen bara anger riktning');
    const yearly = await post({ 'g1.baseline': '2026' });
    expect(yearly.status).toBe(400);
    const yearlyHtml = await yearly.text();
    expect(yearlyHtml).toContain('id="f-g1-baseline-error"');
    expect(yearlyHtml).toContain('Skriv utgångsperioden som 2015, 2015-Q1 eller 2015-03');
    expect((await h.stored('agreements', h.agreement.id)).etag).toBe(stored.etag);
  });

  test('bad input: messages next to the fields in Swedish and English, nothing stored', async () => {
    const h = await setup();
    const cookie = await h.cookie(['editor'], OWN);
    const before = await h.stored('agreements', h.agreement.id);
    const res = await h.post(
      `${PATH}/overenskommelser/${h.agreement.id}?lang=en`,
      {
        ...agreementForm('', before.etag),
        ends: '2024-01-01',
        documentUrl: 'javascript:alert(1)',
        newStatus: 'upphort',
        statusDate: '2024-12-31',
        'g0.text': 'Mål utan tal',
        'g0.indicator': 'no-such-indicator',
        'g0.target': 'många',
        'g0.direction': 'increase',
      },
      cookie,
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    for (const id of ['f-title-error', 'f-documentUrl-error', 'f-g0-target-error']) expect(html).toContain(`id="${id}"`);
    expect(html).toContain('Enter a web address starting with https://.');
    expect(html).toContain('value="Mål utan tal"');
    const ends = await h.post(
      `${PATH}/overenskommelser/${h.agreement.id}`,
      { ...agreementForm('Titel', before.etag), ends: '2024-01-01' },
      cookie,
    );
    expect(ends.status).toBe(400);
    expect(await ends.text()).toContain('id="f-ends-error"');
    const sv = await h.post(
      `${PATH}/grupper/${h.group.id}`,
      { ...groupForm('Grupp', (await h.stored('groups', h.group.id)).etag), contacts: 'Anna | Chef | anna@gmail.com' },
      cookie,
    );
    expect(sv.status).toBe(400);
    const svHtml = await sv.text();
    expect(svHtml).toContain('id="f-contacts-error"');
    expect(svHtml).toContain('En kontakt per rad');
    expect((await h.stored('agreements', h.agreement.id)).etag).toBe(before.etag);
    // a meeting deadline before the meeting, and a bad date
    const { etag } = await h.stored('groups', h.group.id);
    const meeting = await h.post(
      `${PATH}/grupper/${h.group.id}/moten/ny`,
      { etag, date: '20 nov', 'd0.text': 'Något', 'd0.responsible': OWN, 'd0.deadline': '2026-01-01', 'd0.status': 'pagar' },
      cookie,
    );
    expect(meeting.status).toBe(400);
    expect(await meeting.text()).toContain('id="f-date-error"');
    const item = await h.post(
      `${PATH}/planer/${h.plan.id}/punkter/a`,
      { etag, 'a.status': 'klar', 'a.noteDate': 'i går', 'a.note': 'Klar' },
      cookie,
    );
    expect(item.status).toBe(400);
    expect(await item.text()).toContain('id="f-a-noteDate-error"');
    expect((await h.stored('groups', h.group.id)).etag).toBe(etag);
  });

  test('an editor cannot take their own organisation out of a group (it would leave their hands)', async () => {
    const h = await setup();
    const cookie = await h.cookie(['editor'], OWN);
    const { etag } = await h.stored('groups', h.group.id);
    const res = await h.post(
      `${PATH}/grupper/${h.group.id}`,
      { ...groupForm('Grupp', etag), members: ['region'], [`role.${OWN}`]: '' },
      cookie,
    );
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('id="f-members-error"');
    expect((await h.stored('groups', h.group.id)).etag).toBe(etag);
  });

  test('a form posted from another site is refused and stores nothing', async () => {
    const h = await setup();
    const cookie = await h.cookie(['admin']);
    const { etag } = await h.stored('plans', h.plan.id);
    const res = await h.app.request(`${PATH}/planer/${h.plan.id}/punkter/a`, {
      method: 'POST',
      headers: { ...FORM, origin: 'https://evil.example', cookie },
      body: new URLSearchParams({ etag, 'a.status': 'klar' }).toString(),
    });
    expect(res.status).toBe(403);
    expect((await h.stored('plans', h.plan.id)).etag).toBe(etag);
  });
});

describe('conflicts: a stale edit shows both versions and overwrites nothing', () => {
  test('group: saving again keeps mine, the link takes the stored one', async () => {
    const h = await setup();
    const cookie = await h.cookie(['editor'], OWN);
    const old = await h.stored('groups', h.group.id);
    const { id: _i, created: _c, updated: _u, stale: _s, verified: _v, ...input } = old.body;
    const put = await h.app.request(
      `/api/directory/groups/${h.group.id}`,
      jsonInit('PUT', { ...input, name: 'Kollegans namn' }, h.admin, { 'if-match': old.etag }),
    );
    expect(put.status).toBe(200);
    const conflict = await h.post(`${PATH}/grupper/${h.group.id}`, groupForm('Mitt namn', old.etag), cookie);
    expect(conflict.status).toBe(409);
    const html = await conflict.text();
    expect(html).toContain('Den sparade versionen');
    expect(html).toContain('Kollegans namn');
    expect(html).toContain('value="Mitt namn"');
    expect(html).toContain(`href="${PATH}/grupper/${h.group.id}"`);
    expect((await h.stored('groups', h.group.id)).body.name).toBe('Kollegans namn');
    const newEtag = /name="etag" value="([^"]+)"/.exec(html)![1]!.replace(/&quot;/g, '"');
    const keep = await h.post(`${PATH}/grupper/${h.group.id}`, groupForm('Mitt namn', newEtag), cookie);
    expect(keep.status).toBe(303);
    expect((await h.stored('groups', h.group.id)).body.name).toBe('Mitt namn');
  });

  test('agreement and plan item: the form sent twice is a conflict the second time, nothing doubled', async () => {
    const h = await setup();
    const cookie = await h.cookie(['admin']);
    const a = await h.stored('agreements', h.agreement.id);
    const form = { ...agreementForm('Överenskommelse Kinda', a.etag), newStatus: 'under-revidering', statusDate: '2026-11-20' };
    expect((await h.post(`${PATH}/overenskommelser/${h.agreement.id}`, form, cookie)).status).toBe(303);
    const twice = await h.post(`${PATH}/overenskommelser/${h.agreement.id}`, form, cookie);
    expect(twice.status).toBe(409);
    expect(await twice.text()).toContain('id="stored-title"');
    expect((await h.stored('agreements', h.agreement.id)).body.lifecycle).toHaveLength(2);
    const p = await h.stored('plans', h.plan.id);
    const item = { etag: p.etag, 'a.status': 'klar', 'a.noteDate': '2026-11-23', 'a.note': 'Rutinen är antagen' };
    expect((await h.post(`${PATH}/planer/${h.plan.id}/punkter/a`, item, cookie)).status).toBe(303);
    const again = await h.post(`${PATH}/planer/${h.plan.id}/punkter/a`, { ...item, 'a.status': 'stoppad' }, cookie);
    expect(again.status).toBe(409);
    const html = await again.text();
    expect(html).toContain('Den sparade versionen');
    expect(html).toContain('2026-11-23: Rutinen är antagen');
    const after = (await h.stored('plans', h.plan.id)).body.items[0];
    expect(after).toMatchObject({ status: 'klar', notes: [{ date: '2026-11-23', text: 'Rutinen är antagen' }] });
    // keep mine: the conflict page's form carries the stored version's ETag
    const etag = /name="etag" value="([^"]+)"/.exec(html)![1]!.replace(/&quot;/g, '"');
    expect(
      (await h.post(`${PATH}/planer/${h.plan.id}/punkter/a`, { ...item, etag, 'a.status': 'stoppad', 'a.note': '' }, cookie)).status,
    ).toBe(303);
    expect((await h.stored('plans', h.plan.id)).body.items[0].status).toBe('stoppad');
  });
});
