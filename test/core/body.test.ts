import fc from 'fast-check';
import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { createBaseApp } from '../../functions/core/http/base-app.js';
import { decodeUtf8, firstInvalidUtf8, formBody, jsonBody, queryParams, readBody } from '../../functions/core/http/body.js';
import { testKit } from '../support/deps.js';

const byte = (lo: number, hi: number) => fc.integer({ min: lo, max: hi });
const cont = byte(0x80, 0xbf);

/** Byte sequences that are not UTF-8, one of each kind RFC 3629 rules out. */
const invalidSequence: fc.Arbitrary<number[]> = fc.oneof(
  // A continuation byte with no lead byte.
  fc.tuple(cont).map((b) => b),
  // Bytes that never occur: C0, C1 (overlong two-byte leads) and F5–FF.
  fc.tuple(fc.oneof(byte(0xc0, 0xc1), byte(0xf5, 0xff))).map((b) => b),
  // Overlong three- and four-byte forms.
  fc.tuple(fc.constant(0xe0), byte(0x80, 0x9f), cont),
  fc.tuple(fc.constant(0xf0), byte(0x80, 0x8f), cont, cont),
  // UTF-16 surrogates encoded in UTF-8 (CESU-8).
  fc.tuple(fc.constant(0xed), byte(0xa0, 0xbf), cont),
  // Code points above U+10FFFF.
  fc.tuple(fc.constant(0xf4), byte(0x90, 0xbf), cont, cont),
  // A lead byte whose sequence is cut short by an ASCII byte.
  fc.tuple(byte(0xc2, 0xdf), byte(0x20, 0x7e)),
  fc.tuple(byte(0xe1, 0xec), cont, byte(0x20, 0x7e)),
  fc.tuple(byte(0xf1, 0xf3), cont, cont, byte(0x20, 0x7e)),
);

/** Valid text around a bad sequence: Swedish letters, emoji, anything well-formed. */
const text = fc.string({ unit: 'grapheme', maxLength: 20 });
const withBadBytes = fc
  .tuple(text, invalidSequence, text)
  .map(([before, bad, after]) => ({ before, bad: Uint8Array.from(bad), after, offset: Buffer.byteLength(before) }));

