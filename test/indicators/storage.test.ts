import { describe, expect, it } from 'vitest';
import { createIndicatorsApp } from '../../functions/indicators/app.js';
import { hasBegun, isPeriod, lastCompletedPeriod, previousPeriod } from '../../functions/indicators/model/period.js';
import { CountingStore } from '../support/counting-store.js';
import { indicatorsKit, putReport, release, sipReport, storedKeys } from './helpers.js';

describe('storage of reports', () => {
  it('lets thirteen municipalities report the same indicator and period at once without collision', async () => {
    const kit = await indicatorsKit();
    const codes = kit.deps.config.municipalities.map((m) => m.code).slice(0, 13);
    const answers = await Promise.all(
      codes.map(async (org) =>
        putReport(kit, `sip-established/2026-Q3/${org}`, sipReport(5, 6), await kit.bearer({ roles: ['editor'], org })),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(codes.map(() => 201));
    expect(await storedKeys(kit)).toHaveLength(13);
  });

  it('answers a public page on a warm function from memory within the cache window', async () => {
    const kit = await indicatorsKit();
    await putReport(kit, 'sip-established/2026-Q3/2580', sipReport(5, 6), await kit.bearer({ roles: ['admin'] }));
    await release(kit);
    const wrapped = new CountingStore(kit.deps.store);
    const calls = wrapped.counts;
    let now = 0;
    const app = createIndicatorsApp({ ...kit.deps, store: wrapped }, { monotonicNow: () => now, cacheWindowMs: 15_000 });
    await app.request('/uppfoljning/sip-established');
    const cold = { ...calls };
    // the releases object, and the directory's agreement goals the indicator page shows beside them
    expect(cold).toEqual({ get: 2, list: 0, put: 0, delete: 0 });
    await app.request('/uppfoljning/sip-established');
    await app.request('/api/indicators/area?indicator=sip-established');
    expect(calls).toEqual(cold);
    now = 20_000;
    await app.request('/uppfoljning/sip-established');
    await app.request('/uppfoljning');
    await app.request('/api/indicators/export.csv');
    // after the window one conditional GET of the releases; the agreement goals keep a longer window
    expect(calls).toEqual({ get: 3, list: 0, put: 0, delete: 0 });
  });
});

describe('periods', () => {
  it('accepts each frequency’s own format only', () => {
    expect(isPeriod('2026-Q3', 'quarter')).toBe(true);
    expect(isPeriod('2026-03', 'month')).toBe(true);
    expect(isPeriod('2026', 'year')).toBe(true);
    expect(isPeriod('2026-Q5', 'quarter')).toBe(false);
    expect(isPeriod('2026-3', 'month')).toBe(false);
    expect(isPeriod('2026-Q3', 'year')).toBe(false);
  });

  it('counts the current period as begun and the next as future, in Stockholm time', () => {
    const newYearsEveUtc = new Date('2026-12-31T23:30:00Z');
    expect(hasBegun('2027-Q1', 'quarter', newYearsEveUtc)).toBe(true);
    expect(hasBegun('2027-02', 'month', newYearsEveUtc)).toBe(false);
  });

  it('finds the previous and the last completed period', () => {
    expect(previousPeriod('2026-Q1', 'quarter')).toBe('2025-Q4');
    expect(previousPeriod('2026-01', 'month')).toBe('2025-12');
    expect(lastCompletedPeriod('year', new Date('2026-11-23T10:00:00+01:00'))).toBe('2025');
  });
});
