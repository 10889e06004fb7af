import fc from 'fast-check';
import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { createBaseApp } from '../../functions/core/http/base-app.js';
import { jsonBody } from '../../functions/core/http/body.js';
import { multiLine, normaliseText, singleLine, textProblem } from '../../functions/core/text/index.js';
import { testKit } from '../support/deps.js';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i));

const C0 = range(0x00, 0x1f);
const C1 = range(0x80, 0x9f);
const DEL = '\u007f';
/** Embeddings, overrides and isolates, and the Arabic letter mark. */
const BIDI = [...range(0x202a, 0x202e), ...range(0x2066, 0x2069), '\u061c'];
/** Characters that show nothing on their own. */
const INVISIBLE = [
  ...range(0x200b, 0x200f), // zero-width space, non-joiner, joiner, LRM, RLM
  ...range(0x2060, 0x2064), // word joiner, invisible operators
  '\ufeff', // BOM / zero-width no-break space
  '\u00ad', // soft hyphen
  '\u034f', // combining grapheme joiner
  '\u180e', // Mongolian vowel separator
  ...range(0x180b, 0x180f), // Mongolian variation selectors
  '\u17b4',
  '\u17b5', // Khmer inherent vowels
  '\u115f',
  '\u1160',
  '\u3164',
  '\uffa0', // Hangul fillers
  '\u2800', // blank Braille pattern
  ...range(0xfe00, 0xfe0f), // variation selectors
  ...range(0xe0100, 0xe0103), // variation selectors supplement
  '\u{e0001}',
  ...range(0xe0020, 0xe007f), // tags
  ...range(0x1d173, 0x1d17a), // musical format characters
  ...range(0xfff9, 0xfffb), // interlinear annotation
  ...range(0x1bca0, 0x1bca3), // shorthand format controls
  '\u0301', // a combining mark alone
  ' ',
  '\u00a0',
  ...range(0x2000, 0x200a),
  '\u202f',
  '\u205f',
  '\u3000',
  '\u1680', // spaces
];

/** Text any field accepts as it is: visible, no control or bidi characters, nothing to trim. */
const visible = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).filter((s) => s.trim() === s && textProblem(s) === undefined);
const name = singleLine(200);
const description = multiLine(2000);

/** The first issue of `value`, if refused (the rules' issues are custom ones with `params.sv`). */
const refusal = (schema: z.ZodType, value: string): z.core.$ZodIssueCustom | undefined => {
  const result = schema.safeParse(value);
  return result.success ? undefined : (result.error.issues[0] as z.core.$ZodIssueCustom | undefined);
};

describe('single-line text (names, titles)', () => {
  it('refuses every C0 and C1 control character and DEL inside the text', () => {
    fc.assert(
      fc.property(visible, fc.constantFrom(...C0, ...C1, DEL, '\u2028', '\u2029'), visible, (before, control, after) => {
        const issue = refusal(name, `${before}${control}${after}`);
        expect(issue, JSON.stringify(control)).toMatchObject({ code: 'custom', params: { sv: expect.any(String) } });
      }),
      { numRuns: 300 },
    );
  });

  it('refuses NUL, a line break and a tab with a message in both languages', () => {
    for (const value of ['Mott\u0000agning', 'Rad ett\nRad två', 'A\tB', 'A\r\nB']) {
      const issue = refusal(name, value);
      expect(issue?.message).toBe('The field may not contain line breaks or control characters');
      expect(issue?.params?.['sv']).toBe('Fältet får inte innehålla radbrytningar eller styrtecken');
    }
  });

  it('refuses every bidirectional embedding, override and isolate', () => {
    fc.assert(
      fc.property(visible, fc.constantFrom(...BIDI), visible, (before, bidi, after) => {
        expect(refusal(name, `${before}${bidi}${after}`)?.message).toBe('The text contains bidirectional override characters');
        expect(refusal(description, `${before}${bidi}${after}`)?.message).toBe('The text contains bidirectional override characters');
      }),
      { numRuns: 200 },
    );
  });

  it('refuses text made only of invisible characters, whatever they are', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...INVISIBLE), { minLength: 1, maxLength: 6 }), (chars) => {
        const value = chars.join('');
        const issue = refusal(name, value);
        expect(issue, JSON.stringify(value)).toBeDefined();
        expect(['The text has no visible character', 'Required']).toContain(issue?.message);
        // Multi-line text that is only white space is empty (allowed); anything else invisible is refused.
        const d = description.safeParse(value);
        expect(d.success ? d.data : d.error.issues[0]?.message).toMatch(/^$|no visible character/);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses "\\u200b\\u200b" and keeps text that only contains invisible characters among visible ones', () => {
    expect(refusal(name, '\u200b\u200b')?.params?.['sv']).toBe('Texten har inget synligt tecken');
    expect(name.parse('👩\u200d👩\u200d👧 Föräldragrupp')).toBe('👩\u200d👩\u200d👧 Föräldragrupp');
    expect(name.parse('Mi\u00adnimottagning')).toBe('Mi\u00adnimottagning');
  });

  it('refuses lone surrogates and noncharacters', () => {
    for (const bad of ['\ud800', '\udfff', '\ufffe', '\uffff', '\ufdd0', '\u{10ffff}'])
      expect(refusal(name, `Namn ${bad} här`)?.message, JSON.stringify(bad)).toBe('The text contains code points that are not characters');
  });

  it('normalises to NFC and trims, so equal names are equal strings', () => {
    expect(name.parse('  A\u030angermanland ')).toBe('Ångermanland');
    expect(name.parse('Mottagning\u0301')).toBe('Mottagninǵ');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite', maxLength: 30 }), (s) => {
        const result = name.safeParse(s);
        if (!result.success) return;
        expect(result.data).toBe(result.data.normalize('NFC'));
        expect(result.data).toBe(result.data.trim());
        expect(name.parse(result.data)).toBe(result.data);
        expect(name.parse(s.normalize('NFD'))).toBe(result.data);
      }),
      { numRuns: 300 },
    );
  });

  it('counts the length after NFC, and refuses empty and too long text in both languages', () => {
    const short = singleLine(5);
    expect(short.parse('A\u030aA\u030aA\u030aA\u030aA\u030a')).toBe('ÅÅÅÅÅ');
    expect(refusal(short, 'ÅÅÅÅÅÅ')).toMatchObject({ message: 'At most 5 characters', params: { sv: 'Högst 5 tecken' } });
    expect(refusal(short, '   ')).toMatchObject({ message: 'Required', params: { sv: 'Fältet måste fyllas i' } });
  });
});

