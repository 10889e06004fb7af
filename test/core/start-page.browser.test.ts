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
});