const concat = (...parts: (string | Uint8Array)[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));
const percent = (bytes: Uint8Array) => [...bytes].map((b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`).join('');

async function makeApp() {
  const kit = await testKit({ area: 'jamtland' });
  const app = createBaseApp(kit.deps, 'directory');
  app.post('/api/directory/json', async (c) => c.json(await jsonBody(c, z.object({ name: z.string() }))));
  app.post('/api/directory/form', async (c) => c.json(Object.fromEntries(await formBody(c))));
  app.post('/api/directory/csv', async (c) => c.json({ text: await readBody(c) }));
  app.get('/api/directory/search', (c) => c.json(queryParams(c, z.record(z.string(), z.union([z.string(), z.array(z.string())])))));
  return app;
}

async function expectRefused(res: Response, field: string): Promise<void> {
  expect(res.status).toBe(400);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  const problem = (await res.json()) as { title: string; detail: string; errors: { field: string; message: string; sv: string }[] };
  expect(problem.title).toBe('Ogiltig begäran');
  expect(problem.detail).toContain('UTF-8');
  expect(problem.errors[0]).toMatchObject({ field, message: expect.stringContaining('UTF-8'), sv: expect.stringContaining('UTF-8') });
}

describe('a request body that is not UTF-8', () => {
  it('is refused as JSON, naming the body', async () => {
    const app = await makeApp();
    await fc.assert(
      fc.asyncProperty(withBadBytes, async ({ before, bad, after }) => {
        const inJson = (t: string) => JSON.stringify(t).slice(1, -1);
        const body = concat('{"name":"', inJson(before), bad, inJson(after), '"}');
        const res = await app.request('/api/directory/json', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        await expectRefused(res, '(body)');
      }),
      { numRuns: 60 },
    );
  });

  it('is refused as CSV or any raw text, naming the body', async () => {
    const app = await makeApp();
    await fc.assert(
      fc.asyncProperty(withBadBytes, async ({ before, bad, after }) => {
        const body = concat('namn;kommun\n', before, bad, after, ';2380\n');
        await expectRefused(await app.request('/api/directory/csv', { method: 'POST', body }), '(body)');
      }),
      { numRuns: 60 },
    );
  });

  it('is refused as a form, raw or percent-encoded, naming the field', async () => {
    const app = await makeApp();
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    await fc.assert(
      fc.asyncProperty(withBadBytes, fc.boolean(), async ({ before, bad, after }, encoded) => {
        const value = encoded
          ? `${encodeURIComponent(before)}${percent(bad)}${encodeURIComponent(after)}`
          : concat(encodeURIComponent(before), bad, encodeURIComponent(after));
        const body = concat('ok=1&namn=', value, '&sista=2');
        const res = await app.request('/api/directory/form', { method: 'POST', headers: form, body });
        await expectRefused(res, encoded ? 'namn' : '(body)');
      }),
      { numRuns: 80 },
    );
  });

  it('names the form body when a field name is not UTF-8', async () => {
    const app = await makeApp();
    const res = await app.request('/api/directory/form', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'n%FFamn=1',
    });
    await expectRefused(res, '(body)');
  });
});

describe('a query string that is not UTF-8', () => {
  it('is refused, naming the parameter', async () => {
    const app = await makeApp();
    await fc.assert(
      fc.asyncProperty(withBadBytes, async ({ before, bad, after }) => {
        const q = `${encodeURIComponent(before)}${percent(bad)}${encodeURIComponent(after)}`;
        const res = await app.request(`/api/directory/search?municipality=2380&q=${q}`);
        expect(res.status).toBe(400);
        const problem = (await res.json()) as { detail: string; errors: { field: string; sv: string }[] };
        expect(problem.detail).toBe('The query string must be UTF-8.');
        expect(problem.errors[0]).toMatchObject({ field: 'q', sv: 'Fältet är inte giltig UTF-8-text' });
      }),
      { numRuns: 40 },
    );
  });

  it('reads every well-formed query as URLSearchParams does', async () => {
    const app = await makeApp();
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 20 })),
        async (query) => {
          const search = new URLSearchParams(query).toString();
          const res = await app.request(`/api/directory/search?${search}`);
          expect(await res.json()).toEqual(Object.fromEntries(new URLSearchParams(search)));
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('a request body that is UTF-8', () => {
  it('reads every well-formed string unchanged, as JSON and as a form', async () => {
    const app = await makeApp();
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 40 }), async (name) => {
        const json = await app.request('/api/directory/json', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ name }),
        });
        expect(await json.json()).toEqual({ name });
        const form = await app.request('/api/directory/form', {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ name }).toString(),
        });
        expect(await form.json()).toEqual({ name });
      }),
      { numRuns: 60 },
    );
  });

  it('reads a form as URLSearchParams does: plus as space, repeated and empty fields, stray percent signs', async () => {
    const app = await makeApp();
    const body = 'a=1+2&a=3&b=&c&d=50%25&e=100%&f=%zz&g=%C3%A5%c3%a4';
    const res = await app.request('/api/directory/form', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    expect(await res.json()).toEqual(Object.fromEntries(new URLSearchParams(body)));
  });

  it('drops a byte order mark before a CSV', () => {
    expect(decodeUtf8(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]), '(body)')).toBe('a');
  });
});

describe('firstInvalidUtf8', () => {
  it('agrees with a strict decoder on any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 24 }), (bytes) => {
        let valid = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        } catch {
          valid = false;
        }
        expect(firstInvalidUtf8(bytes) === -1).toBe(valid);
      }),
      { numRuns: 2000 },
    );
  });

  it('points at the first byte of the bad sequence', () => {
    fc.assert(
      fc.property(withBadBytes, ({ before, bad, after, offset }) => {
        expect(firstInvalidUtf8(concat(before, bad, after))).toBe(offset);
      }),
    );
  });
});
