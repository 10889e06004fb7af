/**
 * The one path by which every iCalendar property is written (RFC 5545 §3.1): values are cleaned of
 * control characters, TEXT values escaped (§3.3.11), parameter values quoted (§3.2), and the
 * content line folded at 75 octets without splitting a UTF-8 sequence, ending in CRLF.
 */

/** Longest content line in octets, CRLF not counted (RFC 5545 §3.1). */
export const MAX_LINE_OCTETS = 75;

// Controls that no value may carry (HTAB is allowed); CR and LF are handled before this.
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/gu;

/**
 * Escape a TEXT value: backslash, semicolon, comma and line breaks (any of CRLF, CR, LF, U+2028,
 * U+2029 becomes `\n`); other control characters are dropped.
 *
 * @example
 * escapeText('Kurs, dag 1; del 2\nSal 3') // → 'Kurs\\, dag 1\\; del 2\\nSal 3'
 */
export function escapeText(value: string): string {
  return value
    .replace(/[\\;,]/g, (ch) => `\\${ch}`)
    .replace(/\r\n|[\r\n\u2028\u2029]/g, '\\n')
    .replace(CONTROL, '');
}

/**
 * A parameter value (§3.2): double quotes are not allowed in it at all, so they become single
 * quotes; it is quoted when it holds `:`, `;` or `,`.
 */
export function paramValue(value: string): string {
  const clean = value
    .replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')
    .replace(CONTROL, '')
    .replace(/"/g, "'");
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

/** Octets of one code point in UTF-8. */
const octets = (cp: number) => (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);

/**
 * Fold a content line (without its line end) so that no physical line is longer than 75 octets:
 * a continuation starts with one space, which counts, and no UTF-8 sequence is split.
 */
export function foldLine(line: string): string {
  // Fast path: at most 75 UTF-16 units are at most 75 octets only when all are ASCII.
  if (line.length <= MAX_LINE_OCTETS && /^[\t\x20-\x7e]*$/.test(line)) return line;
  let out = '';
  let start = 0;
  let used = 0;
  for (let i = 0; i < line.length;) {
    const cp = line.codePointAt(i)!;
    const size = octets(cp);
    const units = cp > 0xffff ? 2 : 1;
    if (used + size > MAX_LINE_OCTETS) {
      out += `${line.slice(start, i)}\r\n `;
      start = i;
      used = 1;
    }
    used += size;
    i += units;
  }
  return out + line.slice(start);
}

/** Options of one property. */
export interface PropertyOptions {
  /** Parameters in order (`{ VALUE: 'URI' }`, `{ CN: 'Ydre' }`); values are quoted as needed. */
  readonly params?: Readonly<Record<string, string>>;
  /** The value is TEXT (escaped); otherwise it is written as given, with control characters dropped. */
  readonly text?: boolean;
}

/**
 * One folded content line with its CRLF. `name` and parameter names are the caller's constants.
 *
 * @example
 * property('SUMMARY', 'MI, grundkurs', { text: true }) // → 'SUMMARY:MI\\, grundkurs\r\n'
 */
export function property(name: string, value: string, options: PropertyOptions = {}): string {
  let params = '';
  for (const [key, v] of Object.entries(options.params ?? {})) params += `;${key}=${paramValue(v)}`;
  const written = options.text ? escapeText(value) : value.replace(/\r\n|[\r\n\u2028\u2029]/g, '').replace(CONTROL, '');
  return `${foldLine(`${name}${params}:${written}`)}\r\n`;
}

/** A TEXT list property such as CATEGORIES: each item escaped, joined by commas. */
export function textListProperty(name: string, items: readonly string[]): string {
  return property(name, items.map(escapeText).join(','));
}

/** A UTC DATE-TIME value (`20260310T080000Z`) of an ISO time. */
export function utcDateTime(iso: string | Date): string {
  const s = new Date(iso).toISOString(); // 2026-03-10T08:00:00.000Z
  return `${s.slice(0, 4)}${s.slice(5, 7)}${s.slice(8, 13)}${s.slice(14, 16)}${s.slice(17, 19)}Z`;
}
