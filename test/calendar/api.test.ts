import { describe, expect, it } from 'vitest';
import { calendarKit } from './helpers.js';

type Page = { items: { title: string }[]; nextCursor?: string; next?: string };
const titles = async (res: Response) => ((await res.json()) as Page).items.map((e) => e.title);

describe('the JSON API of trainings', () => {
  it('filters by topic, organiser and period', async () => {
    const { app, create } = await calendarKit();
    await create({ title: 'Mars' });
    await create({
      title: 'Maj',
      topic: 'sip',
      start: '2026-05-05T09:00',
      end: '2026-05-05T12:00',
      registrationDeadline: '2026-05-01T12:00',
    });
    expect(await titles(await app.request('/api/calendar/events?topic=sip'))).toEqual(['Maj']);
    expect(await titles(await app.request('/api/calendar/events?organizer=0512'))).toEqual(['Mars', 'Maj']);
    expect(await titles(await app.request('/api/calendar/events?from=2026-04-01&to=2026-06-30'))).toEqual(['Maj']);
  });

  it('shows only trainings open to my municipality', async () => {
    const { app, create } = await calendarKit();
    await create({ title: 'Alla' });
    await create({ title: 'Bara Ydre', audienceOrgs: ['0512'] });
    expect(await titles(await app.request('/api/calendar/events?municipality=0513'))).toEqual(['Alla']);
  });

  it('shows only trainings with seats left', async () => {
    const { app, create, registerApi } = await calendarKit();
    const full = await create({ title: 'Full', capacity: 1 });
    await create({ title: 'Ledig' });
    await registerApi(full.id, { name: 'A', email: 'a@ydre.se' });
    expect(await titles(await app.request('/api/calendar/events?seatsLeft=true'))).toEqual(['Ledig']);
  });

  it('pages with an opaque cursor', async () => {
    const { app, create } = await calendarKit();
    for (const d of ['11', '12', '13']) await create({ title: d, start: `2026-03-${d}T09:00`, end: `2026-03-${d}T12:00` });
    const first = (await (await app.request('/api/calendar/events?limit=2')).json()) as Page;
    expect(first.items.map((e) => e.title)).toEqual(['11', '12']);
    expect(first.next).toBe(first.nextCursor);
    const second = (await (await app.request(`/api/calendar/events?limit=2&cursor=${first.nextCursor}`)).json()) as Page;
    expect(second.items.map((e) => e.title)).toEqual(['13']);
    expect(second.nextCursor).toBeUndefined();
    expect(second.next).toBeUndefined();
    expect((await app.request('/api/calendar/events?cursor=!!')).status).toBe(400);
  });

  it('answers 304 to a list request with the same ETag', async () => {
    const { app, create } = await calendarKit();
    await create();
    const res = await app.request('/api/calendar/events');
    expect((await app.request('/api/calendar/events', { headers: { 'if-none-match': res.headers.get('etag')! } })).status).toBe(304);
  });

  it('publishes an OpenAPI 3.1 document naming the calendar paths', async () => {
    const { app } = await calendarKit();
    const doc = (await (await app.request('/api/calendar/openapi.json')).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/calendar/events', '/api/calendar/events/{id}/registrations']));
  });

  it('gives the year view with gaps as JSON', async () => {
    const { app, create } = await calendarKit();
    await create();
    const body = (await (await app.request('/api/calendar/year?year=2026')).json()) as {
      gaps: string[];
      topics: { topic: string; months: string[][] }[];
    };
    expect(body.gaps).not.toContain('mi');
    expect(body.gaps).toContain('sip');
    expect(body.topics.find((t) => t.topic === 'mi')!.months[2]).toHaveLength(1);
  });
});
