import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../functions/core/config/load.js';
import { readFileSync } from 'node:fs';
import { isScheduledEvent } from '../../functions/core/lambda.js';
import { createIndicatorsApp } from '../../functions/indicators/app.js';
import { createIndicatorsContext } from '../../functions/indicators/context.js';
import { loadEngine } from '../../functions/indicators/release/engine.js';
import { makeRelease } from '../../functions/indicators/release/make.js';
import { scheduledReleases } from '../../functions/indicators/release/scheduled.js';
import { fixedClock } from '../../functions/core/deps.js';
import { indicatorsKit, json, jsonHeaders, putReport, sipReport } from './helpers.js';

describe('the release step', () => {
  it('hides more when the engine cannot protect, and says so in the release log', async () => {
    const kit = await indicatorsKit();
    const admin = await kit.bearer({ roles: ['admin'] });
    await putReport(kit, 'sip-established/2026-Q3/2580', sipReport(3, 9), admin);
    await putReport(kit, 'sip-established/2026-Q3/2584', sipReport(6, 9), admin);
    const real = await loadEngine();
    // An engine whose pattern is too thin: it hides the primary cells only.
    const thin = async () => ({
      audit: real.audit,
      protect: async () => ({ hidden: new Set<string>(), optimal: true, informationLoss: 0, log: [], solverMs: 0 }),
    });
    const app = createIndicatorsApp(kit.deps, { cacheWindowMs: 0, engine: thin });
    const res = await app.request('/api/indicators/releases', {
      method: 'POST',
      headers: jsonHeaders(admin),
      body: JSON.stringify({ period: '2026-Q3' }),
    });
    expect(res.status).toBe(201);
    const body = await json(res);
    expect(body.log.join('\n')).toMatch(/Skyddet räckte inte.*\n.*Protection did not hold/);
    // Everything hidden: every range is unbounded above, so no finite minimum width (null).
    expect(body.minRangeWidth).toBeNull();
    const { items } = await json(await app.request('/api/indicators/values?indicator=sip-established&period=2026-Q3&org=2584'));
    expect(items.every((o: { status: string }) => o.status === 'suppressed')).toBe(true);
  });

  it('releases due periods on schedule, and revises only when the interval has passed and reports changed', async () => {
    const kit = await indicatorsKit();
    const admin = await kit.bearer({ roles: ['admin'] });
    await putReport(kit, 'sip-established/2026-Q3/2580', sipReport(10, 9), admin);
    const ctx = createIndicatorsContext(kit.deps);
    const first = await scheduledReleases(kit.deps, ctx);
    expect(first).toContainEqual({ period: '2026-Q3', result: 'released' });
    await putReport(kit, 'sip-established/2026-Q3/2584', sipReport(8, 8), admin);
    expect((await scheduledReleases(kit.deps, ctx)).filter((o) => o.period === '2026-Q3')).toEqual([]);
    const later = { ...kit.deps, clock: fixedClock('2027-03-01T10:00:00+01:00') };
    expect(await scheduledReleases(later, ctx)).toContainEqual({ period: '2026-Q3', result: 'revised' });
    const unchanged = { ...kit.deps, clock: fixedClock('2027-06-01T10:00:00+01:00') };
    expect(await scheduledReleases(unchanged, ctx)).toContainEqual({ period: '2026-Q3', result: 'skipped', reason: 'nothing-changed' });
  });

  it('defers what it has no time for to the next run', async () => {
    const kit = await indicatorsKit();
    const admin = await kit.bearer({ roles: ['admin'] });
    await putReport(kit, 'sip-established/2026-Q2/2580', sipReport(10, 9), admin);
    await putReport(kit, 'sip-established/2026-Q3/2580', sipReport(10, 9), admin);
    const ctx = createIndicatorsContext(kit.deps);
    let t = 0;
    const slow = { monotonicNow: () => (t += 20_000), budgetMs: 30_000 };
    const first = await scheduledReleases(kit.deps, ctx, slow);
    const deferred = first.filter((o) => o.result === 'deferred').map((o) => o.period);
    expect(deferred).toContain('2026-Q3');
    const second = await scheduledReleases(kit.deps, ctx);
    const released = [...first, ...second].filter((o) => o.result === 'released').map((o) => o.period);
    expect(released.sort()).toEqual(['2026-Q2', '2026-Q3']);
  });

  it('is run by an EventBridge event, not by an HTTP request', () => {
    expect(isScheduledEvent({ source: 'aws.events', 'detail-type': 'Scheduled Event' })).toBe(true);
    expect(isScheduledEvent({ version: '2.0', rawPath: '/uppfoljning', requestContext: {} })).toBe(false);
  });

  it('writes frozen objects create-only: a second release with the same number is refused', async () => {
    const kit = await indicatorsKit();
    await putReport(kit, 'sip-established/2026-Q3/2580', sipReport(10, 9), await kit.bearer({ roles: ['admin'] }));
    const ctx = createIndicatorsContext(kit.deps);
    await kit.deps.store.put('indicators/releases/2026-Q3/r1.json', '{}', { ifNoneMatch: '*' });
    await expect(makeRelease(kit.deps, ctx, '2026-Q3')).rejects.toMatchObject({ reason: 'concurrent' });
  });
});

describe('protection width in config', () => {
  const base = readFileSync('config/norrbotten.yaml', 'utf8');
  const withProtection = (lower: number) =>
    base.replace(/^indicators:\n/m, `indicators:\n  protection:\n    lower: ${lower}\n    upper: 3\n`);

  it('defaults to 3 persons each way with the release 30 days after the period', () => {
    const config = parseConfig(base, 'norrbotten.yaml');
    expect(config.indicators.protection).toEqual({ lower: 3, upper: 3 });
    expect(config.indicators.release).toEqual({ deadlineDays: 30, revisionIntervalDays: 90, scheduled: true });
  });

  it('refuses a width below the minimum, naming file, line and key in Swedish and English', () => {
    try {
      parseConfig(withProtection(1), 'norrbotten.yaml');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problem = (error as ConfigError).problems[0];
      expect(problem).toMatchObject({ key: 'indicators.protection.lower' });
      expect(problem?.sv).toMatch(/Skyddsbredden 1 är för smal: minst 2/);
      expect(problem?.en).toMatch(/Protection width 1 is too narrow: at least 2/);
      expect((error as ConfigError).message).toMatch(/norrbotten\.yaml:\d+/);
    }
  });
});
