/**
 * Finds personal data in free text before it is stored: Swedish personal identity and
 * coordination numbers (date and Luhn checked), interim numbers, phone numbers and e-mail
 * addresses. See `FEEDBACK-PRACTICE.md`, "Personal data in free text".
 */

import { matchView } from './match-view.js';

/** What kind of personal data a finding is. */
export type FindingKind = 'personal-identity-number' | 'coordination-number' | 'identity-like-number' | 'phone' | 'email';

/** One piece of personal data found in a text. */
export interface Finding {
  readonly kind: FindingKind;
  readonly start: number;
  readonly end: number;
}

/** The replacement text shown and stored for each kind. */
export const REDACTION: Readonly<Record<FindingKind, string>> = {
  'personal-identity-number': '[personnummer borttaget]',
  'coordination-number': '[samordningsnummer borttaget]',
  'identity-like-number': '[nummer borttaget]',
  phone: '[telefonnummer borttaget]',
  email: '[e-post borttagen]',
};

const IDENTITY = /(?<![\dA-Za-z])((?:19|20)?\d{2})(\d{2})(\d{2})(?: ?[-+] ?| )?(\d{3}|[TRSUWXJKLMN]\d{2})(\d)(?![\dA-Za-z])/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const PHONE = /(?<![\w+])(?:\+\d|00[1-9]|0[1-9])[\d \-()]{4,18}\d(?!\d)/g;

/** The Luhn check over ten digits `YYMMDDNNNC`. */
export function luhnValid(tenDigits: string): boolean {
  if (!/^\d{10}$/.test(tenDigits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    const product = Number(tenDigits[i]) * (i % 2 === 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product;
  }
  return (10 - (sum % 10)) % 10 === Number(tenDigits[9]);
}

function realDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function identityKind(m: RegExpExecArray): FindingKind | undefined {
  const [, y, mm, dd, serial, check] = m as unknown as [string, string, string, string, string, string];
  // a two-digit year: any leap year works for the date check, 2000 is one
  const year = y.length === 4 ? Number(y) : 2000 + Number(y);
  const month = Number(mm);
  const day = Number(dd);
  const coordination = !realDate(year, month, day) && realDate(year, month, day - 60);
  if (!realDate(year, month, day) && !coordination) return undefined;
  if (!/^\d{3}$/.test(serial)) return 'identity-like-number';
  const ten = `${y.slice(-2)}${mm}${dd}${serial}${check}`;
  if (!luhnValid(ten)) return 'identity-like-number';
  return coordination ? 'coordination-number' : 'personal-identity-number';
}

function overlaps(a: Finding, list: readonly Finding[]): boolean {
  return list.some((b) => a.start < b.end && b.start < a.end);
}

/**
 * Every piece of personal data in `text`, in order, without overlaps (identity numbers win over
 * phone numbers). Matching runs over the text's plain view (`matchView`), so any Unicode dash,
 * space or invisible character between the digits does not hide a number; the positions found are
 * those of the original text.
 *
 * @example
 * findPersonalData('Mitt nummer är 19121212-1212')[0].kind; // 'personal-identity-number'
 * findPersonalData('Mitt nummer är 19121212\u20131212')[0].kind; // the same, with an en dash
 */
export function findPersonalData(text: string): Finding[] {
  const view = matchView(text);
  const found: Finding[] = [];
  const at = (kind: FindingKind, start: number, end: number): Finding => ({ kind, ...view.original(start, end) });
  const phones = [...view.text.matchAll(PHONE)]
    .filter((m) => m[0].replace(/\D/g, '').length >= 8 && m[0].replace(/\D/g, '').length <= 15)
    .map((m) => at('phone', m.index, m.index + m[0].trimEnd().length));
  for (const m of view.text.matchAll(IDENTITY)) {
    const kind = identityKind(m);
    const f = kind && at(kind, m.index, m.index + m[0].length);
    // a number that fails Luhn but reads as a whole phone number (0701234567) is a phone number
    if (f && !(kind === 'identity-like-number' && phones.some((p) => p.start <= f.start && p.end >= f.end))) found.push(f);
  }
  for (const m of view.text.matchAll(EMAIL)) {
    const f = at('email', m.index, m.index + m[0].length);
    if (!overlaps(f, found)) found.push(f);
  }
  for (const f of phones) if (!overlaps(f, found)) found.push(f);
  return found.sort((a, b) => a.start - b.start);
}

/** A text with its personal data replaced, and how many of each kind were replaced. */
export interface Redacted {
  readonly text: string;
  readonly counts: Partial<Record<FindingKind, number>>;
}

/**
 * Replace every finding with its `REDACTION` text.
 *
 * @example
 * redact('Ring 070-123 45 67').text; // 'Ring [telefonnummer borttaget]'
 */
export function redact(text: string): Redacted {
  const findings = findPersonalData(text);
  const counts: Partial<Record<FindingKind, number>> = {};
  let out = '';
  let at = 0;
  for (const f of findings) {
    out += text.slice(at, f.start) + REDACTION[f.kind];
    at = f.end;
    counts[f.kind] = (counts[f.kind] ?? 0) + 1;
  }
  return { text: out + text.slice(at), counts };
}
