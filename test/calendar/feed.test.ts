import ICAL from 'ical.js';
import nodeIcal from 'node-ical';
import { describe, expect, it } from 'vitest';
import { createCalendarApp } from '../../functions/calendar/app.js';
import { getEvent, putEvent } from '../../functions/calendar/data/events.js';
import { escapeText } from '../../functions/core/ical/content-line.js';
import { calendarHousekeeping } from '../../functions/calendar/housekeeping.js';
import { calendarKit, trainingInput } from './helpers.js';
import { pythonIcal, readWithPython } from './python-ical.js';

const python = pythonIcal();

type Kit = Awaited<ReturnType<typeof calendarKit>>;

async function feed(app: Pick<Kit['app'], 'request'>, query = '') {
  const res = await app.request(`/utbildningar/kalender.ics${query}`);
  expect(res.status).toBe(200);
  return { res, text: await res.text() };
}

const stockholmClock = (d: Date) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit' }).format(d);

function icalEvents(text: string) {
  const vcal = new ICAL.Component(ICAL.parse(text));
  return { vcal, events: vcal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
}

describe('the iCalendar feed', () => {
  it('is text/calendar with an ETag, a calendar name, a refresh hint and the Stockholm time zone', async () => {
    const { app, create } = await calendarKit();
    await create();
    const { res, text } = await feed(app);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(res.headers.get('etag')).toBeTruthy();
    const { vcal } = icalEvents(text);
    expect(vcal.getFirstPropertyValue('x-wr-calname')).toContain('Utbildningar');
    expect(vcal.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(vcal.getFirstPropertyValue('x-wr-timezone')).toBe('Europe/Stockholm');
    expect(text).toMatch(/REFRESH-INTERVAL;VALUE=DURATION:PT6H/);
    expect(text).toMatch(/X-PUBLISHED-TTL:PT6H/);
    expect(text).not.toMatch(/PRODID:-\/\/-/);
  });

  it('answers 304 to If-None-Match with the same ETag', async () => {
    const { app, create } = await calendarKit();
    await create();
    const { res } = await feed(app);
    const again = await app.request('/utbildningar/kalender.ics', { headers: { 'if-none-match': res.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });

  it('gives every training a stable UID from its id and the area domain, and DTSTAMP in UTC', async () => {
    const { app, create } = await calendarKit();
    const a = await create();
    const b = await create({ title: 'SIP', topic: 'sip' });
    const { text } = await feed(app);
    const { events } = icalEvents(text);
    expect(events.map((e) => e.uid).sort()).toEqual([a.id, b.id].map((id) => `${id}@ostergotland.utbildningar.invalid`).sort());
    expect(text.match(/^DTSTAMP:\d{8}T\d{6}Z\r?$/gm)).toHaveLength(2);
    const again = icalEvents((await feed(app)).text)
      .events.map((e) => e.uid)
      .sort();
    expect(again).toEqual(events.map((e) => e.uid).sort());
  });

  it('keeps a training’s UID when the area later gets its own domain', async () => {
    const { app, create, kit } = await calendarKit();
    const { id } = await create();
    const before = icalEvents((await feed(app)).text).events[0]!.uid;
    const customDomain = { domainName: 'stod.example.se', certificateArn: 'arn:aws:acm:eu-north-1:123456789012:certificate/abc' };
    const moved = createCalendarApp({ ...kit.deps, config: { ...kit.deps.config, aws: { ...kit.deps.config.aws, customDomain } } });
    expect(before).toBe(`${id}@ostergotland.utbildningar.invalid`);
    expect(icalEvents((await feed(moved)).text).events[0]!.uid).toBe(before);
  });

  it('shows the right local time on both sides of the spring clock change (read by ical.js and node-ical)', async () => {
    const { app, create } = await calendarKit();
    await create({ title: 'Före', start: '2026-03-27T09:00', end: '2026-03-27T12:00', registrationDeadline: '2026-03-20T12:00' });
    await create({ title: 'Efter', start: '2026-03-30T09:00', end: '2026-03-30T12:00', registrationDeadline: '2026-03-20T12:00' });
    const { text } = await feed(app);
    for (const e of icalEvents(text).events) expect(stockholmClock(e.startDate.toJSDate())).toBe('09:00');
    const parsed = Object.values(nodeIcal.sync.parseICS(text)).filter((c) => c?.type === 'VEVENT') as nodeIcal.VEvent[];
    expect(parsed.map((e) => stockholmClock(new Date(e.start)))).toEqual(['09:00', '09:00']);
    expect(parsed.map((e) => new Date(e.start).toISOString()).sort()).toEqual(['2026-03-27T08:00:00.000Z', '2026-03-30T07:00:00.000Z']);
  });

  it('keeps a cancelled training with STATUS:CANCELLED, a higher SEQUENCE and "INSTÄLLD:" before the title', async () => {
    const { app, create, json, editor } = await calendarKit();
    const { id, etag } = await create();
    const before = icalEvents((await feed(app)).text).events[0]!;
    await app.request(`/api/calendar/events/${id}/cancel`, {
      method: 'POST',
      ...json({ reason: 'Sjukdom' }, editor, { 'if-match': etag }),
    });
    const after = icalEvents((await feed(app)).text).events[0]!;
    expect(after.uid).toBe(before.uid);
    expect(after.sequence).toBeGreaterThan(before.sequence);
    expect(after.summary).toBe('INSTÄLLD: MI grundkurs');
    expect(after.component.getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  it('raises SEQUENCE on every change', async () => {
    const { app, create, json, editor } = await calendarKit();
    const created = await create();
    const id = created.id;
    let etag = created.etag;
    const seqs = [icalEvents((await feed(app)).text).events[0]!.sequence];
    for (const place of ['Sal 1', 'Sal 2']) {
      const res = await app.request(`/api/calendar/events/${id}`, {
        method: 'PUT',
        ...json(trainingInput({ location: { place } }), editor, { 'if-match': etag }),
      });
      etag = res.headers.get('etag')!;
      seqs.push(icalEvents((await feed(app)).text).events[0]!.sequence);
    }
    expect(seqs).toEqual([0, 1, 2]);
  });

  it('filters by topic and by organiser', async () => {
    const { app, create } = await calendarKit();
    await create();
    await create({ title: 'SIP', topic: 'sip' });
    expect(icalEvents((await feed(app, '?topic=sip')).text).events.map((e) => e.summary)).toEqual(['SIP']);
    expect(icalEvents((await feed(app, '?organizer=0513')).text).events).toHaveLength(0);
    expect((await app.request('/utbildningar/kalender.ics?topic=nonsense')).status).toBe(400);
  });
});

describe('what an editor writes cannot break a calendar file', () => {
  const forged = 'Kurs, del 1; intro\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:forged@evil\r\nSUMMARY:Falsk';

  it('a title with CR/LF stays one VEVENT and one calendar name in ical.js, node-ical and Python’s icalendar', async () => {
    const { app, kit, create } = await calendarKit();
    const { id } = await create();
    // Stored before input was checked (or written by another tool): the feed must still be safe.
    const stored = (await getEvent(kit.deps.store, id))!;
    await putEvent(kit.deps.store, { ...stored.value, title: forged }, stored.etag);
    // The scheduled check takes a training changed behind the service's back into the collection.
    expect((await calendarHousekeeping(kit.deps)).repaired).toBe(1);
    for (const path of [`/utbildningar/${id}.ics`, '/utbildningar/kalender.ics']) {
      const text = await (await app.request(path)).text();
      const { vcal, events } = icalEvents(text);
      expect(events.map((e) => e.uid)).toEqual([`${id}@ostergotland.utbildningar.invalid`]);
      expect(events[0]!.summary).toBe(forged.replace(/\r\n/g, '\n'));
      const node = Object.values(nodeIcal.sync.parseICS(text)).filter((c) => c?.type === 'VEVENT');
      expect(node).toHaveLength(1);
      if (path.endsWith(`${id}.ics`)) {
        // ical.js keeps the value of a property it has no type for as written: escaped TEXT on one line.
        expect(vcal.getFirstPropertyValue('x-wr-calname')).toBe(escapeText(forged));
        expect(vcal.getFirstPropertyValue('name')).toBe(escapeText(forged));
      }
      if (python) {
        const [read] = readWithPython(python, [text]);
        expect(read!.uids).toEqual([`${id}@ostergotland.utbildningar.invalid`]);
        if (path.endsWith(`${id}.ics`)) expect(read!.calname).toBe(forged.replace(/\r\n/g, '\n'));
      }
    }
  });

  it('refuses a title with a line break or other control character at input', async () => {
    const { app, editor, json } = await calendarKit();
    const res = await app.request('/api/calendar/events', { method: 'POST', ...json(trainingInput({ title: forged }), editor) });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { field: string; sv?: string }[] }).errors).toMatchObject([
      { field: 'title', sv: expect.any(String) },
    ]);
  });

  it('gives every VEVENT an ORGANIZER with the organiser’s name, as METHOD:PUBLISH requires', async () => {
    const { app, create } = await calendarKit();
    const { id } = await create();
    for (const path of ['/utbildningar/kalender.ics', `/utbildningar/${id}.ics`]) {
      const { vcal, events } = icalEvents((await feed(app, '')).text);
      expect(vcal.getFirstPropertyValue('method'), path).toBe('PUBLISH');
      for (const e of events) {
        const organizer = e.component.getFirstProperty('organizer')!;
        expect(organizer.getParameter('cn')).toBe('Ydre');
        expect(organizer.getFirstValue()).toBe('http://localhost/utbildningar?organizer=0512');
      }
    }
  });

  it('writes "CANCELLED:" and English labels in the English feed, "INSTÄLLD:" in the Swedish one', async () => {
    const { app, create, json, editor } = await calendarKit();
    const { id, etag } = await create();
    await app.request(`/api/calendar/events/${id}/cancel`, {
      method: 'POST',
      ...json({ reason: 'Sjukdom' }, editor, { 'if-match': etag }),
    });
    const en = await (await app.request('/utbildningar/kalender.ics?lang=en')).text();
    expect(icalEvents(en).events[0]!.summary).toBe('CANCELLED: MI grundkurs');
    expect(en).not.toContain('INSTÄLLD');
    expect(icalEvents(en).events[0]!.description).toContain('Organiser: Ydre');
    const single = await (await app.request(`/utbildningar/${id}.ics?lang=en`)).text();
    expect(icalEvents(single).events[0]!.summary).toBe('CANCELLED: MI grundkurs');
    expect(icalEvents((await feed(app)).text).events[0]!.summary).toBe('INSTÄLLD: MI grundkurs');
  });
});
