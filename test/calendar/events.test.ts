import { describe, expect, it } from 'vitest';
import { calendarKit, trainingInput } from './helpers.js';

describe('creating and changing trainings', () => {
  it('lets an editor create a training for their own organisation, stored with Stockholm offsets', async () => {
    const { app, create } = await calendarKit();
    const { id } = await create();
    const res = await app.request(`/api/calendar/events/${id}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      title: 'MI grundkurs',
      start: '2026-03-10T09:00:00+01:00',
      status: 'scheduled',
      sequence: 0,
      seatsLeft: 20,
    });
    expect(res.headers.get('etag')).toBeTruthy();
  });

  it('refuses an editor creating a training for another organisation', async () => {
    const { app, json, otherEditor, kit } = await calendarKit();
    const res = await app.request('/api/calendar/events', { method: 'POST', ...json(trainingInput(), otherEditor) });
    expect(res.status).toBe(403);
    expect((await kit.deps.store.list('calendar/events/')).items).toHaveLength(0);
  });

  it('refuses creating without a token', async () => {
    const { app, json } = await calendarKit();
    const res = await app.request('/api/calendar/events', { method: 'POST', ...json(trainingInput()) });
    expect(res.status).toBe(401);
  });

  it.each([
    ['the end is before the start', { end: '2026-03-10T08:00' }, 'end'],
    ['the deadline is after the start', { registrationDeadline: '2026-03-11T08:00' }, 'registrationDeadline'],
    ['the topic is unknown', { topic: 'astrology' }, 'topic'],
    ['the capacity is zero', { capacity: 0 }, 'capacity'],
    ['neither place nor link is given', { location: {} }, 'location'],
  ])('answers 400 naming the field when %s, and stores nothing', async (_, overrides, field) => {
    const { app, json, editor, kit } = await calendarKit();
    const res = await app.request('/api/calendar/events', { method: 'POST', ...json(trainingInput(overrides), editor) });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const body = (await res.json()) as { title: string; errors: { field: string }[] };
    expect(body.errors.map((e) => e.field)).toContain(field);
    expect((await kit.deps.store.list('calendar/events/')).items).toHaveLength(0);
  });

  it('moves a training with If-Match: status moved, previous start kept, sequence increased', async () => {
    const { app, json, editor, create } = await calendarKit();
    const { id, etag } = await create();
    const res = await app.request(`/api/calendar/events/${id}`, {
      method: 'PUT',
      ...json(trainingInput({ start: '2026-03-17T09:00', end: '2026-03-17T16:00', reason: 'Lokalen är upptagen' }), editor, {
        'if-match': etag,
      }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: 'moved',
      previousStart: '2026-03-10T09:00:00+01:00',
      sequence: 1,
      statusReason: 'Lokalen är upptagen',
    });
  });

  it('answers 412 to an update with a stale ETag and 428 without one', async () => {
    const { app, json, editor, create } = await calendarKit();
    const { id, etag } = await create();
    const first = await app.request(`/api/calendar/events/${id}`, {
      method: 'PUT',
      ...json(trainingInput({ title: 'Ny titel' }), editor, { 'if-match': etag }),
    });
    expect(first.status).toBe(200);
    const stale = await app.request(`/api/calendar/events/${id}`, {
      method: 'PUT',
      ...json(trainingInput({ title: 'Annan' }), editor, { 'if-match': etag }),
    });
    expect(stale.status).toBe(412);
    const missing = await app.request(`/api/calendar/events/${id}`, { method: 'PUT', ...json(trainingInput(), editor) });
    expect(missing.status).toBe(428);
  });

  it('refuses another organisation’s editor changing the training, but lets an admin', async () => {
    const { app, json, otherEditor, admin, create } = await calendarKit();
    const { id, etag } = await create();
    const denied = await app.request(`/api/calendar/events/${id}/cancel`, {
      method: 'POST',
      ...json({ reason: 'x' }, otherEditor, { 'if-match': etag }),
    });
    expect(denied.status).toBe(403);
    const allowed = await app.request(`/api/calendar/events/${id}/cancel`, {
      method: 'POST',
      ...json({ reason: 'Sjukdom' }, admin, { 'if-match': etag }),
    });
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toMatchObject({ status: 'cancelled', statusReason: 'Sjukdom', sequence: 1 });
  });

  it('refuses a capacity below the confirmed count', async () => {
    const { app, json, editor, create, registerApi } = await calendarKit();
    const { id, etag } = await create({ capacity: 3 });
    for (const n of [1, 2, 3]) expect((await registerApi(id, { name: `P${n}`, email: `p${n}@ydre.se` })).status).toBe(201);
    const res = await app.request(`/api/calendar/events/${id}`, {
      method: 'PUT',
      ...json(trainingInput({ capacity: 2 }), editor, { 'if-match': etag }),
    });
    expect(res.status).toBe(409);
    const after = (await (await app.request(`/api/calendar/events/${id}`)).json()) as { capacity: number };
    expect(after.capacity).toBe(3);
  });

  it('creates a weekly series keeping 09:00 local time across the spring clock change', async () => {
    const { app, json, editor } = await calendarKit();
    const res = await app.request('/api/calendar/events', {
      method: 'POST',
      ...json(
        trainingInput({
          start: '2026-03-23T09:00',
          end: '2026-03-23T12:00',
          registrationDeadline: '2026-03-20T12:00',
          repeat: { every: 'week', count: 2 },
        }),
        editor,
      ),
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { seriesId: string; items: { start: string; seriesId: string }[] };
    expect(body.items.map((e) => e.start)).toEqual(['2026-03-23T09:00:00+01:00', '2026-03-30T09:00:00+02:00']);
    expect(new Set(body.items.map((e) => e.seriesId)).size).toBe(1);
  });
});
