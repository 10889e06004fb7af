import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalApp } from '../../functions/local-server.js';
import { probeReflow } from '../core/reflow-probe.js';
import { axeViolations, browserAvailable, launchBrowser, serveApp, signInLocally, tabTo } from '../support/browser.js';
import { testKit } from '../support/deps.js';

const NAME = 'Anhörigstöd Östersund';

/** The local server of `npm start` (with its sign-in page) on a fresh store of Jämtland. */
async function served() {
  const kit = await testKit({ area: 'jamtland' });
  // the browser posts from 127.0.0.1:<port>, so the CSRF check compares with the request's own origin
  return serveApp(createLocalApp({ ...kit.deps, publicOrigin: undefined }, { issuer: kit.issuer }));
}

describe.runIf(browserAvailable())('the Hitta stöd staff section in a browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('an editor of Östersund signs in locally, adds a service by keyboard, signs out; the service is public', async () => {
    const server = await served();
    const page = await browser.newPage();
    try {
      await page.goto(`${server.origin}/personal/hitta-stod`);
      expect(new URL(page.url()).pathname).toBe('/logga-in');
      await signInLocally(page, 'Erik Redaktör', 'Red', '2380');
      await page.waitForURL('**/personal/hitta-stod');
      await tabTo(page, { text: 'Lägg till en tjänst' });
      await page.keyboard.press('Enter');
      await page.waitForURL('**/personal/hitta-stod/ny');
      await tabTo(page, { id: 'f-name' });
      await page.keyboard.type(NAME);
      await tabTo(page, { id: 'f-description' });
      await page.keyboard.type('Samtal för anhöriga till personer med beroende.');
      await tabTo(page, { id: 'f-targetGroups-relatives' });
      await page.keyboard.press('Space');
      await tabTo(page, { id: 'f-municipalities-2380' });
      await page.keyboard.press('Space');
      await tabTo(page, { id: 'f-phones' });
      await page.keyboard.type('063-14 30 00 | Växel');
      await tabTo(page, { id: 'f-schedules' });
      await page.keyboard.type('MO-FR 08:00-16:30 visiting');
      await tabTo(page, { id: 'f-loc0-street' });
      await page.keyboard.type('Rådhusgatan 44');
      await tabTo(page, { id: 'f-loc0-city' });
      await page.keyboard.type('Östersund');
      await tabTo(page, { text: 'Lägg till tjänsten' });
      await page.keyboard.press('Enter');
      await page.waitForURL('**/personal/hitta-stod?meddelande=created');
      expect(await page.content()).toContain('Tjänsten är tillagd');
      expect(await page.content()).toContain(NAME);
      await tabTo(page, { text: 'Logga ut' });
      await page.keyboard.press('Enter');
      await page.waitForURL(`${server.origin}/`);
      await page.goto(`${server.origin}/personal/hitta-stod`);
      expect(new URL(page.url()).pathname).toBe('/logga-in');
      await page.goto(`${server.origin}/hitta-stod?q=${encodeURIComponent('anhörigstöd')}`);
      const html = await page.content();
      expect(html).toContain(NAME);
    } finally {
      await page.close();
      await server.stop();
    }
  });

  it('has no axe violations and reflows at 320 px: the list, the new-service form (also with errors) and the edit form (also on a conflict), in Swedish and English', async () => {
    const server = await served();
    const context = await browser.newContext();
    const page = await context.newPage();
    const results: Record<string, unknown[]> = {};
    try {
      await page.goto(`${server.origin}/logga-in`);
      await page.getByLabel('Ditt namn').fill('Erik Redaktör');
      await page.locator('#role').selectOption('editor');
      await page.locator('#org').selectOption('2380');
      await page.getByRole('button', { name: 'Logga in' }).click();
      await page.waitForURL('**/personal**');
      await page.goto(`${server.origin}/personal/hitta-stod/ny`);
      await page.locator('#f-name').fill(NAME);
      await page.locator('#f-loc0-street').fill('Rådhusgatan 44');
      await page.getByRole('button', { name: 'Lägg till tjänsten' }).click();
      await page.waitForURL('**/personal/hitta-stod?meddelande=created');
      await page.setViewportSize({ width: 320, height: 800 });
      const reflow: Record<string, unknown> = {};
      const record = async (where: string) => {
        results[where] = await axeViolations(page);
        const report = await probeReflow(page);
        if (report.pageWidth || report.outside.length || report.badRegions.length) reflow[where] = report;
      };
      const id = /\/personal\/hitta-stod\/([0-9a-f-]{36})/.exec(await page.content())![1]!;
      for (const lang of ['sv', 'en']) {
        for (const path of ['/personal/hitta-stod?meddelande=created', '/personal/hitta-stod/ny', `/personal/hitta-stod/${id}`]) {
          await page.goto(`${server.origin}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
          await record(`${path} ${lang}`);
        }
        await page.goto(`${server.origin}/personal/hitta-stod/ny?lang=${lang}`);
        await page.locator('#f-name').fill('');
        await page.locator('#f-phones').fill('ring mig');
        await page.locator('button[type="submit"]').last().click();
        await page.waitForLoadState();
        expect(await page.locator('#f-phones-error').count()).toBe(1);
        await record(`/personal/hitta-stod/ny ${lang}, with errors`);
        // a conflict: the form is open while the service is confirmed in another tab
        await page.goto(`${server.origin}/personal/hitta-stod/${id}?lang=${lang}`);
        const other = await context.newPage();
        await other.goto(`${server.origin}/personal/hitta-stod?lang=${lang}`);
        await other.locator('form[action*="/kontrollerad"] button').first().click();
        await other.waitForURL('**meddelande=verified**');
        await other.close();
        await page.locator('#f-name').fill(`${NAME} (${lang})`);
        await page.locator('form[novalidate] button[type="submit"]').click();
        await page.waitForLoadState();
        expect(await page.locator('#stored-title').count()).toBe(1);
        await record(`/personal/hitta-stod/${id} ${lang}, conflict`);
      }
      expect(Object.keys(results)).toHaveLength(10);
      for (const [where, violations] of Object.entries(results)) expect(violations, where).toEqual([]);
      expect(reflow).toEqual({});
    } finally {
      await context.close();
      await server.stop();
    }
  });
});
