import { describe, expect, it } from 'vitest';
import { calendarKit } from './helpers.js';

const ORIGIN = 'http://localhost';
const form = (fields: Record<string, string>, origin = ORIGIN) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
  body: new URLSearchParams(fields).toString(),
});

describe('public pages', () => {
  it('lists upcoming trainings with subscribe links (webcal://)', async () => {
    const { app, create } = await calendarKit();
    await create();
    const res = await app.request('/utbildningar');
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain('MI grundkurs');
    expect(html).toContain('webcal://localhost/utbildningar/kalender.ics');
  });

  it('shows the list in English with ?lang=en', async () => {
    const { app, create } = await calendarKit();
    await create();
    const html = await (await app.request('/utbildningar?lang=en')).text();
    expect(html).toContain('Upcoming trainings');
    expect(html).toContain('<html lang="en"');
  });

  it('filters the list by topic', async () => {
    const { app, create } = await calendarKit();
    await create();
    await create({ title: 'SIP-utbildning', topic: 'sip' });
    const html = await (await app.request('/utbildningar?topic=sip')).text();
    expect(html).toContain('SIP-utbildning');
    expect(html).not.toContain('MI grundkurs');
  });

  it('gives each training a page with EducationEvent JSON-LD', async () => {
    const { app, create } = await calendarKit();
    const { id } = await create();
    const html = await (await app.request(`/utbildningar/${id}`)).text();
    const data = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!) as Record<string, unknown>;
    expect(data).toMatchObject({
      '@type': 'EducationEvent',
      startDate: '2026-03-10T09:00:00+01:00',
      eventStatus: 'https://schema.org/EventScheduled',
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      maximumAttendeeCapacity: 20,
      remainingAttendeeCapacity: 20,
      offers: { price: 0, priceCurrency: 'SEK' },
    });
  });

  it('registers from the form and shows the confirmation with a private cancel link', async () => {
    const { app, create } = await calendarKit();
    const { id } = await create();
    const res = await app.request(`/utbildningar/${id}/anmalan`, form({ name: 'Anna', email: 'anna@ydre.se', org: '0512', role: '' }));
    expect(res.status).toBe(201);
    const html = await res.text();
    expect(html).toContain('Du är anmäld');
    expect(html).toMatch(/\/utbildningar\/avboka\/[^/]+\/[A-Za-z0-9_-]{20,}/);
  });

  it('shows the waiting-list position when the training is full', async () => {
    const { app, create, registerApi } = await calendarKit();
    const { id } = await create({ capacity: 1 });
    await registerApi(id, { name: 'A', email: 'a@ydre.se' });
    const html = await (await app.request(`/utbildningar/${id}/anmalan`, form({ name: 'B', email: 'b@ydre.se', org: '0512' }))).text();
    expect(html).toContain('Du står på väntelistan, plats 1');
  });

  it('shows the form again with errors linked to the fields when the e-mail is malformed', async () => {
    const { app, create, kit } = await calendarKit();
    const { id } = await create();
    const res = await app.request(`/utbildningar/${id}/anmalan`, form({ name: 'Anna', email: 'anna', org: '0512' }));
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('href="#email"');
    expect(html).toContain('value="Anna"');
    expect((await kit.deps.store.list('calendar/registrations/')).items).toHaveLength(0);
  });

  it('refuses a form posted from another site', async () => {
    const { app, create } = await calendarKit();
    const { id } = await create();
    const res = await app.request(
      `/utbildningar/${id}/anmalan`,
      form({ name: 'A', email: 'a@ydre.se', org: '0512' }, 'https://evil.example'),
    );
    expect(res.status).toBe(403);
  });

  it('cancels from the private link only after the confirm button, and the waiting list moves', async () => {
    const { app, create, registerApi } = await calendarKit();
    const { id } = await create({ capacity: 1 });
    const first = (await (await registerApi(id, { name: 'A', email: 'a@ydre.se' })).json()) as { cancelUrl: string };
    await registerApi(id, { name: 'B', email: 'b@ydre.se' });
    const page = await app.request(first.cancelUrl);
    expect(await page.text()).toContain('Ja, avboka min plats');
    const done = await app.request(first.cancelUrl, { method: 'POST', headers: { origin: ORIGIN } });
    expect(await done.text()).toContain('Din anmälan är avbokad');
    expect(await (await app.request(`/api/calendar/events/${id}`)).json()).toMatchObject({ confirmed: 1, waitlisted: 0 });
    const reused = await app.request(first.cancelUrl, { method: 'POST', headers: { origin: ORIGIN, accept: 'text/html' } });
    expect(reused.status).toBe(410);
  });

  it('shows the year view with the topics that have no training planned', async () => {
    const { app, create } = await calendarKit();
    await create();
    const html = await (await app.request('/utbildningar/arshjul?year=2026')).text();
    expect(html).toContain('Ämnen utan planerad utbildning i år');
    const gaps = /id="gaps">.*?<\/h2>(.*?)<h2/s.exec(html)![1]!;
    expect(gaps).toContain('Samordnad individuell plan (SIP)');
    expect(gaps).not.toContain('Motiverande samtal (MI)');
  });
});
