import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';

/** The languages the pages are written in; Swedish first. */
export const UI_LANGUAGES = ['sv', 'en'] as const;
/** A page language. */
export type Lang = (typeof UI_LANGUAGES)[number];

/** A text in both page languages. */
export interface Text {
  readonly sv: string;
  readonly en: string;
}

/** Pick the text for `lang`. */
export function t(lang: Lang, text: Text): string {
  return text[lang];
}

/**
 * The page language of a request: `?lang=` (remembered in a cookie), else the cookie, else Swedish.
 */
export function resolveLang(c: Context): Lang {
  const asked = c.req.query('lang');
  if (asked === 'sv' || asked === 'en') {
    setCookie(c, 'lang', asked, { path: '/', sameSite: 'Lax', maxAge: 365 * 24 * 3600, httpOnly: true });
    return asked;
  }
  const cookie = getCookie(c, 'lang');
  return cookie === 'en' ? 'en' : 'sv';
}

/** The time zone every date is shown and entered in. */
export const TIME_ZONE = 'Europe/Stockholm';

const locale = (lang: Lang) => (lang === 'sv' ? 'sv-SE' : 'en-GB');

/** A date as people read it, e.g. "3 mars 2026" / "3 March 2026", in Europe/Stockholm. */
export function formatDate(date: Date | string, lang: Lang): string {
  return new Intl.DateTimeFormat(locale(lang), { timeZone: TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(date),
  );
}

/** A date and time, e.g. "3 mars 2026 13:00", in Europe/Stockholm. */
export function formatDateTime(date: Date | string, lang: Lang): string {
  return new Intl.DateTimeFormat(locale(lang), {
    timeZone: TIME_ZONE,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(date));
}

/** ISO 8601 with the Europe/Stockholm offset, e.g. `2026-03-03T13:00:00+01:00`. */
export function toStockholmIso(date: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  const offset = parts.timeZoneName === 'GMT' ? '+00:00' : String(parts.timeZoneName).replace('GMT', '');
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}

/** The Europe/Stockholm offset from UTC at `date`, in minutes (60 in winter, 120 in summer). */
export function stockholmOffsetMinutes(date: Date): number {
  const iso = toStockholmIso(date);
  const sign = iso.at(-6) === '-' ? -1 : 1;
  return sign * (Number(iso.slice(-5, -3)) * 60 + Number(iso.slice(-2)));
}

/**
 * The instant of a wall-clock time in Stockholm (`2026-03-29T02:30` or with seconds). A time that
 * does not exist (skipped by the spring change) moves forward an hour; an ambiguous one (autumn)
 * takes the first occurrence. Returns `undefined` for malformed input.
 */
export function stockholmLocalToDate(local: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(asUtc);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59)
    return undefined;
  // Try the larger offset first so an ambiguous autumn time resolves to its first occurrence.
  for (const offset of [120, 60]) {
    const candidate = new Date(asUtc - offset * 60_000);
    if (stockholmOffsetMinutes(candidate) === offset) return candidate;
  }
  return new Date(asUtc - 60 * 60_000);
}
