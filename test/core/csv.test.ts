import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BOM,
  CsvError,
  formatNumber,
  parseCsv,
  parseNumber,
  protect,
  restore,
  toCsv,
  type CsvLocale,
} from '../../functions/core/csv/index.js';

/** Characters that make CSV hard: separators, quotes, line breaks, BOM-like and invisible ones, formula starts, digits. */
const TRICKY = [
  ';',
  ',',
  '"',
  "'",
  '\r',
  '\n',
  '\r\n',
  '\t',
  ' ',
  '\uFEFF',
  '\u200B',
  '\u00A0',
  '=',
  '+',
  '-',
  '@',
  '0',
  '5',
  '.',
  'å',
  'Ö',
  '😀',
];
const cellText = fc
  .array(fc.oneof(fc.constantFrom(...TRICKY), fc.string({ maxLength: 4 })), { maxLength: 8 })
  .map((parts) => parts.join(''));
const DANGEROUS = ['=', '+', '-', '@', '\t', '\r'];
const locale = fc.constantFrom<CsvLocale>('sv', 'en');
/** A table whose first row (the header) has a visible, plain first cell, as every export has. */
const table = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 6 }))
  .chain(([columns, rows]) =>
    fc.tuple(
      fc.array(fc.stringMatching(/^[a-zåäö][a-zåäö ]{0,8}$/), { minLength: columns, maxLength: columns }),
      fc.array(fc.array(cellText, { minLength: columns, maxLength: columns }), { minLength: 1, maxLength: rows }),
    ),
  )
  .map(([header, body]) => [header, ...body.filter((r) => r.some((c) => c.trim() !== ''))]);

/** The cells of a document as written, before `restore` (csv-parse, RFC 4180, is the reference reader). */
function rawCells(text: string, locale: CsvLocale): string[][] {
  return parse(text.replace(/^\uFEFF/, ''), { delimiter: locale === 'sv' ? ';' : ',', relax_column_count: true }) as string[][];
}

