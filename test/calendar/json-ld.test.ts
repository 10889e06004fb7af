import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventJsonLd } from '../../functions/calendar/pages/json-ld.js';
import type { CalendarEvent } from '../../functions/calendar/model/event.js';
import { areaConfig } from '../support/deps.js';
import { calendarKit, NOW } from './helpers.js';

// Properties schema.org defines for each type used (Thing's own included), from schema.org's vocabulary.
const THING = ['@context', '@type', '@id', 'name', 'url', 'description', 'identifier', 'image', 'sameAs', 'alternateName'];
const EVENT = [
  ...THING,
  ...['about', 'attendee', 'audience', 'doorTime', 'duration', 'endDate', 'eventAttendanceMode', 'eventSchedule', 'eventStatus'],
  ...['inLanguage', 'isAccessibleForFree', 'keywords', 'location', 'maximumAttendeeCapacity', 'offers', 'organizer', 'performer'],
  ...['previousStartDate', 'remainingAttendeeCapacity', 'sponsor', 'startDate', 'subEvent', 'superEvent', 'typicalAgeRange'],
  ...['assesses', 'educationalLevel', 'teaches'], // EducationEvent's own
];
const ALLOWED: Record<string, readonly string[]> = {
  EducationEvent: EVENT,
  Offer: [
    ...THING,
    'price',
    'priceCurrency',
    'availability',
    'validFrom',
    'validThrough',
    'availabilityStarts',
    'availabilityEnds',
    'seller',
  ],
  Place: [...THING, 'address', 'geo', 'telephone', 'hasMap'],
  VirtualLocation: THING,
  Organization: [...THING, 'email', 'telephone', 'address', 'logo'],
};

/** Every node of the JSON-LD uses only properties its type has. */
function expectKnownProperties(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(expectKnownProperties);
  if (!node || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  const type = record['@type'] as string;
  expect(Object.keys(ALLOWED), `type ${type}`).toContain(type);
  for (const [key, value] of Object.entries(record)) {
    expect(ALLOWED[type], `${type}.${key}`).toContain(key);
    expectKnownProperties(value);
  }
}

const config = areaConfig('ostergotland');
const base: CalendarEvent = {
  id: 'x1',
  title: 'MI grundkurs',
  description: 'Två dagar.',
  topic: 'mi',
  organizer: '0512',
  audienceOrgs: [],
  audienceRoles: [],
  start: '2026-03-10T09:00:00+01:00',
  end: '2026-03-10T16:00:00+01:00',
  location: { place: 'Kommunhuset', onlineUrl: 'https://möte.example.se/a' },
  language: 'sv',
  capacity: 20,
  registrationDeadline: '2026-03-01T23:59:00+01:00',
  status: 'scheduled',
  sequence: 0,
  createdAt: NOW,
  updatedAt: NOW,
};
const page = (now: string) => ({ url: 'https://stod.example.se/utbildningar/x1', origin: 'https://stod.example.se', now: new Date(now) });

describe('schema.org JSON-LD of a training', () => {
  it('is in stock only while the training is on, registration open and seats left', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('scheduled', 'moved', 'cancelled'),
        fc.constantFrom('2026-02-10T10:00:00+01:00', '2026-03-05T10:00:00+01:00', '2026-04-01T10:00:00+02:00'),
        fc.integer({ min: 0, max: 25 }),
        (status, now, confirmed) => {
          const event = { ...base, status, ...(status === 'moved' ? { previousStart: '2026-03-03T09:00:00+01:00' } : {}) };
          const data = eventJsonLd(config, event, page(now), confirmed) as { offers: { availability: string }; eventStatus: string };
          expectKnownProperties(data);
          const open = status !== 'cancelled' && Date.parse(now) <= Date.parse(base.registrationDeadline) && confirmed < base.capacity;
          expect(data.offers.availability === 'https://schema.org/InStock').toBe(open);
          if (status === 'cancelled') {
            expect(data.eventStatus).toBe('https://schema.org/EventCancelled');
            expect(data.offers.availability).toBe('https://schema.org/Discontinued');
          }
        },
      ),
    );
  });

  it('names the organiser with a URL, and a cancelled training’s page says so', async () => {
    const { app, create, json, editor } = await calendarKit();
    const { id, etag } = await create();
    await app.request(`/api/calendar/events/${id}/cancel`, {
      method: 'POST',
      ...json({ reason: 'Sjukdom' }, editor, { 'if-match': etag }),
    });
    const html = await (await app.request(`/utbildningar/${id}`)).text();
    const data = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!) as Record<string, unknown>;
    expectKnownProperties(data);
    expect(data).toMatchObject({
      eventStatus: 'https://schema.org/EventCancelled',
      organizer: { '@type': 'Organization', name: 'Ydre', url: 'http://localhost/utbildningar?organizer=0512' },
      offers: { availability: 'https://schema.org/Discontinued' },
      remainingAttendeeCapacity: 0,
    });
    expect((await app.request('/utbildningar?organizer=0512')).status).toBe(200);
  });
});
