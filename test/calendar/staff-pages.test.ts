import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Role } from '../../functions/core/auth/auth.js';
import { getEvent, readAllEvents } from '../../functions/calendar/data/events.js';
import { sessionCookie } from '../support/session.js';
import { calendarKit } from './helpers.js';

const PATH = '/personal/utbildningar';
const form = { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost', accept: 'text/html' };

/** The form fields of a valid training by Ydre (0512). */
function fields(overrides: Record<string, string> = {}): URLSearchParams {
  return new URLSearchParams({
    title: 'MI fördjupning',
    description: 'En dag.',
    topic: 'mi',
    organizer: '0512',
    start: '2026-04-10T09:00',
    end: '2026-04-10T16:00',
    registrationDeadline: '2026-04-01T23:59',
    place: 'Kommunhuset',
    address: '',
    onlineUrl: '',
    capacity: '1',
    language: 'sv',
    ...overrides,
  });
}

async function setup() {
  const k = await calendarKit();
  const { id } = await k.create({ capacity: 1 });
  const cookie = (roles: Role[], org?: string) => sessionCookie(k.kit.deps, { roles, org, name: 'Ylva Ydre' });
  const post = (path: string, body: URLSearchParams, cookieHeader: string) =>
    k.app.request(path, { method: 'POST', headers: { ...form, cookie: cookieHeader }, body: body.toString() });
  return { ...k, id, cookie, post };
}

describe('who may use /personal/utbildningar (role × organisation × cookie)', () => {
  const ROLE_SETS: Role[][] = [['admin'], ['editor'], ['moderator'], []];
  const cases = ROLE_SETS.flatMap((roles) =>
    ['0512', '0513'].flatMap((org) => [true, false].map((withCookie) => ({ roles, org, withCookie }))),
  );
  test.each(cases)('roles $roles, organisation $org, cookie $withCookie', async ({ roles, org, withCookie }) => {
    const s = await setup();
    const headers: Record<string, string> = withCookie ? { cookie: await s.cookie(roles, org) } : {};
    const before = (await getEvent(s.kit.deps.store, s.id))!;
    const list = await s.app.request(PATH, { headers: { ...headers, accept: 'text/html' } });
    const edit = await s.app.request(`${PATH}/${s.id}`, { headers: { ...headers, accept: 'text/html' } });
    const csv = await s.app.request(`${PATH}/${s.id}/anmalningar.csv`, { headers });
    const change = await s.app.request(`${PATH}/${s.id}`, {
      method: 'POST',
      headers: { ...form, ...headers },
      body: fields({ title: 'Ändrad', etag: before.etag }).toString(),
    });
    for (const res of [list, edit, csv, change]) expect(res.headers.get('cache-control')).toBe('private, no-store');
    const after = (await getEvent(s.kit.deps.store, s.id))!.value;
    if (!withCookie) {
      expect([list.status, edit.status, csv.status, change.status]).toEqual([303, 303, 303, 401]);
      expect(list.headers.get('location')).toBe('/logga-in?tillbaka=%2Fpersonal%2Futbildningar');
      expect(after.title).toBe('MI grundkurs');
      return;
    }
    const staffRole = roles.includes('admin') || roles.includes('editor');
    const mayEdit = roles.includes('admin') || (roles.includes('editor') && org === '0512');
    expect(list.status).toBe(staffRole ? 200 : 403);
    expect([edit.status, csv.status, change.status]).toEqual(mayEdit ? [200, 200, 303] : [403, 403, 403]);
    expect(after.title).toBe(mayEdit ? 'Ändrad' : 'MI grundkurs');
    if (staffRole) expect((await list.text()).includes('MI grundkurs')).toBe(roles.includes('admin') || org === '0512');
  });
});

describe('/personal/utbildningar', () => {
  test('lists upcoming trainings first and the section on the landing registry', async () => {
    const s = await setup();
    await s.create({ title: 'Tidig kurs', start: '2026-02-20T09:00', end: '2026-02-20T12:00', registrationDeadline: '2026-02-15T12:00' });
    await s.create({ title: 'Gammal kurs', start: '2026-01-20T09:00', end: '2026-01-20T12:00', registrationDeadline: '2026-01-15T12:00' });
    const html = await (await s.app.request(PATH, { headers: { cookie: await s.cookie(['editor'], '0512') } })).text();
    const [tidig, mi, gammal] = ['Tidig kurs', 'MI grundkurs', 'Gammal kurs'].map((x) => html.indexOf(x));
    expect(tidig).toBeGreaterThan(0);
    expect(tidig).toBeLessThan(mi!);
    expect(mi).toBeLessThan(gammal!);
    const en = await (await s.app.request(`${PATH}?lang=en`, { headers: { cookie: await s.cookie(['editor'], '0512') } })).text();
    expect(en).toContain('Upcoming trainings');
  });

  test('creates a training through the API rules; bad input keeps the typed text and stores nothing', async () => {
    const s = await setup();
    const cookie = await s.cookie(['editor'], '0512');
    const bad = await s.post(`${PATH}/ny`, fields({ title: 'Min kurs', end: '2026-04-10T08:00', capacity: 'tjugo' }), cookie);
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('value="Min kurs"');
    expect(html).toContain('Skriv antalet platser');
    expect(await readAllEvents(s.kit.deps.store)).toHaveLength(1);
    const model = await s.post(`${PATH}/ny`, fields({ title: 'Min kurs', end: '2026-04-10T08:00' }), cookie);
    expect(model.status).toBe(400);
    expect(await model.text()).toContain('Sluttiden måste vara efter starttiden');
    const other = await s.post(`${PATH}/ny`, fields({ organizer: '0513' }), cookie);
    expect(other.status).toBe(403);
    const ok = await s.post(`${PATH}/ny`, fields({ start: '2026-04-10 9.00', end: ' 2026-04-10 16:00 ' }), cookie);
    expect(ok.status).toBe(303);
    const id = /\/personal\/utbildningar\/([^?]+)\?meddelande=created/.exec(ok.headers.get('location')!)![1]!;
    const stored = (await getEvent(s.kit.deps.store, id))!.value;
    expect([stored.title, stored.start, stored.end]).toEqual(['MI fördjupning', '2026-04-10T09:00:00+02:00', '2026-04-10T16:00:00+02:00']);
    const pub = await (await s.app.request('/api/calendar/events')).json();
    expect((pub as { items: { title: string }[] }).items.map((e) => e.title)).toContain('MI fördjupning');
  });

  test('any text in the form gives 303 or 400, never 500, and stores nothing on 400', async () => {
    const s = await setup();
    const cookie = await s.cookie(['editor'], '0512');
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 300, unit: 'binary' }),
        fc.constantFrom('title', 'start', 'capacity', 'onlineUrl', 'place', 'topic'),
        async (text, field) => {
          const before = (await readAllEvents(s.kit.deps.store)).length;
          const res = await s.post(`${PATH}/ny`, fields({ [field]: text, title: field === 'title' ? text : `Prov ${++n}` }), cookie);
          expect([303, 400]).toContain(res.status);
          expect((await readAllEvents(s.kit.deps.store)).length).toBe(before + (res.status === 303 ? 1 : 0));
        },
      ),
      { numRuns: 25 },
    );
  });

  test('a stale edit shows the stored version beside what was typed; saving again keeps mine', async () => {
    const s = await setup();
    const cookie = await s.cookie(['editor'], '0512');
    const first = (await getEvent(s.kit.deps.store, s.id))!;
    const api = await s.app.request(`/api/calendar/events/${s.id}`, {
      method: 'PUT',
      ...s.json({ ...(await import('./helpers.js')).trainingInput({ title: 'Kollegans rubrik', capacity: 1 }) }, s.editor, {
        'if-match': first.etag,
      }),
    });
    expect(api.status).toBe(200);
    const stale = await s.post(`${PATH}/${s.id}`, fields({ title: 'Min rubrik', etag: first.etag }), cookie);
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toContain('Kollegans rubrik');
    expect(html).toContain('value="Min rubrik"');
    expect((await getEvent(s.kit.deps.store, s.id))!.value.title).toBe('Kollegans rubrik');
    const etag = /name="etag" value="([^"]+)"/.exec(html)![1]!.replace(/&quot;/g, '"');
    const again = await s.post(`${PATH}/${s.id}`, fields({ title: 'Min rubrik', etag }), cookie);
    expect(again.status).toBe(303);
    expect((await getEvent(s.kit.deps.store, s.id))!.value.title).toBe('Min rubrik');
  });

  test('a bad edit keeps the typed text and changes nothing; an edit without a version is not saved', async () => {
    const s = await setup();
    const cookie = await s.cookie(['editor'], '0512');
    const { etag } = (await getEvent(s.kit.deps.store, s.id))!;
    const bad = await s.post(`${PATH}/${s.id}`, fields({ title: 'Ny rubrik', onlineUrl: 'http://osaker.se', place: '', etag }), cookie);
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('value="Ny rubrik"');
    expect(html).toContain('id="onlineUrl-error"');
    const noVersion = await s.post(`${PATH}/${s.id}`, fields({ title: 'Ny rubrik' }), cookie);
    expect(noVersion.status).toBe(409);
    expect(await noVersion.text()).toContain('Någon annan ändrade utbildningen samtidigt');
    const stored = (await getEvent(s.kit.deps.store, s.id))!;
    expect([stored.value.title, stored.etag]).toEqual(['MI grundkurs', etag]);
  });

  test("copies an own training into the new-training form; another organisation's is refused", async () => {
    const s = await setup();
    const own = await s.app.request(`${PATH}/ny?kopia=${s.id}`, { headers: { cookie: await s.cookie(['editor'], '0512') } });
    expect(own.status).toBe(200);
    const html = await own.text();
    expect(html).toContain('value="MI grundkurs"');
    expect(html).toContain(`action="${PATH}/ny"`);
    const other = await s.app.request(`${PATH}/ny?kopia=${s.id}`, { headers: { cookie: await s.cookie(['editor'], '0513') } });
    expect(other.status).toBe(403);
  });

  test('cancels with a reason; no reason is refused', async () => {
    const s = await setup();
    const cookie = await s.cookie(['editor'], '0512');
    const { etag } = (await getEvent(s.kit.deps.store, s.id))!;
    const none = await s.post(`${PATH}/${s.id}/installning`, new URLSearchParams({ etag, reason: '  ' }), cookie);
    expect(none.status).toBe(400);
    expect(await none.text()).toContain('Skriv ett skäl');
    expect((await getEvent(s.kit.deps.store, s.id))!.value.status).toBe('scheduled');
    const ok = await s.post(`${PATH}/${s.id}/installning`, new URLSearchParams({ etag, reason: 'Kursledaren är sjuk' }), cookie);
    expect(ok.status).toBe(303);
    const stored = (await getEvent(s.kit.deps.store, s.id))!.value;
    expect([stored.status, stored.statusReason]).toEqual(['cancelled', 'Kursledaren är sjuk']);
  });

  test('shows registrations and the waiting list and downloads them as Swedish Excel CSV', async () => {
    const s = await setup();
    expect((await s.registerApi(s.id, { name: 'Anna Berg', email: 'anna@ydre.se' })).status).toBe(201);
    expect((await s.registerApi(s.id, { name: '=HYPERLINK("x")', email: 'bo@ydre.se' })).status).toBe(201);
    const cookie = await s.cookie(['editor'], '0512');
    const html = await (await s.app.request(`${PATH}/${s.id}`, { headers: { cookie } })).text();
    expect(html).toContain('1 bekräftade av 1 platser, 1 på väntelistan.');
    const csv = await s.app.request(`${PATH}/${s.id}/anmalningar.csv`, { headers: { cookie } });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csv.arrayBuffer());
    expect(text.startsWith('\uFEFFStatus;Plats i kön;Namn;')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines[1]).toMatch(/^Bekräftad;;Anna Berg;anna@ydre\.se;Ydre;'0512;/);
    expect(lines[2]).toMatch(/^Väntelista;1;"'=HYPERLINK\(""x""\)";bo@ydre\.se;/);
  });
});
