import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { toCsv } from '../../functions/core/csv/index.js';
import { COLLECTION_KEY } from '../../functions/directory/model/collection.js';
import { directoryApp, json, jsonInit, kindaService, type J } from './helpers.js';

const code = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i));
/** C0 and C1 controls, DEL and the line/paragraph separators. */
const CONTROLS = [...code(0x00, 0x1f), '\u007f', ...code(0x80, 0x9f), '\u2028', '\u2029'];
/** Controls a multi-line text may not hold either (tab, LF and CR are line layout). */
const MULTI_CONTROLS = CONTROLS.filter((c) => !['\t', '\n', '\r', '\u2028', '\u2029'].includes(c));
/** Bidirectional embeddings, overrides, isolates and the Arabic letter mark. */
const BIDI = [...code(0x202a, 0x202e), ...code(0x2066, 0x2069), '\u061c'];
/** Characters that show nothing. */
const INVISIBLE = [
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\u00ad',
  '\u180e',
  '\u3164',
  '\u034f',
  '\ufe0f',
  ' ',
  '\u00a0',
  '\u3000',
];

const invisibleOnly = fc.array(fc.constantFrom(...INVISIBLE), { minLength: 1, maxLength: 8 }).map((a) => a.join(''));
const withOne = (chars: readonly string[]) =>
  fc.tuple(fc.constantFrom(...chars), fc.nat(10)).map(([ch, at]) => {
    const visible = 'Stöd för anhöriga';
    // inside the text: white space at either end is trimmed, which is fine
    const i = 1 + (at % (visible.length - 1));
    return visible.slice(0, i) + ch + visible.slice(i);
  });

type Route = { path: string; field: string; body: (value: string) => unknown };
const set = (target: J, path: string, value: string): J => {
  const [head, ...rest] = path.split('.');
  if (!rest.length) return { ...target, [head!]: value };
  const copy = Array.isArray(target) ? [...target] : { ...target };
  (copy as J)[head!] = set((target as J)[head!] ?? {}, rest.join('.'), value);
  return copy;
};
const serviceBase = kindaService({ locations: [{ city: 'Kisa' }], phones: [{ number: '0494-190 00' }] });
const service = (field: string): Route => ({ path: '/api/directory/services', field, body: (v) => set(serviceBase, field, v) });
const group = (field: string): Route => ({
  path: '/api/directory/groups',
  field,
  body: (v) => set({ name: 'Grupp', members: ['0513'] }, field, v),
});
const agreement = (field: string): Route => ({
  path: '/api/directory/agreements',
  field,
  body: (v) => set({ title: 'Avtal', parties: ['region', '0513'] }, field, v),
});

const SINGLE: Record<string, Route> = {
  'service name': service('name'),
  'service age note': service('ageNote'),
  'service source': service('source'),
  'service steward': service('steward'),
  'location name': service('locations.0.name'),
  'location street': service('locations.0.street'),
  'location city': service('locations.0.city'),
  'phone description': service('phones.0.description'),
  'group name': group('name'),
  'group contact role': group('contactRole'),
  'group meeting rhythm': group('meetingRhythm'),
  'agreement title': agreement('title'),
  'agreement source': agreement('source'),
};
const MULTI: Record<string, Route> = {
  'service description': service('description'),
  'location accessibility': service('locations.0.accessibility'),
  'group mandate': group('mandate'),
  'agreement note': agreement('note'),
};

const FIELD: Record<string, string> = Object.fromEntries(Object.entries({ ...SINGLE, ...MULTI }).map(([k, r]) => [k, r.field]));

