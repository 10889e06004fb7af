import { describe, expect, it } from 'vitest';
import { calendarHousekeeping } from '../../functions/calendar/housekeeping.js';
import { getJson } from '../../functions/core/store/json.js';
import { calendarKit, trainingInput } from './helpers.js';

type Reg = { status: string; waitlistPosition?: number; cancelToken: string };

describe('registration with waitlist', () => {
  it('confirms while seats last and then puts people on the waiting list in order', async () => {
    const { create, registerApi } = await calendarKit();
    const { id } = await create({ capacity: 2 });
    const answers: Reg[] = [];
    for (const n of [1, 2, 3, 4]) answers.push((await (await registerApi(id, { name: `P${n}`, email: `p${n}@ydre.se` })).json()) as Reg);
    expect(answers.map((a) => a.status)).toEqual(['confirmed', 'confirmed', 'waitlisted', 'waitlisted']);
    expect(answers.map((a) => a.waitlistPosition)).toEqual([undefined, undefined, 1, 2]);
  });

  it('gives the freed seat to the first on the waiting list when someone cancels by private link', async () => {
    const { app, create, registerApi, editor } = await calendarKit();
    const { id } = await create({ capacity: 1 });
    const first = (await (await registerApi(id, { name: 'A', email: 'a@ydre.se' })).json()) as Reg;
    await registerApi(id, { name: 'B', email: 'b@ydre.se' });
    const res = await app.request(`/api/calendar/events/${id}/registrations/${first.cancelToken}`, { method: 'DELETE' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ promoted: 1 });
    const list = (await (await app.request(`/api/calendar/events/${id}/registrations`, { headers: { authorization: editor } })).json()) as {
      items: { name: string; status: string }[];
    };
    expect(list.items.map((i) => [i.name, i.status])).toEqual([
      ['A', 'cancelled'],
      ['B', 'confirmed'],
    ]);
  });

  it('answers 410 when a cancel link is used a second time, and 404 for an unknown one', async () => {
    const { app, create, registerApi } = await calendarKit();
    const { id } = await create();
    const reg = (await (await registerApi(id, { name: 'A', email: 'a@ydre.se' })).json()) as Reg;
    await app.request(`/api/calendar/events/${id}/registrations/${reg.cancelToken}`, { method: 'DELETE' });
    const again = await app.request(`/api/calendar/events/${id}/registrations/${reg.cancelToken}`, { method: 'DELETE' });
    expect(again.status).toBe(410);
    expect(again.headers.get('content-type')).toContain('problem+json');
    const unknown = await app.request(`/api/calendar/events/${id}/registrations/not-a-token`, { method: 'DELETE' });
    expect(unknown.status).toBe(404);
  });

  it.each([
    ['a malformed e-mail', { email: 'not-an-email' }, 400],
    ['an unknown organisation', { org: '9999' }, 400],
    ['an extra personal field', { personnummer: '19121212-1212' }, 400],
  ])('refuses %s and stores nothing', async (_, fields, status) => {
    const { create, registerApi, kit } = await calendarKit();
    const { id } = await create();
    const res = await registerApi(id, { name: 'A', email: 'a@ydre.se', ...fields });
    expect(res.status).toBe(status);
    expect(await getJson(kit.deps.store, `calendar/registrations/${id}.json`)).toBeUndefined();
  });

  it('refuses a registration after the deadline', async () => {
    const { create, registerApi } = await calendarKit({ now: '2026-03-05T10:00:00+01:00' });
    const { id } = await create({ start: '2026-03-20T09:00', end: '2026-03-20T12:00', registrationDeadline: '2026-03-04T12:00' });
    const res = await registerApi(id, { name: 'A', email: 'a@ydre.se' });
    expect(res.status).toBe(409);
  });

  it('refuses a registration for a cancelled training', async () => {
    const { app, create, registerApi, json, editor } = await calendarKit();
    const { id, etag } = await create();
    await app.request(`/api/calendar/events/${id}/cancel`, {
      method: 'POST',
      ...json({ reason: 'Sjukdom' }, editor, { 'if-match': etag }),
    });
    expect((await registerApi(id, { name: 'A', email: 'a@ydre.se' })).status).toBe(409);
  });

  it('refuses the same e-mail twice for one training', async () => {
    const { create, registerApi } = await calendarKit();
    const { id } = await create();
    await registerApi(id, { name: 'A', email: 'a@ydre.se' });
    expect((await registerApi(id, { name: 'A', email: 'A@ydre.se' })).status).toBe(409);
  });

  it('shows the list of registrations only to the organiser', async () => {
    const { app, create, registerApi, otherEditor } = await calendarKit();
    const { id } = await create();
    await registerApi(id, { name: 'A', email: 'a@ydre.se' });
    expect((await app.request(`/api/calendar/events/${id}/registrations`, { headers: { authorization: otherEditor } })).status).toBe(403);
    expect((await app.request(`/api/calendar/events/${id}/registrations`)).status).toBe(401);
  });

  it('raising the capacity promotes from the waiting list', async () => {
    const { app, create, registerApi, json, editor } = await calendarKit();
    const { id, etag } = await create({ capacity: 1 });
    await registerApi(id, { name: 'A', email: 'a@ydre.se' });
    await registerApi(id, { name: 'B', email: 'b@ydre.se' });
    await app.request(`/api/calendar/events/${id}`, {
      method: 'PUT',
      ...json(trainingInput({ capacity: 2 }), editor, { 'if-match': etag }),
    });
    expect(await (await app.request(`/api/calendar/events/${id}`)).json()).toMatchObject({ confirmed: 2, waitlisted: 0 });
  });
});