describe('core CSV: writer and parser', () => {
  it('writes the Swedish dialect: BOM, semicolons, CRLF, RFC 4180 quotes, decimal comma', () => {
    const text = toCsv([
      ['namn', 'andel'],
      ['Mottagning; Kinda', 0.25],
      ['säg "hej"', 12],
    ]);
    expect(text).toBe(`${BOM}namn;andel\r\n"Mottagning; Kinda";0,25\r\n"säg ""hej""";12\r\n`);
    expect(toCsv([['a,b', 1.5]], 'en')).toBe(`${BOM}"a,b",1.5\r\n`);
    // a number is a number (no apostrophe, not quoted), a text that looks like one keeps its text form
    expect(toCsv([[-1.5, '-1,5', '0580']])).toBe(`${BOM}-1,5;"'-1,5";'0580\r\n`);
  });

  it('neutralises formulas and keeps codes as text with an apostrophe, and reads both back exactly', () => {
    const cells = [
      '=HYPERLINK("http://evil.example","klicka")',
      "=cmd|' /C calc'!A0",
      '+1',
      '-2',
      '@SUM(A1)',
      '\t=1+1',
      '\r=1',
      '0580',
      '65+',
      "'0580",
      'Kinda',
    ];
    const text = toCsv([
      ['h', ...cells.map((_, i) => `c${i}`)],
      ['x', ...cells],
    ]);
    const written = rawCells(text, 'sv')[1]!.slice(1);
    expect(written).toEqual([
      `'=HYPERLINK("http://evil.example","klicka")`,
      "'=cmd|' /C calc'!A0",
      "'+1",
      "'-2",
      "'@SUM(A1)",
      "'\t=1+1",
      "'\r=1",
      "'0580",
      "'65+",
      "''0580",
      'Kinda',
    ]);
    expect(parseCsv(text).rows[1]!.cells.slice(1)).toEqual(cells);
  });

  it('matches csv-stringify and csv-parse on the same table (RFC 4180)', () => {
    fc.assert(
      fc.property(table, locale, (rows, loc) => {
        const text = toCsv(rows, loc);
        const delimiter = loc === 'sv' ? ';' : ',';
        // the library reads what this writer wrote, cell for cell (before the apostrophe is dropped)
        expect(rawCells(text, loc)).toEqual(rows.map((r) => r.map(protect)));
        // and this parser reads what the library wrote
        const theirs = stringify(
          rows.map((r) => r.map(protect)),
          // csv-stringify leaves a lone CR or LF unquoted when the record delimiter is CRLF, which every reader takes for a line end;
          // quoting both separators lets a one-column file be read either way
          { delimiter, record_delimiter: '\r\n', quoted_match: /^\s|\s$|[\r\n;,]/ },
        );
        expect(parseCsv(theirs).rows.map((r) => r.cells)).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });

  it('gives back any cell text it wrote: formulas, quotes, separators, line breaks, BOM-like characters, leading zeros', () => {
    fc.assert(
      fc.property(table, locale, (rows, loc) => {
        const parsed = parseCsv(toCsv(rows, loc));
        // one column has no separator to tell the dialect by
        if (rows[0]!.length > 1) expect(parsed.locale).toBe(loc);
        expect(parsed.rows.map((r) => r.cells)).toEqual(rows);
      }),
      { numRuns: 500 },
    );
  });

  it('never writes a cell that starts with =, +, -, @, tab or CR unneutralised', () => {
    const dangerous = fc
      .tuple(fc.constantFrom(...DANGEROUS), cellText, fc.nat({ max: 3 }))
      .map(([first, rest, quotes]) => "'".repeat(quotes) + first + rest);
    fc.assert(
      fc.property(fc.array(fc.oneof(dangerous, cellText), { minLength: 1, maxLength: 6 }), locale, (cells, loc) => {
        const written = rawCells(toCsv([cells.map((_, i) => `k${i}`), cells], loc), loc)[1] ?? [];
        for (const cell of written) expect(DANGEROUS.includes(cell.charAt(0))).toBe(false);
        expect(written.map(restore)).toEqual(cells);
      }),
      { numRuns: 500 },
    );
  });

  it('numbers rows as a spreadsheet does: a quoted line break stays in its row, a blank line is a row', () => {
    const { rows } = parseCsv('a;b\r\n"one\r\ntwo";x\r\n\r\nlast;y\r\n');
    expect(rows.map((r) => r.row)).toEqual([1, 2, 4]);
  });

  it('accepts a BOM or none, CRLF or LF, and detects , or ; from the header', () => {
    expect(parseCsv('\uFEFFa;b\nc;d').rows[1]!.cells).toEqual(['c', 'd']);
    const comma = parseCsv('a,b\r\n"c;1",2\r\n');
    expect([comma.separator, comma.locale, comma.rows[1]!.cells]).toEqual([',', 'en', ['c;1', '2']]);
    // a comma inside a quoted header cell does not make the file comma-separated
    expect(parseCsv('"a,b";c\r\n1;2').separator).toBe(';');
  });

  it('refuses a cut-off file (a quote never closed) naming the row and column where it opens', () => {
    const text = 'a;b;c\r\n1;"two\r\nlines";3\r\n4;5;"six\r\n7;8;9\r\n';
    const error = (() => {
      try {
        parseCsv(text);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(CsvError);
    expect(error).toMatchObject({ row: 3, column: 3 });
    expect((error as CsvError).sv).toMatch(/^Rad 3, kolumn C: Citattecknet/);
    expect((error as CsvError).message).toMatch(/^Row 3, column C: The quote/);
  });

  it('refuses Windows-1252 bytes naming the row and column of the first, after quoted line breaks', () => {
    const latin1 = (s: string) => Uint8Array.from([...s].map((ch) => ch.charCodeAt(0)));
    const utf8 = new TextEncoder().encode('namn;beskrivning;ort\r\nA;"rad 1\r\nrad 2";Kinda\r\nB;x;');
    const bytes = new Uint8Array([...utf8, ...latin1('Borås\r\n')]);
    expect(() => parseCsv(bytes)).toThrow(CsvError);
    try {
      parseCsv(bytes);
    } catch (e) {
      expect(e).toMatchObject({ row: 3, column: 3 });
      expect((e as CsvError).sv).toContain('CSV UTF-8');
      expect((e as CsvError).message).toContain('Windows-1252');
    }
    // the same text in UTF-8 is read
    expect(parseCsv(new TextEncoder().encode('namn;ort\r\nB;Borås\r\n')).rows[1]!.cells).toEqual(['B', 'Borås']);
  });

  it('refuses Windows-1252 at any place with the row and column the parser gives the same text', () => {
    fc.assert(
      fc.property(table, fc.nat(), (rows, pick) => {
        const text = toCsv(rows).replace(/\r\n$/, '');
        const at = pick % (text.length + 1);
        // cut before a UTF-16 surrogate pair's second half would make invalid text: keep the pair whole
        const cut = /[\uDC00-\uDFFF]/.test(text.charAt(at)) ? at - 1 : at;
        const before = text.slice(0, cut);
        const bytes = new Uint8Array([...new TextEncoder().encode(before), 0xe5, ...new TextEncoder().encode(text.slice(cut))]);
        let error: unknown;
        try {
          parseCsv(bytes);
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(CsvError);
        const b = before.replace(/^\uFEFF/, '');
        // where the parser would be after `before`: the row counts records, the column counts cells
        const sep = ';';
        let row = 1;
        let col = 1;
        let quoted = false;
        for (let i = 0; i < b.length; i++) {
          const ch = b[i];
          if (ch === '"') quoted = !quoted;
          else if (quoted) continue;
          else if (ch === sep) col++;
          else if (ch === '\n' || (ch === '\r' && b[i + 1] !== '\n')) {
            row++;
            col = 1;
          }
        }
        expect(error).toMatchObject({ row, column: col });
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a cell that hides a formula behind a leading tab, instead of trimming it into one', () => {
    expect(() => parseCsv('namn;ort\r\n"\t=1+1";Kinda\r\n')).toThrow(/Row 2, column A/);
    // the export's own neutralisation is read back exactly
    expect(parseCsv(toCsv([['namn'], ['\t=1+1']])).rows[1]!.cells).toEqual(['\t=1+1']);
  });

  it('formats and parses numbers in both dialects', () => {
    expect([formatNumber(1.5, 'sv'), formatNumber(1.5, 'en'), formatNumber(null, 'sv')]).toEqual(['1,5', '1.5', '']);
    expect([parseNumber('1,5', 'sv'), parseNumber('1.5', 'en'), parseNumber('1.5', 'sv'), parseNumber('12 000', 'sv')]).toEqual([
      1.5, 1.5, 1.5, 12000,
    ]);
  });
});