describe('text typed into the directory', () => {
  let ctx: Awaited<ReturnType<typeof directoryApp>>;
  let admin: string;
  const stored = async () => {
    const found = await ctx.deps.store.get(COLLECTION_KEY);
    return found && found !== 'not-modified' ? found.etag : 'none';
  };
  const post = (route: Route, value: string) => ctx.app.request(route.path, jsonInit('POST', route.body(value), admin));

  beforeAll(async () => {
    ctx = await directoryApp('ostergotland');
    admin = await ctx.kit.bearer({ roles: ['admin'] });
    await ctx.app.request('/api/directory/services');
  });

  it('refuses "\\u200b\\u200b" as a service name and stores nothing', async () => {
    const before = await stored();
    const res = await post(SINGLE['service name']!, '\u200b\u200b');
    expect(res.status).toBe(400);
    const problem = await json(res);
    expect(problem.errors).toEqual([
      { field: 'name', message: 'The text has no visible character', sv: 'Texten har inget synligt tecken' },
    ]);
    expect(await stored()).toBe(before);
  });

  it('refuses invisible-only text, control and bidi characters in every single-line field, naming the field', async () => {
    const before = await stored();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...Object.keys(SINGLE)),
        fc.oneof(invisibleOnly, withOne(CONTROLS), withOne(BIDI)),
        async (name, value) => {
          const res = await post(SINGLE[name]!, value);
          expect(res.status, `${name}: ${JSON.stringify(value)}`).toBe(400);
          const problem = await json(res);
          expect([...new Set(problem.errors.map((e: J) => e.field))]).toEqual([FIELD[name]]);
        },
      ),
      { numRuns: 150 },
    );
    expect(await stored()).toBe(before);
  });

  it('refuses invisible-only text, control characters and bidi overrides in multi-line fields', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...Object.keys(MULTI)),
        fc.oneof(invisibleOnly, withOne(MULTI_CONTROLS), withOne(BIDI)),
        async (name, value) => {
          const res = await post(MULTI[name]!, value);
          if (res.status === 201) {
            // white space only (as JavaScript trims it) reads as a field left out
            expect(value.trim()).toBe('');
            expect(FIELD[name]!.split('.').reduce((o: J, k) => o?.[k], await json(res))).toBeUndefined();
            return;
          }
          expect(res.status, `${name}: ${JSON.stringify(value)}`).toBe(400);
          expect([...new Set((await json(res)).errors.map((e: J) => e.field))]).toEqual([FIELD[name]]);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('keeps the line breaks of a description (CRLF read as LF) and stores names in NFC', async () => {
    const res = await post(SINGLE['service name']!, 'Mottagning Ja\u0308mtland');
    expect(res.status).toBe(201);
    expect((await json(res)).name).toBe('Mottagning Jämtland');
    const described = await post(MULTI['service description']!, 'Första raden.\r\nAndra raden.\n\nNytt stycke.');
    expect((await json(described)).description).toBe('Första raden.\nAndra raden.\n\nNytt stycke.');
  });

  it('refuses the same characters in a CSV import, by row and column, with a Swedish text', async () => {
    const before = await stored();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('namn', 'källa'),
        fc.oneof(
          // a cell of white space alone is an empty cell
          invisibleOnly.filter((v) => v.trim() !== ''),
          withOne(CONTROLS.filter((c) => !['\n', '\r', '"', ';'].includes(c))),
          withOne(BIDI),
        ),
        async (column, value) => {
          const header = ['namn', 'organisation', 'huvudman', 'källa'];
          const row = { namn: 'Stöd', organisation: '0513', huvudman: 'municipality', källa: 'Kommunen', [column]: value };
          const res = await ctx.app.request('/api/directory/services.csv', {
            method: 'POST',
            body: toCsv([header, header.map((h) => row[h as keyof typeof row] ?? '')]),
            headers: { 'content-type': 'text/csv', authorization: admin },
          });
          expect(res.status, JSON.stringify(value)).toBe(400);
          const problem = await json(res);
          expect(problem.rowErrors[0]).toMatchObject({ row: 2, column });
          expect(problem.rowErrors[0].sv).not.toBe('Ogiltigt värde');
        },
      ),
      { numRuns: 60 },
    );
    expect(await stored()).toBe(before);
  });
});

describe('a description on the service page', () => {
  it('keeps its line breaks and paragraphs', async () => {
    const { app, kit } = await directoryApp('ostergotland');
    const admin = await kit.bearer({ roles: ['admin'] });
    const body = kindaService({ description: 'Första raden.\nAndra <raden>.\n\nNytt stycke.' });
    const { id } = await json(await app.request('/api/directory/services', jsonInit('POST', body, admin)));
    const html = await (await app.request(`/hitta-stod/tjanst/${id}`)).text();
    expect(html).toContain('<p class="lead">Första raden.<br/>Andra &lt;raden&gt;.</p><p class="lead">Nytt stycke.</p>');
  });
});
