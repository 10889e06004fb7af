import { describe, expect, test } from 'vitest';
import type { Role } from '../../functions/core/auth/auth.js';
import { getEvent, readAllEvents } from '../../functions/calendar/data/events.js';
import { sessionCookie } from '../support/session.js';
import { calendarKit } from './helpers.js';

const PATH = '/personal/utbildningar';
const ORIGIN = 'http://localhost';
const urlencoded = { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN, accept: 'text/html' };

const HEADER = 'titel;ämne;arrangör;start;slut;plats;platser;sista anmälningsdag';
const line = (title: string, over: { topic?: string; org?: string; start?: string; end?: string; cap?: string } = {}) =>
  [
    title,
    over.topic ?? 'mi',
    over.org ?? '0512',
    over.start ?? '2026-04-14 09:00',
    over.end ?? '2026-04-14 16:00',
    'Kommunhuset',
    over.cap ?? '25',
    '2026-04-01 12:00',
  ].join(';');

/** A training form by Ydre (0512). */
function fields(overrides: Record<string, string> = {}): URLSearchParams {
  return new URLSearchParams({
    title: 'Återfallsprevention',
    description: '',
    topic: 'mi',
    organizer: '0512',
    start: '2026-03-24 09:00',
    end: '2026-03-24 12:00',
    registrationDeadline: '2026-03-20 12:00',
    place: 'Kommunhuset',
    capacity: '12',
    language: 'sv',
    ...overrides,
  });
}

async function setup() {
  const k = await calendarKit();
  const cookie = (roles: Role[], org?: string) => sessionCookie(k.kit.deps, { roles, org, name: 'Ylva Ydre' });
  const post = (path: string, body: URLSearchParams, cookieHeader: string) =>
    k.app.request(path, { method: 'POST', headers: { ...urlencoded, cookie: cookieHeader }, body: body.toString() });
  /** Upload a file through the import page's multipart form, as a browser sends it. */
  const upload = async (text: string | Uint8Array, cookieHeader: string, headers: Record<string, string> = {}) => {
    const form = new FormData();
    form.append('fil', new Blob([text], { type: 'text/csv' }), 'program.csv');
    const req = new Request('http://x/', { method: 'POST', body: form });
    return k.app.request(`${PATH}/importera`, {
      method: 'POST',
      headers: { 'content-type': req.headers.get('content-type')!, origin: ORIGIN, cookie: cookieHeader, ...headers },
      body: new Uint8Array(await req.arrayBuffer()),
    });
  };
  /** The confirmation form's hidden fields of a preview page. */
  const confirmFields = (html: string) => {
    const value = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1];
    return new URLSearchParams({ fil: value('fil') ?? '', import: value('import') ?? '' });
  };
  const count = async () => (await readAllEvents(k.kit.deps.store)).length;
  return { ...k, cookie, post, upload, confirmFields, count };
}

