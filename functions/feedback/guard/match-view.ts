/**
 * A plain view of a text for pattern matching only: every Unicode dash becomes `-`, every space or
 * separator becomes a space, every decimal digit becomes its ASCII digit, and characters that show
 * nothing (zero-width space, word joiner, soft hyphen, BOM, bidi marks …) are dropped. Each view
 * position remembers where it came from, so a match in the view maps back to the original text,
 * which is never changed except where a finding is redacted.
 */

// Dashes: General Category Pd, and the minus signs and hyphen-like symbols outside it.
const DASH = /^[\p{Pd}\u2212\u2796\u207b\u208b\u02d7\u2043\ufe63\uff0d]$/u;
// Plus signs (the `+` of a personnummer of someone 100 or older).
const PLUS = /^[+\u207a\u208a\ufe62\uff0b\u2795]$/u;
// Spaces and separators: Zs, Zl, Zp, tab, line ends and the other white space.
const SPACE = /^[\p{Zs}\p{Zl}\p{Zp}\s]$/u;
// Characters that show nothing and may sit between digits unseen.
const INVISIBLE = /^[\p{Cf}\p{Default_Ignorable_Code_Point}]$/u;
const DIGIT = /^\p{Nd}$/u;

/** Decimal digits come in runs of ten from 0 to 9 (a Unicode stability guarantee). */
function digitValue(codePoint: number): string {
  let start = codePoint;
  while (DIGIT.test(String.fromCodePoint(start - 1))) start--;
  return String((codePoint - start) % 10);
}

/** What one character reads as in the view: `''` when it is dropped. */
function plain(ch: string): string {
  if (ch.length === 1 && ch < '\u0080') return /\s/.test(ch) ? ' ' : ch;
  if (INVISIBLE.test(ch)) return '';
  if (DASH.test(ch)) return '-';
  if (PLUS.test(ch)) return '+';
  if (SPACE.test(ch)) return ' ';
  if (DIGIT.test(ch)) return digitValue(ch.codePointAt(0) ?? 0);
  const compat = ch.normalize('NFKC');
  // fullwidth letters and signs (e.g. `＠`) read as their plain form; longer expansions are left alone
  return [...compat].length === 1 && compat !== ch ? plain(compat) : ch;
}

/** A text's plain view with a map from view positions back to the original. */
export interface MatchView {
  /** The plain text to run patterns over. */
  readonly text: string;
  /** Map a half-open range `[start, end)` of the view to the original text's range. */
  original(start: number, end: number): { start: number; end: number };
}

/**
 * Build the plain view of `text`.
 *
 * @example
 * const view = matchView('19121212\u20131212'); // en dash
 * view.text; // '19121212-1212'
 * view.original(0, 13); // { start: 0, end: 13 }
 */
export function matchView(text: string): MatchView {
  let out = '';
  // starts[i] / ends[i]: the original range of view position i (a view character is one code unit)
  const starts: number[] = [];
  const ends: number[] = [];
  let at = 0;
  for (const ch of text) {
    const mapped = plain(ch);
    for (const unit of mapped.split('')) {
      out += unit;
      starts.push(at);
      ends.push(at + ch.length);
    }
    at += ch.length;
  }
  return {
    text: out,
    original: (start, end) => ({
      start: start < starts.length ? (starts[start] ?? text.length) : text.length,
      end: end > 0 ? (ends[end - 1] ?? 0) : 0,
    }),
  };
}
