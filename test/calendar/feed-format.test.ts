import fc from 'fast-check';
import ICAL from 'ical.js';
import nodeIcal from 'node-ical';
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, property } from '../../functions/core/ical/content-line.js';
import { putEvent } from '../../functions/calendar/data/events.js';
import type { CalendarEvent } from '../../functions/calendar/model/event.js';
import { calendarKit, NOW } from './helpers.js';
import { pythonIcal, readWithPython } from './python-ical.js';

const python = pythonIcal();
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Every physical line: ends in CRLF (the last one too), at most 75 octets, whole UTF-8 sequences. */
function expectWellFormedLines(text: string): void {
  expect(text.endsWith('\r\n')).toBe(true);
  const lines = text.slice(0, -2).split('\r\n');
  for (const line of lines) {
    expect(line).not.toMatch(/[\r\n]/);
    const bytes = Buffer.from(line, 'utf8');
    expect(bytes.length, line).toBeLessThanOrEqual(75);
    expect(utf8.decode(bytes)).toBe(line);
  }
}

const unfold = (text: string) => text.replace(/\r\n /g, '');

// Pieces of hostile but plausible text: long Swedish words, separators iCalendar escapes,
// emoji (with joiners, flags and skin tones), decomposed letters with combining marks.
const piece = fc.constantFrom(
  'Länsövergripande',
  'beroendevård',
  'samsjuklighet',
  'Motiverande samtal',
  'Östergötland',
  'kompetensutvecklingsdag',
  ', ',
  ';',
  ':',
  '\\',
  '"',
  ' ',
  '👩🏽‍⚕️',
  '🇸🇪',
  '🧠',
  'A\u030angström',
  'Fo\u0308rdjupning',
  'e\u0301\u0323',
  'ÅÄÖ',
);
const words = (max: number) => fc.array(piece, { minLength: 1, maxLength: max }).map((p) => p.join(''));
const paragraph = fc.array(words(12), { maxLength: 4 }).map((p) => p.join('\n'));

const training = (i: number) =>
  fc
    .record({
      title: words(30),
      description: paragraph,
      place: fc.option(words(10), { nil: undefined }),
      cancelled: fc.boolean(),
      reason: words(8),
      organizer: fc.constantFrom('0512', '0513', 'region'),
      topic: fc.constantFrom('mi', 'sip', 'asi'),
    })
    .map((g): CalendarEvent => ({
      id: `gen-${i}`,
      title: g.title,
      description: g.description,
      topic: g.topic,
      organizer: g.organizer,
      audienceOrgs: [],
      audienceRoles: [],
      start: '2026-03-10T09:00:00+01:00',
      end: '2026-03-10T16:00:00+01:00',
      location: g.place ? { place: g.place, address: 'Storgatan 1, 573 21 Tranås' } : { onlineUrl: 'https://möte.example.se/rum?a=1;b=2' },
      language: 'sv',
      capacity: 20,
      registrationDeadline: '2026-03-01T12:00:00+01:00',
      status: g.cancelled ? 'cancelled' : 'scheduled',
      ...(g.cancelled ? { statusReason: g.reason } : {}),
      sequence: g.cancelled ? 1 : 0,
      createdAt: NOW,
      updatedAt: NOW,
    }));
const trainings = fc.integer({ min: 1, max: 4 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => training(i))));

/** The feeds of the area for a set of stored trainings: Swedish, English, per topic, per organiser, each training's file. */
async function feedsOf(events: readonly CalendarEvent[]) {
  const { app, kit } = await calendarKit();
  for (const e of events) await putEvent(kit.deps.store, e);
  const paths = [
    '/utbildningar/kalender.ics',
    '/utbildningar/kalender.ics?lang=en',
    `/utbildningar/kalender.ics?topic=${events[0]!.topic}`,
    `/utbildningar/kalender.ics?organizer=${events[0]!.organizer}&lang=en`,
    ...events.map((e) => `/utbildningar/${e.id}.ics`),
    `/utbildningar/${events[0]!.id}.ics?lang=en`,
  ];
  return Promise.all(
    paths.map(async (path) => {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      return { path, text: await res.text() };
    }),
  );
}