describe('multi-line text (descriptions, messages)', () => {
  it('keeps tabs and line breaks, with every line end as LF', () => {
    expect(description.parse('Rad ett\r\nRad två\rRad tre\u2028Rad fyra\u2029Rad fem\n\tindrag')).toBe(
      'Rad ett\nRad två\nRad tre\nRad fyra\nRad fem\n\tindrag',
    );
  });

  it('turns any mix of CRLF, CR and LF into LF and nothing else', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(visible, fc.constantFrom('\r\n', '\r', '\n', '\r\n\r\n')), { minLength: 1, maxLength: 8 }), (lines) => {
        const value = lines.map(([text, end]) => `${text}${end}`).join('');
        const result = description.parse(value);
        expect(result).not.toContain('\r');
        expect(result).toBe(normaliseText(value));
        expect(result.split('\n').filter(Boolean).length).toBe(lines.filter(([t]) => t.trim() !== '').length);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses every other control character', () => {
    const allowed = new Set(['\t', '\n', '\r']);
    fc.assert(
      fc.property(visible, fc.constantFrom(...C0.filter((c) => !allowed.has(c)), ...C1, DEL), visible, (before, control, after) => {
        expect(refusal(description, `${before}${control}${after}`)?.message, JSON.stringify(control)).toBe(
          'The text contains control characters',
        );
      }),
      { numRuns: 300 },
    );
  });

  it('allows empty text unless required', () => {
    expect(description.parse('  ')).toBe('');
    expect(refusal(multiLine(10, { required: true }), ' \n ')).toMatchObject({ message: 'Required' });
    expect(refusal(description, '\u200b\n\u200b')?.message).toBe('The text has no visible character');
  });
});

describe('text rules in an API answer', () => {
  it('name the field with a Swedish and an English message', async () => {
    const kit = await testKit({ area: 'jamtland' });
    const app = createBaseApp(kit.deps, 'directory');
    app.post('/api/directory/things', async (c) => c.json(await jsonBody(c, z.object({ name, description }))));
    const res = await app.request('/api/directory/things', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: '\u202eevil', description: 'a\u0007b' }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      errors: [
        {
          field: 'name',
          message: 'The text contains bidirectional override characters',
          sv: 'Texten innehåller tecken som vänder skriftriktningen',
        },
        { field: 'description', message: 'The text contains control characters', sv: 'Texten innehåller otillåtna styrtecken' },
      ],
    });
    const long = await app.request('/api/directory/things', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x'.repeat(201), description: '' }),
    });
    expect(await long.json()).toMatchObject({ errors: [{ field: 'name', message: 'At most 200 characters', sv: 'Högst 200 tecken' }] });
  });
});
