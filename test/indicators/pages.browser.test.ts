import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, browserAvailable, launchBrowser, serveApp } from '../support/browser.js';
import { createIndicatorsApp } from '../../functions/indicators/app.js';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { importKolada } from '../../scripts/kolada.js';
import { tempDir } from '../support/deps.js';
import { indicatorsKit, putReport, release, sipReport } from './helpers.js';

describe.runIf(browserAvailable())('the follow-up pages in a browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('have no WCAG 2.1 AA violations, in Swedish and English, with figures, suppressed cells and a derived indicator', async () => {
    const kit = await indicatorsKit();
    const admin = await kit.bearer({ roles: ['admin'] });
    await putReport(kit, 'sip-established/2026-Q2/2580', sipReport(8, 8), admin);
    await putReport(kit, 'sip-established/2026-Q3/2580', sipReport(3, 9), admin);
    await putReport(kit, 'wait-days-first-visit/2026-Q3/2580', { value: 14, denominator: 30 }, admin);
    const followedUp = {
      value: 32,
      breakdown: {
        outcome: { improved: 20, unchanged: 10, worse: 2 },
        substance: { alcohol: 18, narcotics: 8, medicines: 5, gambling: 1, doping: 0, tobacco: 0 },
      },
    };
    await putReport(kit, 'completed-interventions-followed-up/2026-Q3/2580', followedUp, admin);
    await release(kit, '2026-Q2');
    await release(kit, '2026-Q3');
    const server = await serveApp(kit.app);
    const page = await browser.newPage();
    try {
      for (const url of [
        '/uppfoljning',
        '/uppfoljning?lang=en',
        '/uppfoljning/sip-established',
        '/uppfoljning/sip-established?lang=en',
        '/uppfoljning/wait-days-first-visit',
        '/uppfoljning/feedback-received',
        '/uppfoljning/completed-interventions-followed-up',
        '/uppfoljning/completed-interventions-followed-up?lang=en',
      ]) {
        await page.goto(server.origin + url);
        expect(await axeViolations(page), url).toEqual([]);
      }
    } finally {
      await page.close();
      await server.stop();
    }
  });

  it('have no WCAG 2.1 AA violations with länsdelar, residence, a goal, national figures and a municipality page', async () => {
    const base = await indicatorsKit({ area: 'ostergotland' });
    const goals = [{ indicator: 'persons-in-treatment', target: 200, direction: 'at-least' as const, year: 2026 }];
    const config = { ...base.deps.config, indicators: { ...base.deps.config.indicators, goals } };
    const app = createIndicatorsApp({ ...base.deps, config }, { cacheWindowMs: 0 });
    const admin = await base.bearer({ roles: ['admin'] });
    for (const [i, m] of config.municipalities.entries())
      await putReport({ app }, `persons-in-treatment/2026-Q3/${m.code}`, { value: i % 3 === 0 ? 2 : 10 + i }, admin);
    const residence = Object.fromEntries(config.municipalities.map((m, i) => [m.code, i % 4 === 1 ? 3 : 8]));
    await putReport({ app }, 'persons-in-treatment/2026-Q3/region', { value: 120, breakdown: { residence } }, admin);
    await app.request('/api/indicators/releases', {
      method: 'POST',
      headers: { authorization: admin, 'content-type': 'application/json' },
      body: JSON.stringify({ period: '2026-Q3' }),
    });
    const kolada = { values: [{ kpi: 'N35807', municipality: '0580', period: 2025, values: [{ gender: 'T', value: 90 }] }] };
    const file = join(await tempDir('kolada-'), 'n35807.json');
    await writeFile(file, JSON.stringify(kolada));
    await importKolada({ area: config.id, file, retrieved: '2026-11-23', store: base.deps.store, now: new Date('2026-11-23T09:00:00Z') });
    const server = await serveApp(app);
    const page = await browser.newPage();
    try {
      for (const url of ['/uppfoljning/persons-in-treatment', '/uppfoljning/persons-in-treatment?lang=en', '/uppfoljning/kommun/0580']) {
        await page.goto(server.origin + url);
        for (const id of url.includes('kommun') ? [] : ['#parts', '#residence', '#national', '#goal', '#trend-goal'])
          expect(await page.locator(id).count(), `${url} ${id}`).toBe(1);
        expect(await axeViolations(page), url).toEqual([]);
      }
    } finally {
      await page.close();
      await server.stop();
    }
  });

  it('changes the period with the keyboard alone', async () => {
    const kit = await indicatorsKit();
    const admin = await kit.bearer({ roles: ['admin'] });
    await putReport(kit, 'sip-established/2026-Q2/2580', sipReport(8, 8), admin);
    await putReport(kit, 'sip-established/2026-Q3/2580', sipReport(3, 9), admin);
    await release(kit, '2026-Q2');
    await release(kit, '2026-Q3');
    const server = await serveApp(kit.app);
    const page = await browser.newPage();
    try {
      await page.goto(`${server.origin}/uppfoljning/sip-established`);
      await page.getByLabel('Period').focus();
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.waitForURL('**period=2026-Q2');
      expect(await page.locator('caption').nth(1).textContent()).toBe('Per organisation 2026-Q2');
    } finally {
      await page.close();
      await server.stop();
    }
  });
});