const summaryOf = (e: CalendarEvent, lang: 'sv' | 'en') =>
  e.status === 'cancelled' ? `${lang === 'sv' ? 'INSTÄLLD' : 'CANCELLED'}: ${e.title}` : e.title;

describe('the one escaping and folding path', () => {
  it('folds any text at 75 octets without splitting a UTF-8 sequence, and unfolds to the same line', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 400 }), words(40)),
        (s) => {
          const line = property('DESCRIPTION', s, { text: true });
          expectWellFormedLines(line);
          expect(unfold(line)).toBe(`DESCRIPTION:${escapeText(s)}\r\n`);
        },
      ),
    );
  });

  it('escapes backslash, semicolon, comma and every kind of line break in TEXT', () => {
    expect(escapeText('a\\b;c,d\r\ne\rf\ng\u2028h')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng\\nh');
    expect(foldLine('X'.repeat(75))).toBe('X'.repeat(75));
    expect(foldLine('X'.repeat(76))).toBe(`${'X'.repeat(75)}\r\n X`);
  });
});

describe('every feed and file, over generated trainings', () => {
  it('has lines of at most 75 octets ending in CRLF, and ical.js and node-ical read back every title', async () => {
    await fc.assert(
      fc.asyncProperty(trainings, async (events) => {
        for (const { path, text } of await feedsOf(events)) {
          expectWellFormedLines(text);
          const lang = path.includes('lang=en') ? 'en' : 'sv';
          const vcal = new ICAL.Component(ICAL.parse(text));
          const vevents = vcal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
          const shown = events.filter((e) => vevents.some((v) => v.uid === `${e.id}@ostergotland.utbildningar.invalid`));
          expect(vevents).toHaveLength(shown.length);
          expect(vevents.map((v) => v.summary).sort()).toEqual(shown.map((e) => summaryOf(e, lang)).sort());
          for (const v of vevents) {
            const e = shown.find((x) => v.uid.startsWith(`${x.id}@`))!;
            expect(v.description.startsWith(e.description)).toBe(true);
            expect(v.location).toBe(e.location.place ? `${e.location.place}, ${e.location.address}` : e.location.onlineUrl);
          }
          const node = Object.values(nodeIcal.sync.parseICS(text)).filter((c) => c?.type === 'VEVENT') as nodeIcal.VEvent[];
          expect(node.map((v) => String(typeof v.summary === 'string' ? v.summary : v.summary.val)).sort()).toEqual(
            shown.map((e) => summaryOf(e, lang)).sort(),
          );
        }
      }),
      { numRuns: 15 },
    );
  }, 60_000);

  it.skipIf(!python)(
    'is read by Python’s icalendar without errors, with every title and an ORGANIZER in each event',
    async () => {
      const sets = fc.sample(trainings, { numRuns: 8, seed: 2026 });
      const feeds = (await Promise.all(sets.map(feedsOf))).flat();
      const readings = readWithPython(
        python!,
        feeds.map((f) => f.text),
      );
      readings.forEach((r, i) => {
        const { path } = feeds[i]!;
        expect(r.errors, path).toEqual([]);
        expect(r.method).toBe('PUBLISH');
        for (const o of r.organizers) expect(o).toMatch(/^https?:\/\/[^/]+\/utbildningar\?organizer=/);
        expect(r.organizers).toHaveLength(r.summaries.length);
        expect(r.summaries.length).toBeGreaterThan(0);
        expect(new Set(r.uids).size).toBe(r.uids.length);
      });
      // Titles as Python reads them are the titles written.
      const all = sets.flat().flatMap((e) => [summaryOf(e, 'sv'), summaryOf(e, 'en')]);
      for (const r of readings) for (const s of r.summaries) expect(all).toContain(s);
    },
    60_000,
  );
});
