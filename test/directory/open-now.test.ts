import { describe, expect, it } from 'vitest';
import type { Schedule } from '../../functions/directory/model/service.js';
import { openNow, swedishHolidays } from '../../functions/directory/search/open-now.js';

const weekdays: Schedule = { kind: 'visiting', byday: ['MO', 'TU', 'WE', 'TH', 'FR'], opensAt: '08:00', closesAt: '16:00' };

describe('open now in Europe/Stockholm', () => {
  it('is open at 08:30 local time in winter (07:30 UTC)', () => {
    expect(openNow([weekdays], new Date('2026-01-14T07:30:00Z'))).toBe(true);
  });

  it('is open at 08:30 local time in summer (06:30 UTC)', () => {
    expect(openNow([weekdays], new Date('2026-06-10T06:30:00Z'))).toBe(true);
  });

  it('is still closed at 07:30 local time on the Monday after the spring change', () => {
    // 2026-03-30 05:30 UTC is 07:30 CEST
    expect(openNow([weekdays], new Date('2026-03-30T05:30:00Z'))).toBe(false);
    expect(openNow([weekdays], new Date('2026-03-30T06:00:00Z'))).toBe(true);
  });

  it('closes at the closing minute', () => {
    expect(openNow([weekdays], new Date('2026-01-14T14:59:00Z'))).toBe(true);
    expect(openNow([weekdays], new Date('2026-01-14T15:00:00Z'))).toBe(false);
  });

  it('is closed on midsommarafton and julafton', () => {
    expect(swedishHolidays(2026).has('2026-06-19')).toBe(true);
    expect(openNow([weekdays], new Date('2026-06-19T08:00:00Z'))).toBe(false);
    expect(openNow([weekdays], new Date('2026-12-24T09:00:00Z'))).toBe(false);
  });

  it('knows Good Friday and Ascension Day from Easter', () => {
    const days = swedishHolidays(2026);
    expect(days.has('2026-04-03')).toBe(true);
    expect(days.has('2026-05-14')).toBe(true);
  });

  it('does not count phone hours as open for visits', () => {
    expect(openNow([{ ...weekdays, kind: 'phone' }], new Date('2026-01-14T09:00:00Z'))).toBe(false);
  });
});
