import { TIME_ZONE } from '../../core/i18n.js';
import { once } from '../../core/once.js';
import { WEEKDAYS, type Schedule } from '../model/service.js';

// built on first use: the first Intl.DateTimeFormat of a process loads ICU's data (≈ 12 ms of a cold start)
const formatter = once(
  () =>
    new Intl.DateTimeFormat('en-GB', {
      timeZone: TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }),
);

/** Local date, weekday and time of an instant in Europe/Stockholm. */
export interface StockholmLocal {
  readonly date: string;
  readonly weekday: (typeof WEEKDAYS)[number];
  readonly time: string;
}

// one search checks thousands of schedules against the same instant: remember the last answer
let last: { ms: number; local: StockholmLocal } | undefined;

/** Local date, weekday and time of an instant in Europe/Stockholm (DST handled by Intl). */
export function stockholmLocal(at: Date): StockholmLocal {
  if (last?.ms === at.getTime()) return last.local;
  const parts = Object.fromEntries(
    formatter()
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const weekday = WEEKDAYS[['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday ?? 'Mon')] ?? 'MO';
  const local = { date: `${parts.year}-${parts.month}-${parts.day}`, weekday, time: `${parts.hour}:${parts.minute}` };
  last = { ms: at.getTime(), local };
  return local;
}

function isoDate(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

function easterSunday(year: number): { month: number; day: number } {
  // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  return { month: Math.floor((h + l - 7 * m + 114) / 31), day: ((h + l - 7 * m + 114) % 31) + 1 };
}

const holidayCache = new Map<number, ReadonlySet<string>>();

/** Swedish public holidays and the eves most services close on (midsommarafton, julafton, nyårsafton). */
export function swedishHolidays(year: number): ReadonlySet<string> {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  const easter = easterSunday(year);
  const fromEaster = (days: number) => isoDate(year, easter.month, easter.day + days);
  const midsummerEve = [19, 20, 21, 22, 23, 24, 25].find((d) => new Date(Date.UTC(year, 5, d)).getUTCDay() === 5) ?? 19;
  const days = new Set([
    isoDate(year, 1, 1),
    isoDate(year, 1, 6),
    fromEaster(-2),
    fromEaster(0),
    fromEaster(1),
    isoDate(year, 5, 1),
    fromEaster(39),
    isoDate(year, 6, 6),
    isoDate(year, 6, midsummerEve),
    isoDate(year, 6, midsummerEve + 1),
    isoDate(year, 12, 24),
    isoDate(year, 12, 25),
    isoDate(year, 12, 26),
    isoDate(year, 12, 31),
  ]);
  holidayCache.set(year, days);
  return days;
}

/** Whether one schedule is open at `at`; closed on Swedish public holidays and eves. */
export function scheduleOpenAt(schedule: Schedule, at: Date): boolean {
  const local = stockholmLocal(at);
  if (swedishHolidays(Number(local.date.slice(0, 4))).has(local.date)) return false;
  if (schedule.validFrom && local.date < schedule.validFrom) return false;
  if (schedule.validTo && local.date > schedule.validTo) return false;
  return schedule.byday.includes(local.weekday) && local.time >= schedule.opensAt && local.time < schedule.closesAt;
}

/** Whether a service receives visitors at `at` (visiting or drop-in hours; phone hours count separately). */
export function openNow(schedules: readonly Schedule[], at: Date, kinds: readonly Schedule['kind'][] = ['visiting', 'drop-in']): boolean {
  return schedules.some((s) => kinds.includes(s.kind) && scheduleOpenAt(s, at));
}