describe('a series from the new-training form', () => {
  test('every week four times: four trainings at the same Stockholm time across the change to summer time', async () => {
    const s = await setup();
    const res = await s.post(`${PATH}/ny`, fields({ repeatEvery: 'week', repeatCount: '4' }), await s.cookie(['editor'], '0512'));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${PATH}?meddelande=series`);
    const events = (await readAllEvents(s.kit.deps.store)).map((e) => e.value).sort((a, b) => a.start.localeCompare(b.start));
    expect(events.map((e) => e.start)).toEqual([
      '2026-03-24T09:00:00+01:00',
      '2026-03-31T09:00:00+02:00',
      '2026-04-07T09:00:00+02:00',
      '2026-04-14T09:00:00+02:00',
    ]);
    expect(new Set(events.map((e) => e.seriesId)).size).toBe(1);
    expect(events[0]!.seriesId).toBeTruthy();
    const list = await (
      await s.app.request(`${PATH}?meddelande=series`, { headers: { cookie: await s.cookie(['editor'], '0512') } })
    ).text();
    expect(list).toContain('Serien är publicerad');
  });

  test('every month keeps the date or the last day of a shorter month', async () => {
    const s = await setup();
    const form = fields({
      start: '2026-03-31 09:00',
      end: '2026-03-31 12:00',
      registrationDeadline: '2026-03-25 12:00',
      repeatEvery: 'month',
      repeatCount: '2',
    });
    expect((await s.post(`${PATH}/ny`, form, await s.cookie(['editor'], '0512'))).status).toBe(303);
    const starts = (await readAllEvents(s.kit.deps.store)).map((e) => e.value.start).sort();
    expect(starts).toEqual(['2026-03-31T09:00:00+02:00', '2026-04-30T09:00:00+02:00']);
  });

  test('a bad number of occasions keeps what was typed and stores nothing', async () => {
    const s = await setup();
    const cookie = await s.cookie(['editor'], '0512');
    for (const repeatCount of ['1', '25', 'tre', '']) {
      const res = await s.post(`${PATH}/ny`, fields({ repeatEvery: 'week', repeatCount }), cookie);
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toContain('Skriv antalet tillfällen, ett heltal från 2 till 24.');
      expect(html).toContain('id="repeat-week" name="repeatEvery" value="week" checked');
    }
    expect((await s.post(`${PATH}/ny`, fields({ repeatEvery: 'year', repeatCount: '3' }), cookie)).status).toBe(400);
    expect(await s.count()).toBe(0);
  });
});

describe('moving a training', () => {
  test('a new time keeps the registrations, marks it moved with the earlier start and a higher sequence', async () => {
    const s = await setup();
    const { id } = await s.create({ capacity: 5 });
    expect((await s.registerApi(id, { name: 'Anna Berg', email: 'anna@ydre.se' })).status).toBe(201);
    const before = (await getEvent(s.kit.deps.store, id))!;
    const cookie = await s.cookie(['editor'], '0512');
    const move = new URLSearchParams({
      etag: before.etag,
      start: '2026-03-17 09:00',
      end: '2026-03-17 16:00',
      registrationDeadline: '2026-03-10 12:00',
      reason: 'Lokalen är upptagen',
    });
    const res = await s.post(`${PATH}/${id}/flytta`, move, cookie);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${PATH}/${id}?meddelande=moved`);
    const after = (await getEvent(s.kit.deps.store, id))!.value;
    expect(after).toMatchObject({
      status: 'moved',
      start: '2026-03-17T09:00:00+01:00',
      previousStart: before.value.start,
      statusReason: 'Lokalen är upptagen',
      sequence: before.value.sequence + 1,
      title: before.value.title,
    });
    const page = await (await s.app.request(`${PATH}/${id}?meddelande=moved`, { headers: { cookie } })).text();
    expect(page).toContain('Utbildningen är flyttad.');
    expect(page).toContain('1 bekräftade av 5 platser');
    const pub = (await (await s.app.request(`/api/calendar/events/${id}`)).json()) as { status: string; previousStart: string };
    expect([pub.status, pub.previousStart]).toEqual(['moved', before.value.start]);
  });

  test('the same time, a bad time or a stale version moves nothing', async () => {
    const s = await setup();
    const { id } = await s.create();
    const before = (await getEvent(s.kit.deps.store, id))!;
    const cookie = await s.cookie(['editor'], '0512');
    const base = { etag: before.etag, start: '2026-03-10 09:00', end: '2026-03-10 16:00', registrationDeadline: '2026-03-01 23:59' };
    const same = await s.post(`${PATH}/${id}/flytta`, new URLSearchParams(base), cookie);
    expect(same.status).toBe(400);
    expect(await same.text()).toContain('Ange en ny tid');
    const bad = await s.post(`${PATH}/${id}/flytta`, new URLSearchParams({ ...base, start: '2026-03-17 09:00', end: 'i morgon' }), cookie);
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('id="move-end-error"');
    expect(html).toContain('value="i morgon"');
    const stale = await s.post(
      `${PATH}/${id}/flytta`,
      new URLSearchParams({ ...base, etag: '"gammal"', start: '2026-03-17 09:00', end: '2026-03-17 16:00' }),
      cookie,
    );
    expect(stale.headers.get('location')).toBe(`${PATH}/${id}?meddelande=stale`);
    expect((await getEvent(s.kit.deps.store, id))!).toEqual(before);
  });
});

