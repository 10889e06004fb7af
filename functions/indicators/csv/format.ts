/**
 * CSV as Swedish Excel opens it (UTF-8 with BOM, `;`, decimal comma, CRLF, RFC 4180 quoting) and,
 * with `locale=en`, the international variant (`,` and decimal point). The same layout is read back
 * for bulk upload.
 */

/** The two CSV dialects. */
export type CsvLocale = 'sv' | 'en';

/** Separator and decimal mark of a dialect. */
export const DIALECT: Record<CsvLocale, { separator: string; decimal: string }> = {
  sv: { separator: ';', decimal: ',' },
  en: { separator: ',', decimal: '.' },
};

/** The byte order mark Excel needs to read UTF-8. */
export const BOM = '\uFEFF';

/** A field kept as text by Excel (`="0580"`), used for codes and periods in the Swedish dialect. */
export const asText = (value: string, locale: CsvLocale): string => (locale === 'sv' && /^[0-9-]+$/.test(value) ? `="${value}"` : value);

/** A number in the dialect's notation, without thousands separators; empty for null. */
export function formatNumber(value: number | null | undefined, locale: CsvLocale): string {
  if (value === null || value === undefined) return '';
  return String(value).replace('.', DIALECT[locale].decimal);
}

function quote(field: string, separator: string): string {
  if (/^="[0-9-]+"$/.test(field)) return field;
  // a leading =, +, - or @ in free text would be run as a formula: neutralise it
  const safe = /^[=+\-@\t\r]/.test(field) ? `'${field}` : field;
  return /["\r\n]/.test(safe) || safe.includes(separator) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Render rows (header first) as CSV text with BOM and CRLF line ends. */
export function toCsv(rows: readonly (readonly string[])[], locale: CsvLocale): string {
  const { separator } = DIALECT[locale];
  return BOM + rows.map((r) => r.map((f) => quote(f, separator)).join(separator)).join('\r\n') + '\r\n';
}

/** Parse CSV text (RFC 4180; BOM, CRLF or LF) with the given separator. Throws `SyntaxError` with the line of an unclosed quote. */
export function parseCsv(text: string, separator: string): string[][] {
  const src = text.startsWith(BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let startLine = 1;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i] as string;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field === '') {
      quoted = true;
      startLine = line;
    } else if (ch === separator) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      line++;
    } else field += ch;
  }
  if (quoted) throw new SyntaxError(`Unclosed quote starting on line ${startLine}`);
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

/** Undo `asText` and trim. */
export const plain = (field: string | undefined): string =>
  (field ?? '')
    .trim()
    .replace(/^="(.*)"$/, '$1')
    .replace(/^'(?=[=+\-@])/, '');

/** Parse a number in the dialect's notation; `undefined` for anything else. */
export function parseNumber(field: string, locale: CsvLocale): number | undefined {
  const t = field.trim().replace(/\s/g, '');
  const pattern = locale === 'sv' ? /^-?\d+(,\d+)?$/ : /^-?\d+(\.\d+)?$/;
  return pattern.test(t) ? Number(t.replace(',', '.')) : undefined;
}
