import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { getJson } from '../../functions/core/store/json.js';
import { parseFormBytes } from '../../functions/core/http/form.js';
import { EMPTY_INPUT } from '../../functions/feedback/form/input.js';
import { saveSubmission, type Submission } from '../../functions/feedback/data/submissions.js';
import { sessionCookie } from '../support/session.js';
import { bodyOf, feedbackHarness, formBody, VALID, type FeedbackHarness } from './helpers.js';

const runs = { numRuns: 60 };
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i));

// C0 (without tab, LF and CR, which a message may hold), DEL and C1.
const CONTROL = [...range(0x00, 0x08), '\u000b', '\u000c', ...range(0x0e, 0x1f), '\u007f', ...range(0x80, 0x9f)];
// Bidirectional embeddings, overrides and isolates, and the Arabic letter mark.
const BIDI = [...range(0x202a, 0x202e), ...range(0x2066, 0x2069), '\u061c'];
// Characters that show nothing.
const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u034f', '\u180e', ' ', '\u00a0'];

const words = fc.constantFrom('Bra bemötande', 'Lång väntetid på mottagningen', 'Personalen lyssnade');
/** A visible text with one bad character put inside it (at the edges, white space is trimmed). */
const withBad = (bad: readonly string[]) =>
  fc.tuple(words, fc.constantFrom(...bad), fc.nat()).map(([w, ch, at]) => {
    const i = 1 + (at % (w.length - 1));
    return w.slice(0, i) + ch + w.slice(i);
  });

const stored = async (h: FeedbackHarness) => h.keys('feedback/submissions/');

describe('the message keeps its line breaks and refuses what it must', () => {
  test('control and bidi-override characters in the message are refused, with the text kept and nothing stored', async () => {
    const h = await feedbackHarness({ rateLimits: { posts: 10_000, windowSeconds: 600 } });
    await fc.assert(
      fc.asyncProperty(withBad([...CONTROL, ...BIDI]), async (text) => {
        const res = await h.send({ ...VALID, text });
        expect(res.status).toBe(400);
        expect(await res.text()).toMatch(/Texten innehåller (otillåtna styrtecken|tecken som vänder skriftriktningen)/);
        expect(await stored(h)).toEqual([]);
      }),
      runs,
    );
  });

  test('a message of only invisible characters is refused', async () => {
    const h = await feedbackHarness({ rateLimits: { posts: 10_000, windowSeconds: 600 } });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...INVISIBLE), { minLength: 1, maxLength: 8 }), async (chars) => {
        const res = await h.send({ ...VALID, text: chars.join('') });
        expect(res.status).toBe(400);
        expect(await res.text()).toMatch(/Texten har inget synligt tecken|Skriv din synpunkt/);
        expect(await stored(h)).toEqual([]);
      }),
      runs,
    );
  });

  test('line breaks are kept, CRLF becomes LF, the text is stored in NFC and trimmed', async () => {
    const h = await feedbackHarness();
    expect((await h.send({ ...VALID, text: '  Första raden\r\n\r\nAndra\tmed tab och Cafe\u0301  ' })).status).toBe(303);
    const [key] = await stored(h);
    expect((await getJson<Submission>(h.kit.deps.store, key ?? ''))?.value.text).toBe('Första raden\n\nAndra\tmed tab och Café');
  });

  test('a zero-width character inside visible text is allowed', async () => {
    const h = await feedbackHarness();
    expect((await h.send({ ...VALID, text: 'Bra\u200bbemötande' })).status).toBe(303);
  });
});