describe('importing a programme from the staff page', () => {
  test('upload shows a preview and stores nothing; confirming stores every row; a second confirm stores nothing more', async () => {
    const s = await setup();
    const cookie = await s.cookie(['editor'], '0512');
    const preview = await s.upload(
      `\uFEFF${HEADER}\r\n${line('MI fördjupning')}\r\n${line('SIP i praktiken', { topic: 'sip' })}\r\n`,
      cookie,
    );
    expect(preview.status).toBe(200);
    expect(preview.headers.get('cache-control')).toBe('private, no-store');
    const html = await preview.text();
    expect(html).toContain('2 utbildningar kan sparas. Inget är sparat ännu.');
    expect(html).toContain('SIP i praktiken');
    expect(await s.count()).toBe(0);
    const confirm = s.confirmFields(html);
    const stored = await s.post(`${PATH}/importera/spara`, confirm, cookie);
    expect(stored.status).toBe(303);
    expect(stored.headers.get('location')).toBe(`${PATH}?meddelande=imported`);
    expect(await s.count()).toBe(2);
    const titles = ((await (await s.app.request('/api/calendar/events')).json()) as { items: { title: string }[] }).items.map(
      (e) => e.title,
    );
    expect(titles.sort()).toEqual(['MI fördjupning', 'SIP i praktiken']);
    const twice = await s.post(`${PATH}/importera/spara`, confirm, cookie);
    expect(twice.headers.get('location')).toBe(`${PATH}?meddelande=imported-twice`);
    expect(await s.count()).toBe(2);
  });

  test('a file with errors lists each by row and column, offers no confirmation and stores nothing', async () => {
    const s = await setup();
    const cookie = await s.cookie(['editor'], '0512');
    const text = `${HEADER}\n${line('Bra rad')}\n${line('Okänt ämne', { topic: 'astrologi' })}\n${line('Fel', { end: '2026-04-14 08:00', cap: 'många' })}\n${line('Annans', { org: '0513' })}\n`;
    const res = await s.upload(text, cookie);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Filen har 3 fel. Inget har sparats.');
    expect(html).toContain('Rad 3, kolumn ämne: Okänt ämne');
    expect(html).toContain('Rad 4, kolumn platser: Skriv ett heltal');
    expect(html).toMatch(/Rad 5, kolumn arrangör: /);
    expect(html).toContain('Klar att spara');
    expect(html).not.toContain('importera/spara');
    expect(await s.count()).toBe(0);
    const en = await s.upload(text, cookie, { cookie: `${cookie}; lang=en` });
    expect(await en.text()).toContain('Row 3, column ämne: Unknown topic astrologi');
  });

  test('bytes that are not UTF-8, a missing column, no file or too large a file store nothing', async () => {
    const s = await setup();
    const cookie = await s.cookie(['editor'], '0512');
    const latin1 = Uint8Array.from([...`${HEADER}\n${line('Möte')}\n`].map((ch) => ch.charCodeAt(0)));
    const notUtf8 = await s.upload(latin1, cookie);
    expect(notUtf8.status).toBe(400);
    expect(await notUtf8.text()).toMatch(/Rad 1, kolumn B: /);
    const missing = await s.upload('titel;ämne\nX;mi\n', cookie);
    expect(await missing.text()).toContain('Rad 1, kolumn arrangör: Kolumnen saknas');
    const none = await s.upload('', cookie);
    expect(none.status).toBe(400);
    expect(await none.text()).toContain('Välj en CSV-fil att ladda upp.');
    const big = await s.upload(`${HEADER}\n${'x'.repeat(1024 * 1024 + 10)}`, cookie);
    expect(big.status).toBe(413);
    expect(await big.text()).toContain('Filen är för stor');
    expect(await s.count()).toBe(0);
  });

  test('a confirmation is checked again: a changed file with an error stores nothing', async () => {
    const s = await setup();
    const cookie = await s.cookie(['editor'], '0512');
    const html = await (await s.upload(`${HEADER}\n${line('MI')}\n`, cookie)).text();
    const confirm = s.confirmFields(html);
    confirm.set('fil', Buffer.from(`${HEADER}\n${line('MI')}\n${line('Annans', { org: '0513' })}\n`).toString('base64url'));
    const res = await s.post(`${PATH}/importera/spara`, confirm, cookie);
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/Rad 3, kolumn arrangör: /);
    confirm.set('import', '../../etc');
    expect((await s.post(`${PATH}/importera/spara`, confirm, cookie)).status).toBe(400);
    expect(await s.count()).toBe(0);
  });

  test('a cross-site upload is refused before the file is read', async () => {
    const s = await setup();
    const res = await s.upload(`${HEADER}\n${line('MI')}\n`, await s.cookie(['editor'], '0512'), { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(await s.count()).toBe(0);
  });
});

describe('who may use the series, move and import forms (role × organisation × cookie)', () => {
  const ROLE_SETS: Role[][] = [['admin'], ['editor'], ['moderator'], []];
  const cases = ROLE_SETS.flatMap((roles) =>
    ['0512', '0513'].flatMap((org) => [true, false].map((withCookie) => ({ roles, org, withCookie }))),
  );
  test.each(cases)('roles $roles, organisation $org, cookie $withCookie', async ({ roles, org, withCookie }) => {
    const s = await setup();
    const { id } = await s.create();
    const cookie = withCookie ? await s.cookie(roles, org) : '';
    const before = (await getEvent(s.kit.deps.store, id))!;
    const importPage = await s.app.request(`${PATH}/importera`, { headers: { cookie } });
    const series = await s.post(`${PATH}/ny`, fields({ repeatEvery: 'week', repeatCount: '2' }), cookie);
    const move = await s.post(
      `${PATH}/${id}/flytta`,
      new URLSearchParams({
        etag: before.etag,
        start: '2026-03-17 09:00',
        end: '2026-03-17 16:00',
        registrationDeadline: '2026-03-10 12:00',
      }),
      cookie,
    );
    const upload = await s.upload(`${HEADER}\n${line('Importerad')}\n`, cookie);
    const confirm = await s.post(
      `${PATH}/importera/spara`,
      new URLSearchParams({ import: 'abc123', fil: Buffer.from(`${HEADER}\n${line('Importerad')}\n`).toString('base64url') }),
      cookie,
    );
    const all = [importPage, series, move, upload, confirm];
    for (const res of all) expect(res.headers.get('cache-control')).toBe('private, no-store');
    const statuses = all.map((r) => r.status);
    const moved = (await getEvent(s.kit.deps.store, id))!.value.status === 'moved';
    const titles = (await readAllEvents(s.kit.deps.store)).map((e) => e.value.title);
    if (!withCookie) {
      expect(statuses).toEqual([303, 401, 401, 401, 401]);
      expect([moved, titles]).toEqual([false, ['MI grundkurs']]);
      return;
    }
    const staffRole = roles.includes('admin') || roles.includes('editor');
    const mayEdit = roles.includes('admin') || (roles.includes('editor') && org === '0512');
    if (!staffRole) expect(statuses).toEqual([403, 403, 403, 403, 403]);
    else if (mayEdit) expect(statuses).toEqual([200, 303, 303, 200, 303]);
    // an editor of another organisation: the pages open, but every row and form for Ydre is refused
    else expect(statuses).toEqual([200, 403, 403, 400, 400]);
    expect(moved).toBe(mayEdit);
    expect(titles.filter((t) => t === 'Importerad')).toHaveLength(mayEdit ? 1 : 0);
    expect(titles.filter((t) => t === 'Återfallsprevention')).toHaveLength(mayEdit ? 2 : 0);
  });
});
