import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { calendarKit, trainingInput } from './helpers.js';

type Kit = Awaited<ReturnType<typeof calendarKit>>;
let kit: Kit;
let id: string;

beforeAll(async () => {
  kit = await calendarKit();
  id = (await kit.create({ capacity: 2 })).id;
});

const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('', '..', '%00', '2026-13-45', '-1', 'true', '0512'),
);
const query = fc.dictionary(
  fc.constantFrom('topic', 'organizer', 'from', 'to', 'municipality', 'seatsLeft', 'cursor', 'limit', 'year', 'lang', 'x'),
  text,
);
const qs = (q: Record<string, string>) => new URLSearchParams(q).toString();
const anyJson = fc.oneof(
  fc.jsonValue(),
  fc.record(Object.fromEntries(Object.entries(trainingInput()).map(([k, v]) => [k, fc.oneof(fc.constant(v), fc.jsonValue(), text)])), {
    requiredKeys: [],
  }),
  fc.record(
    {
      name: fc.oneof(text, fc.jsonValue()),
      email: fc.oneof(text, fc.constant('a@b.se')),
      org: fc.oneof(text, fc.constant('0512')),
      role: text,
    },
    { requiredKeys: [] },
  ),
);
const segment = fc.oneof(text.map(encodeURIComponent), fc.constant('x'));

async function status(path: string, init: RequestInit = {}): Promise<number> {
  const res = await kit.app.request(path, init);
  return res.status;
}

const never500 = (prop: fc.IAsyncPropertyWithHooks<unknown[]> | fc.IAsyncProperty<unknown[]>) => fc.assert(prop, { numRuns: 30 });

describe('no route ever answers 500', () => {
  it('GET lists, feeds, pages and the year view with any query', () =>
    never500(
      fc.asyncProperty(
        query,
        fc.constantFrom(
          '/api/calendar/events',
          '/api/calendar/year',
          '/utbildningar/kalender.ics',
          '/utbildningar',
          '/utbildningar/arshjul',
        ),
        async (q, path) => {
          expect(await status(`${path}?${qs(q)}`)).toBeLessThan(500);
        },
      ),
    ));

  it('GET a training, its page, its .ics and its registrations with any id', () =>
    never500(
      fc.asyncProperty(segment, fc.boolean(), async (seg, auth) => {
        const headers = auth ? { authorization: kit.editor } : undefined;
        for (const p of [
          `/api/calendar/events/${seg}`,
          `/utbildningar/${seg}`,
          `/utbildningar/${seg}.ics`,
          `/api/calendar/events/${seg}/registrations`,
        ])
          expect(await status(p, { headers })).toBeLessThan(500);
      }),
    ));

  it('POST, PUT and cancel trainings with any body and If-Match', () =>
    never500(
      fc.asyncProperty(anyJson, text, fc.constantFrom('POST', 'PUT', 'CANCEL'), async (body, ifMatch, kind) => {
        const path =
          kind === 'POST' ? '/api/calendar/events' : kind === 'PUT' ? `/api/calendar/events/${id}` : `/api/calendar/events/${id}/cancel`;
        const init = kit.json(body, kit.editor, /^[\x20-\x7e]*$/.test(ifMatch) ? { 'if-match': ifMatch } : {});
        expect(await status(path, { method: kind === 'PUT' ? 'PUT' : 'POST', ...init })).toBeLessThan(500);
      }),
    ));

  it('register and cancel registrations with any body and token', () =>
    never500(
      fc.asyncProperty(anyJson, segment, async (body, token) => {
        expect(await status(`/api/calendar/events/${id}/registrations`, { method: 'POST', ...kit.json(body) })).toBeLessThan(500);
        expect(await status(`/api/calendar/events/${id}/registrations/${token}`, { method: 'DELETE' })).toBeLessThan(500);
      }),
    ));

  it('post the registration and cancel forms with any fields', () =>
    never500(
      fc.asyncProperty(fc.dictionary(fc.constantFrom('name', 'email', 'org', 'role', 'x'), text), segment, async (fields, token) => {
        const init = {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
          body: qs(fields),
        };
        expect(await status(`/utbildningar/${id}/anmalan`, init)).toBeLessThan(500);
        expect(await status(`/utbildningar/avboka/${id}/${token}`, init)).toBeLessThan(500);
      }),
    ));

  it('import any CSV text', () =>
    never500(
      fc.asyncProperty(fc.array(fc.array(text, { maxLength: 15 }), { maxLength: 5 }), async (rows) => {
        const body = ['titel;ämne;arrangör;start;slut;platser;sista anmälningsdag', ...rows.map((r) => r.join(';'))].join('\n');
        expect(
          await status('/api/calendar/import', {
            method: 'POST',
            headers: { 'content-type': 'text/csv', authorization: kit.editor },
            body,
          }),
        ).toBeLessThan(500);
      }),
    ));

  it('attendance and purge with any token', () =>
    never500(
      fc.asyncProperty(fc.constantFrom('', 'Bearer x', 'admin', 'editor'), async (who) => {
        const authorization = who === 'admin' ? kit.admin : who === 'editor' ? kit.editor : who;
        expect(await status('/api/calendar/attendance', { headers: { authorization } })).toBeLessThan(500);
        expect(await status('/api/calendar/purge', { method: 'POST', headers: { authorization } })).toBeLessThan(500);
      }),
    ));
});
