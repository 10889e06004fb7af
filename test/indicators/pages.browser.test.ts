import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, browserAvailable, launchBrowser, serveApp } from '../support/browser.js';
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
      ]) {
        await page.goto(server.origin + url);
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