describe('attendance and retention', () => {
  it('derives calendar/public/attendance.json per organisation, quarter and topic in the scheduled housekeeping', async () => {
    const { create, registerApi, kit, app, admin } = await calendarKit();
    const { id } = await create({ capacity: 5 });
    await registerApi(id, { name: 'A', email: 'a@ydre.se', org: '0512' });
    await registerApi(id, { name: 'B', email: 'b@kinda.se', org: '0513' });
    await registerApi(id, { name: 'C', email: 'c@ydre.se', org: '0512' });
    // Never written inside a registration: the staff API counts at once, the public file follows.
    expect(await getJson(kit.deps.store, 'calendar/public/attendance.json')).toBeUndefined();
    expect((await calendarHousekeeping(kit.deps)).attendancePublished).toBe(true);
    expect((await calendarHousekeeping(kit.deps)).attendancePublished).toBe(false);
    const file = await getJson(kit.deps.store, 'calendar/public/attendance.json');
    expect(file?.value).toEqual([
      { org: '0512', period: '2026-Q1', topic: 'mi', count: 2 },
      { org: '0513', period: '2026-Q1', topic: 'mi', count: 1 },
    ]);
    const api = await app.request('/api/calendar/attendance', { headers: { authorization: admin } });
    expect(((await api.json()) as { items: unknown[] }).items).toHaveLength(2);
  });

  it('deletes registrations registrationDays after the training but keeps the counts', async () => {
    const first = await calendarKit();
    const { id } = await first.create();
    await first.registerApi(id, { name: 'A', email: 'a@ydre.se' });
    // Östergötland keeps registrations 90 days; the training ended 2026-03-10.
    const later = await calendarKit({ now: '2026-06-20T10:00:00+02:00', store: first.kit.deps.store });
    const res = await later.app.request('/api/calendar/purge', { method: 'POST', headers: { authorization: later.admin } });
    expect(res.status).toBe(200);
    expect(await getJson(first.kit.deps.store, `calendar/registrations/${id}.json`)).toBeUndefined();
    await calendarHousekeeping(later.kit.deps);
    expect((await getJson<unknown[]>(first.kit.deps.store, 'calendar/public/attendance.json'))?.value).toHaveLength(1);
  });

  it('purges in the scheduled housekeeping, never inside a request, and a second run deletes nothing', async () => {
    const first = await calendarKit();
    const { id } = await first.create();
    await first.registerApi(id, { name: 'A', email: 'a@ydre.se' });
    const later = await calendarKit({ now: '2026-06-20T10:00:00+02:00', store: first.kit.deps.store });
    await later.create({ start: '2026-08-10T09:00', end: '2026-08-10T12:00', registrationDeadline: '2026-08-01T12:00' });
    expect(await getJson(first.kit.deps.store, `calendar/registrations/${id}.json`)).toBeDefined();
    expect((await calendarHousekeeping(later.kit.deps)).purged).toBe(1);
    expect(await getJson(first.kit.deps.store, `calendar/registrations/${id}.json`)).toBeUndefined();
    expect((await calendarHousekeeping(later.kit.deps)).purged).toBe(0);
    // The counts stay in the collection.
    const res = await later.app.request(`/api/calendar/events/${id}`);
    expect(await res.json()).toMatchObject({ confirmed: 1 });
  });

  it('keeps registrations of a training that ended less than registrationDays ago', async () => {
    const first = await calendarKit();
    const { id } = await first.create();
    await first.registerApi(id, { name: 'A', email: 'a@ydre.se' });
    const later = await calendarKit({ now: '2026-05-20T10:00:00+02:00', store: first.kit.deps.store });
    await later.app.request('/api/calendar/purge', { method: 'POST', headers: { authorization: later.admin } });
    expect(await getJson(first.kit.deps.store, `calendar/registrations/${id}.json`)).toBeDefined();
  });
});
