import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { calendarKit, trainingInput } from './helpers.js';

type Kit = Awaited<ReturnType<typeof calendarKit>>;
let kit: Kit;
let id: string;

beforeAll(async () => {
  kit = await calendarKit();
  id = (await kit.create({ capacity: 500 })).id;
});

const char = (codes: readonly number[]) => fc.constantFrom(...codes.map((c) => String.fromCodePoint(c)));
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
// C0 and C1 controls, DEL, line and paragraph separators.
const control = char([...range(0x00, 0x1f), ...range(0x7f, 0x9f), 0x2028, 0x2029]);
// Bidirectional embeddings, overrides and isolates, and the Arabic letter mark.
const bidi = char([...range(0x202a, 0x202e), ...range(0x2066, 0x2069), 0x061c]);
// Text with nothing visible: zero-width characters, joiners, BOM, soft hyphen, spaces.
const invisible = fc
  .array(char([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad, 0x0020, 0x00a0, 0x3000, 0x180e, 0xfe0f]), { minLength: 1, maxLength: 8 })
  .map((a) => a.join(''));
const word = fc.constantFrom('MI grundkurs', 'Kommunhuset', 'Anna Östberg', 'Region Östergötland');
/**
 * A plausible value with one refused character inside it, or no visible character at all. (At
 * either end, white-space controls such as tab or line feed are trimmed like spaces, not refused.)
 */
const badSingleLine = fc.oneof(
  fc.tuple(word, fc.oneof(control, bidi), fc.nat()).map(([w, bad, at]) => {
    const i = 1 + (at % (w.length - 1));
    return `${w.slice(0, i)}${bad}${w.slice(i)}`;
  }),
  invisible,
);

type Problem = { errors: { field: string; sv?: string; row?: number; column?: string }[] };

describe('text typed into the calendar', () => {
  it('refuses control, bidi-override and invisible-only text in every single-line field of a training', async () => {
    const fields = {
      title: (v: string) => ({ title: v }),
      'location.place': (v: string) => ({ location: { place: v } }),
      'location.address': (v: string) => ({ location: { place: 'Kommunhuset', address: v } }),
    };
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...(Object.keys(fields) as (keyof typeof fields)[])), badSingleLine, async (field, value) => {
        const res = await kit.app.request('/api/calendar/events', {
          method: 'POST',
          ...kit.json(trainingInput(fields[field](value)), kit.editor),
        });
        expect(res.status).toBe(400);
        const body = (await res.json()) as Problem;
        expect(body.errors.map((e) => e.field)).toContain(field);
      }),
      { numRuns: 60 },
    );
    expect((await kit.kit.deps.store.list('calendar/events/')).items).toHaveLength(1);
  });

  it('refuses such text in a registration’s name and organisation, through the API and the form', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('name', 'org'), badSingleLine, async (field, value) => {
        const fields = { name: 'Anna', email: 'anna@ydre.se', org: '0512', [field]: value };
        const api = await kit.app.request(`/api/calendar/events/${id}/registrations`, { method: 'POST', ...kit.json(fields) });
        expect(api.status).toBe(400);
        expect(((await api.json()) as Problem).errors.map((e) => e.field)).toContain(field);
        const page = await kit.app.request(`/utbildningar/${id}/anmalan`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
          body: new URLSearchParams(fields).toString(),
        });
        expect(page.status).toBe(400);
        expect(await page.text()).toContain(`href="#${field}"`);
      }),
      { numRuns: 40 },
    );
    expect((await kit.kit.deps.store.list('calendar/registrations/')).items).toHaveLength(0);
  });

  it('says what is wrong with a name in both languages on the form', async () => {
    const res = await kit.app.request(`/utbildningar/${id}/anmalan`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
      body: new URLSearchParams({ name: '\u200b\u200b', email: 'anna@ydre.se', org: '0512' }).toString(),
    });
    expect(await res.text()).toContain('Texten har inget synligt tecken');
  });

  it('refuses such text in a cancellation reason', async () => {
    const { app, create, json, editor } = await calendarKit();
    const created = await create();
    await fc.assert(
      fc.asyncProperty(badSingleLine, async (reason) => {
        const res = await app.request(`/api/calendar/events/${created.id}/cancel`, {
          method: 'POST',
          ...json({ reason }, editor, { 'if-match': created.etag }),
        });
        expect(res.status).toBe(400);
      }),
      { numRuns: 20 },
    );
  });

  it('refuses such text in the titles and places of a CSV import, naming row and column in Swedish', async () => {
    const header = 'titel;ämne;arrangör;start;slut;plats;platser;sista anmälningsdag';
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('titel', 'plats'), badSingleLine, async (column, value) => {
        const cells = { titel: 'MI grundkurs', plats: 'Kommunhuset', [column]: value };
        const quoted = (v: string) => `"${v.replace(/"/g, '""')}"`;
        const line = [
          quoted(cells.titel),
          'mi',
          '0512',
          '2026-04-14 09:00',
          '2026-04-14 16:00',
          quoted(cells.plats),
          '25',
          '2026-04-01 12:00',
        ];
        const res = await kit.app.request('/api/calendar/import', {
          method: 'POST',
          headers: { 'content-type': 'text/csv', authorization: kit.editor },
          body: `${header}\n${line.join(';')}\n`,
        });
        expect(res.status).toBe(400);
        const errors = ((await res.json()) as Problem).errors;
        expect(errors.find((e) => e.row === 2 && e.column === column)?.sv).toBeTruthy();
      }),
      { numRuns: 40 },
    );
    expect((await kit.kit.deps.store.list('calendar/events/')).items).toHaveLength(1);
  });

  it('stores titles and places in NFC', async () => {
    const { create, app } = await calendarKit();
    const { id: created } = await create({ title: 'Fo\u0308rdjupning i A\u030angest', location: { place: 'Ma\u0308larsalen' } });
    const body = (await (await app.request(`/api/calendar/events/${created}`)).json()) as { title: string; location: { place: string } };
    expect(body.title).toBe('Fördjupning i Ångest');
    expect(body.location.place).toBe('Mälarsalen');
  });
});
