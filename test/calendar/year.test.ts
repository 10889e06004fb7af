import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { stockholmMonth, YEARS } from '../../functions/calendar/model/year.js';
import { toStockholmIso } from '../../functions/core/i18n.js';
import { calendarKit, trainingInput } from './helpers.js';

type Kit = Awaited<ReturnType<typeof calendarKit>>;
let kit: Kit;

beforeAll(async () => {
  kit = await calendarKit();
  await kit.create();
});

const yearLinks = (html: string) => [...html.matchAll(/href="(\/utbildningar\/arshjul\?year=[^"]*)"/g)].map((m) => m[1]!);

describe('the year view', () => {
  it('offers only years that it shows: every year link answers 200, in both languages', async () => {
    const years = fc.oneof(
      fc.constantFrom(YEARS.first, YEARS.first + 1, YEARS.last - 1, YEARS.last),
      fc.integer({ min: YEARS.first, max: YEARS.last }),
    );
    await fc.assert(
      fc.asyncProperty(years, fc.constantFrom('sv', 'en'), async (year, lang) => {
        const res = await kit.app.request(`/utbildningar/arshjul?year=${year}&lang=${lang}`);
        expect(res.status).toBe(200);
        for (const link of yearLinks(await res.text())) expect((await kit.app.request(link)).status, link).toBe(200);
      }),
      { numRuns: 30 },
    );
  });

  it(`has no "Föregående år" in ${YEARS.first} and no "Nästa år" in ${YEARS.last}`, async () => {
    const first = await (await kit.app.request(`/utbildningar/arshjul?year=${YEARS.first}`)).text();
    expect(first).not.toContain('Föregående år');
    expect(first).toContain(`Nästa år (${YEARS.first + 1})`);
    const last = await (await kit.app.request(`/utbildningar/arshjul?year=${YEARS.last}`)).text();
    expect(last).not.toContain('Nästa år');
    expect(last).toContain(`Föregående år (${YEARS.last - 1})`);
  });

  it('refuses a training outside those years, in Stockholm time as well as with an offset', async () => {
    const outside = [
      [`${YEARS.first - 1}-12-31T10:00`, `${YEARS.first - 1}-12-31T12:00`],
      [`${YEARS.last}-12-31T23:30:00Z`, `${YEARS.last}-12-31T23:45:00Z`],
      [`${YEARS.last + 1}-01-01T10:00`, `${YEARS.last + 1}-01-01T12:00`],
    ] as const;
    for (const [start, end] of outside) {
      const res = await kit.app.request('/api/calendar/events', {
        method: 'POST',
        ...kit.json(trainingInput({ start, end, registrationDeadline: start }), kit.editor),
      });
      expect(res.status, start).toBe(400);
      expect(((await res.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toContain('start');
    }
  });
});

describe('the Stockholm month of a training', () => {
  it('is the month toStockholmIso gives, for any instant 2000–2100, around summer-time changes too', () =>
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-12-31T12:00:00Z'), noInvalidDate: true }), (d) => {
        const iso = toStockholmIso(d);
        expect(stockholmMonth(d.toISOString())).toEqual({ year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)) - 1 });
      }),
      { numRuns: 2000 },
    ));

  it('changes at Stockholm midnight at the turn of a month, in winter and in summer', () => {
    expect(stockholmMonth('2026-01-31T23:30:00Z')).toEqual({ year: 2026, month: 1 });
    expect(stockholmMonth('2026-05-31T22:30:00Z')).toEqual({ year: 2026, month: 5 });
    expect(stockholmMonth('2026-05-31T21:30:00Z')).toEqual({ year: 2026, month: 4 });
    expect(stockholmMonth('2026-12-31T23:00:00Z')).toEqual({ year: 2027, month: 0 });
  });
});
