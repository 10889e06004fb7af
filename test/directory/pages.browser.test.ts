import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDirectoryApp } from '../../functions/directory/app.js';
import { axeViolations, browserAvailable, launchBrowser, serveApp } from '../support/browser.js';
import { testKit } from '../support/deps.js';

describe.runIf(browserAvailable())('the directory pages in a browser', () => {
  let browser: Browser;
  let server: { origin: string; stop: () => Promise<void> };
  let page: Page;
  const errors: string[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
    const kit = await testKit({ area: 'ostergotland' });
    server = await serveApp(createDirectoryApp(kit.deps));
    page = await browser.newPage();
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  });
  afterAll(async () => {
    await page?.close();
    await server?.stop();
    await browser?.close();
  });

  it.each([
    '/hitta-stod',
    '/hitta-stod?q=mini+maria&targetGroup=youth',
    '/hitta-stod?q=mini&lang=en',
    '/hitta-stod?age=old',
    '/hitta-stod/tjanst/mini-maria-mjolby?lang=sv',
    '/hitta-stod/samverkan?municipality=0513',
    '/hitta-stod/samverkan?lang=en',
  ])('has no WCAG 2.1 AA violations on %s', async (url) => {
    await page.goto(server.origin + url);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('searches "mini maria" with the keyboard alone and opens a result', async () => {
    errors.length = 0;
    await page.goto(`${server.origin}/hitta-stod?lang=sv`);
    // skip link, then into the main content: Tab until the search field has focus
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      if (
        await page.evaluate(
          () => (globalThis as unknown as { document: { activeElement: { id: string } } }).document.activeElement.id === 'q',
        )
      )
        break;
    }
    await page.keyboard.type('mini maria');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/hitta-stod?q=mini+maria*');
    const first = page.getByRole('link', { name: /Mini Maria/ }).first();
    await first.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL('**/hitta-stod/tjanst/**');
    expect(await page.locator('h1').textContent()).toMatch(/Mini Maria/);
    expect(errors, errors.join('\n')).toEqual([]);
  });
});
