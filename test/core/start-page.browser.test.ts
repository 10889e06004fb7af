import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalApp } from '../../functions/local-server.js';
import { axeViolations, browserAvailable, launchBrowser, serveApp } from '../support/browser.js';
import { AREAS, testKit } from '../support/deps.js';

describe.runIf(browserAvailable())('the start page in a browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it.each(AREAS)('has no WCAG 2.1 AA violations in %s, in Swedish and English', async (area) => {
    const kit = await testKit({ area });
    const server = await serveApp(createLocalApp(kit.deps));
    const page = await browser.newPage();
    try {
      for (const url of ['/', '/?lang=en']) {
        await page.goto(server.origin + url);
        expect(await axeViolations(page)).toEqual([]);
      }
    } finally {
      await page.close();
      await server.stop();
    }
  });

  it('reaches the skip link first and every service with the keyboard', async () => {
    const kit = await testKit({ area: 'jamtland' });
    const server = await serveApp(createLocalApp(kit.deps));
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    try {
      await page.goto(server.origin + '/');
      await page.keyboard.press('Tab');
      expect(
        await page.evaluate(
          () => (globalThis as unknown as { document: { activeElement: { textContent: string } } }).document.activeElement.textContent,
        ),
      ).toBe('Till huvudinnehållet');
      await page.keyboard.press('Enter');
      await page.getByRole('link', { name: 'Hitta stöd' }).first().focus();
      await page.keyboard.press('Enter');
      await page.waitForURL('**/hitta-stod');
      expect(await page.title()).toContain('Hitta stöd');
      expect(errors, errors.join('\n')).toEqual([]);
    } finally {
      await page.close();
      await server.stop();
    }
  });

  it('switches language without script, keeps the page, and never shows a kept page in the old language', async () => {
    const kit = await testKit({ area: 'jamtland' });
    const server = await serveApp(createLocalApp(kit.deps));
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const lang = () => page.locator('html').getAttribute('lang');
    try {
      // The training list and the start page are first seen (and kept by the browser) in Swedish.
      await page.goto(server.origin + '/utbildningar');
      await page.goto(server.origin + '/');
      expect(await lang()).toBe('sv');
      await page.getByRole('link', { name: 'In English' }).click();
      await page.waitForURL('**/?lang=en');
      expect(await lang()).toBe('en');
      // Following a link to the page kept in Swedish shows it in English at once.
      await page.getByRole('navigation').getByRole('link', { name: 'Trainings' }).click();
      await page.waitForURL('**/utbildningar');
      expect(await lang()).toBe('en');
      // The switch back keeps the path and query of the page it is on.
      await page.goto(server.origin + '/utbildningar?topic=mi');
      await page.getByRole('link', { name: 'På svenska' }).click();
      await page.waitForURL('**/utbildningar?topic=mi&lang=sv');
      expect(await lang()).toBe('sv');
      await page.getByRole('link', { name: kit.deps.config.branding.logoText }).click();
      await page.waitForURL(server.origin + '/');
      expect(await lang()).toBe('sv');
    } finally {
      await context.close();
      await server.stop();
    }
  });
});
