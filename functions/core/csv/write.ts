import { BOM, DIALECT, formatNumber, type CsvLocale } from './dialect.js';
import { protect } from './text-cell.js';

/** One cell to write: text (kept as text by a spreadsheet, formulas neutralised), a number, or empty. */
export type CsvCell = string | number | null | undefined;

/**
 * RFC 4180: quote a text holding a quote, a line break (CR alone too) or edge spaces, or either
 * dialect's separator (so that a one-column file reads the same whichever the reader guesses). A
 * number holds no separator of its dialect and is never quoted.
 */
function field(cell: CsvCell, locale: CsvLocale): string {
  if (cell === null || cell === undefined || cell === '') return '';
  if (typeof cell === 'number') return formatNumber(cell, locale);
  const text = protect(cell);
  return /[;,"\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Rows (header first) as a CSV document in the dialect: BOM, CRLF line ends, RFC 4180 quoting.
 * Every text cell goes through `protect`: no cell starts with `=`, `+`, `-`, `@`, tab or CR, and
 * codes such as `0580` or `65+` stay text in a spreadsheet.
 */
export function toCsv(rows: readonly (readonly CsvCell[])[], locale: CsvLocale = 'sv'): string {
  const { separator } = DIALECT[locale];
  let out = BOM;
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) out += (i ? separator : '') + field(row[i], locale);
    out += '\r\n';
  }
  return out;
}