describe('single-line fields refuse control, line-break and bidi characters', () => {
  test('the contact field', async () => {
    const h = await feedbackHarness({ rateLimits: { posts: 10_000, windowSeconds: 600 } });
    const contacts = fc
      .tuple(fc.constantFrom('anna@example.se', '070-123 45 67'), fc.constantFrom(...CONTROL, ...BIDI, '\t', '\n', '\u2028'), fc.nat())
      .map(([c, ch, at]) => c.slice(0, 1 + (at % (c.length - 1))) + ch + c.slice(1 + (at % (c.length - 1))));
    await fc.assert(
      fc.asyncProperty(contacts, async (contact) => {
        const res = await h.send({ ...VALID, contact, consent: 'yes' });
        expect(res.status).toBe(400);
        expect(await res.text()).toContain('Skriv en e-postadress som namn@exempel.se');
        expect(await h.keys('feedback/')).toEqual([]);
      }),
      runs,
    );
  });

  test('the contact is stored in NFC without surrounding space', async () => {
    const h = await feedbackHarness();
    expect((await h.send({ ...VALID, contact: ' rene\u0301@example.se ', consent: 'yes' })).status).toBe(303);
    const [key] = await h.keys('feedback/contacts/');
    expect((await getJson<{ contact: string }>(h.kit.deps.store, key ?? ''))?.value.contact).toBe('ren\u00e9@example.se');
  });

  test('choices with a control character are not among the options', async () => {
    const h = await feedbackHarness();
    const res = await h.send({ ...VALID, municipality: '1490\u0000', writer: 'relative\u202e' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Välj en kommun i listan');
    expect(html).toContain('Välj vem du är bland alternativen');
  });
});

describe('moderators’ quotes and tags', () => {
  // a text stored before the text rules, holding every bad character, so a quote can be words of it
  const OLD_TEXT = `Personalen lyssnade på mig.\nDet var bra. ${[...CONTROL, ...BIDI].map((ch) => `ord${ch}ord`).join(' ')} \u200b\u2060`;
  async function withSubmission() {
    const h = await feedbackHarness();
    await saveSubmission(h.kit.deps.store, { ...EMPTY_INPUT, categories: ['respekt'], text: OLD_TEXT }, h.clock.now(), 'old');
    const auth = await h.kit.bearer({ sub: 'moderator-1', roles: ['moderator'] });
    const list = await bodyOf(await h.app.request('/api/feedback/submissions', { headers: { authorization: auth } }));
    return { h, auth, id: list.items[0].id as string };
  }
  const patch = (h: FeedbackHarness, id: string, auth: string, body: unknown) =>
    h.app.request(`/api/feedback/submissions/${id}`, {
      method: 'PATCH',
      headers: { authorization: auth, 'content-type': 'application/json', 'if-match': '"new"' },
      body: JSON.stringify(body),
    });

  test('a quote or a tag with control, bidi or only invisible characters is refused with the field named', async () => {
    const { h, auth, id } = await withSubmission();
    const bad = fc.oneof(
      fc.constantFrom(...CONTROL, ...BIDI).map((ch) => ({ body: { quote: `ord${ch}ord` }, field: 'quote' })),
      fc.constantFrom('\u200b\u2060', '\u200b', '\u2060').map((quote) => ({ body: { quote }, field: 'quote' })),
      fc.constantFrom(...CONTROL, ...BIDI, '\u200b').map((ch) => ({ body: { tags: [`te${ch}ma`] }, field: 'tags.0' })),
    );
    await fc.assert(
      fc.asyncProperty(bad, async ({ body, field }) => {
        const res = await patch(h, id, auth, body);
        expect(res.status).toBe(400);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        expect((await bodyOf(res)).errors.map((e: { field: string }) => e.field)).toContain(field);
      }),
      runs,
    );
    expect(await h.keys('feedback/moderation/')).toEqual([]);
  });

  test('a quote over two lines is accepted', async () => {
    const { h, auth, id } = await withSubmission();
    const res = await patch(h, id, auth, { quote: 'lyssnade på mig.\nDet var bra' });
    expect(res.status).toBe(200);
    expect((await bodyOf(res)).moderation.quote).toBe('lyssnade på mig.\nDet var bra');
  });

  test('the moderators’ page refuses a quote with a bidi override', async () => {
    const { h, id } = await withSubmission();
    const headers = { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' };
    const cookie = await sessionCookie(h.kit.deps, { sub: 'mod-anna', roles: ['moderator'] });
    const res = await h.app.request(`/personal/tyck-till/${id}`, {
      method: 'POST',
      headers: { ...headers, cookie },
      body: formBody({ status: 'published', tags: '', quote: 'ord\u202eord', etag: '"new"' }),
    });
    expect(res.headers.get('location')).toContain('meddelande=invalid');
    expect(await h.keys('feedback/moderation/')).toEqual([]);
  });
});

describe('bytes that are not UTF-8', () => {
  const postRaw = async (h: FeedbackHarness, body: Uint8Array | string, path = '/tyck-till') => {
    const token = await h.token();
    h.clock.advance(5);
    const head = new TextEncoder().encode(`token=${encodeURIComponent(token)}&malbild=respekt&municipality=1490&action=send&`);
    const tail = typeof body === 'string' ? new TextEncoder().encode(body) : body;
    return h.app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
      body: new Uint8Array([...head, ...tail]),
    });
  };

  test.each([
    ['percent-encoded', 'text=Bra%20b%E9m%F6tande'],
    ['a lone continuation byte', 'text=Bra%80'],
    ['a cut-off sequence', 'text=Bra%C3'],
    ['an encoded surrogate', 'text=%ED%A0%80'],
  ])('%s: the form says so in Swedish, keeps the other answers and stores nothing', async (_, body) => {
    const h = await feedbackHarness();
    const res = await postRaw(h, body);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Din synpunkt innehöll tecken som inte gick att läsa');
    expect(html).toMatch(/value="respekt" checked/);
    expect(html).toMatch(/<option value="1490" selected/);
    expect(html).toContain('\ufffd');
    expect(await h.keys('feedback/submissions/')).toEqual([]);
  });

  test('raw bytes in the body are caught too, and the English page says it in English', async () => {
    const h = await feedbackHarness();
    const res = await postRaw(h, new Uint8Array([...new TextEncoder().encode('contact=a'), 0xff, 0x40]), '/tyck-till?lang=en');
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('The contact details held characters that could not be read');
    expect(await h.keys('feedback/')).toEqual([]);
  });

  test('for valid UTF-8 the strict parser reads exactly what URLSearchParams reads', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' })), { maxLength: 6 }), (pairs) => {
        const encoded = new URLSearchParams(pairs).toString();
        const strict = parseFormBytes(new TextEncoder().encode(encoded));
        expect(strict.invalid).toEqual([]);
        expect([...strict.params]).toEqual([...new URLSearchParams(encoded)]);
      }),
      { numRuns: 200 },
    );
  });
});
