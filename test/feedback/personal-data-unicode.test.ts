import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { findPersonalData, luhnValid, redact } from '../../functions/feedback/guard/personal-data.js';
import { feedbackHarness, type Loose, VALID } from './helpers.js';

/** Every code point whose character matches `pattern`, enumerated over the whole code space. */
function codePoints(pattern: RegExp): string[] {
  const out: string[] = [];
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const ch = String.fromCodePoint(cp);
    if (pattern.test(ch)) out.push(ch);
  }
  return out;
}

const hex = (ch: string) => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

// Unicode's dashes (General Category Pd) and the minus signs and hyphens people type for one.
const DASHES = [...new Set([...codePoints(/^\p{Pd}$/u), '\u2212', '\u2010', '\u2011', '\uff0d', '\ufe63', '\u2796', '\u207b', '\u02d7'])];
// Unicode's spaces (Zs), the line and paragraph separators, tab, and characters that show nothing.
const SPACES = [
  ...new Set([...codePoints(/^[\p{Zs}\p{Zl}\p{Zp}]$/u), '\t', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u180e', '\u00ad']),
];
const SEPARATORS = [...DASHES, ...SPACES];

// Digits of the numbers below without separators: none of them may reach the store.
const RAW = ['1912121212', '1212121212', '7010632391', '0701234567'];
const numbers = (x: string) =>
  `Jag heter 19121212${x}1212 och 121212${x}1212, min vän har 701063${x}2391, ring 070${x}123${x}45${x}67 i kväll.`;
const REDACTED =
  'Jag heter [personnummer borttaget] och [personnummer borttaget], min vän har [samordningsnummer borttaget], ring [telefonnummer borttaget] i kväll.';

// Everything a separator could be, removed, so a raw number shows whatever sits between its digits.
const squash = (s: string) => s.replace(/[\p{Pd}\p{Zs}\p{Zl}\p{Zp}\p{Cf}\p{Default_Ignorable_Code_Point}\s\u2212\u2796\u207b\u02d7]/gu, '');

describe('Unicode dashes and spaces do not hide personal data', () => {
  test('the enumerated classes are complete', () => {
    expect(DASHES.length).toBeGreaterThanOrEqual(27);
    expect(DASHES).toContain('\u2013');
    expect(SPACES).toEqual(expect.arrayContaining(['\u00a0', '\u202f', '\u3000', '\u2028']));
  });

  test.each(SEPARATORS.map((x) => [hex(x), x]))('%s between the digits: every number is found and redacted', (_, x) => {
    const text = numbers(x);
    expect(findPersonalData(text).map((f) => f.kind)).toEqual([
      'personal-identity-number',
      'personal-identity-number',
      'coordination-number',
      'phone',
    ]);
    expect(redact(text).text).toBe(REDACTED);
  });

  test('"space dash space" between date and serial is found too', () => {
    expect(redact('Mitt nr: 19121212 \u2013 1212.').text).toBe('Mitt nr: [personnummer borttaget].');
  });

  test('fullwidth and other decimal digits are read as digits', () => {
    expect(redact('Nr \uff11\uff19\uff11\uff12\uff11\uff12\uff11\uff12\uff0d\uff11\uff12\uff11\uff12').text).toBe(
      'Nr [personnummer borttaget]',
    );
  });

  test('any valid personnummer with any mix of separators is found, and only it is replaced', () => {
    const date = fc.date({ min: new Date('1920-01-01T00:00:00Z'), max: new Date('2019-12-31T00:00:00Z'), noInvalidDate: true });
    const separator = fc.array(fc.constantFrom(...SEPARATORS), { minLength: 0, maxLength: 1 }).map((a) => a.join(''));
    const around = fc.constantFrom('Hej ', 'Nummer: ', '(', '');
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 999 }), fc.boolean(), separator, around, (d, serialNumber, coordination, sep, before) => {
        const iso = d.toISOString();
        const yy = iso.slice(2, 4);
        const day = Number(iso.slice(8, 10)) + (coordination ? 60 : 0);
        const serial = String(serialNumber).padStart(3, '0');
        const nine = `${yy}${iso.slice(5, 7)}${String(day).padStart(2, '0')}${serial}`;
        const check = [...'0123456789'].find((c) => luhnValid(nine + c)) ?? '0';
        const text = `${before}${iso.slice(0, 2)}${nine.slice(0, 6)}${sep}${nine.slice(6)}${check} tack.`;
        const result = redact(text);
        expect(result.text).toBe(`${before}[${coordination ? 'samordningsnummer' : 'personnummer'} borttaget] tack.`);
      }),
      { numRuns: 300 },
    );
  });
});

describe('no raw number reaches the store', () => {
  test('with each Unicode dash and space, the files on disk hold only the redacted text', async () => {
    const h = await feedbackHarness({ rateLimits: { posts: 10_000, windowSeconds: 600 } });
    for (const x of SEPARATORS) {
      const res = await h.send({ ...VALID, text: numbers(x), pd: 'shown' });
      expect(res.status, hex(x)).toBe(303);
    }
    const submissions = await h.keys('feedback/submissions/');
    expect(submissions).toHaveLength(SEPARATORS.length);
    for (const key of submissions) {
      const found = await h.kit.deps.store.get(key);
      const stored = JSON.parse(new TextDecoder().decode(found && found !== 'not-modified' ? found.body : new Uint8Array())) as Loose;
      expect(stored.text).toBe(REDACTED);
    }
    for (const file of await h.filesOnDisk()) for (const raw of RAW) expect(squash(file)).not.toContain(raw);
  });
});
