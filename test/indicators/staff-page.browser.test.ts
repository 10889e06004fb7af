import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalApp } from '../../functions/local-server.js';
import { movableClock } from '../feedback/helpers.js';
import { axeViolations, browserAvailable, launchBrowser, serveApp, signInLocally, tabTo } from '../support/browser.js';
import { testKit } from '../support/deps.js';

/** The local server of `npm start` (with its sign-in page), in 2026-Q4 so that 2026-Q3 can be released. */
async function served() {
  const kit = await testKit({ area: 'jamtland', clock: movableClock() });
  // the browser posts from 127.0.0.1:<port>, so the CSRF check compares with the request's own origin
  return serveApp(createLocalApp({ ...kit.deps, publicOrigin: undefined }, { issuer: kit.issuer }));
}

const SIP = 'Spara: Upprättade samordnade individuella planer (SIP)';
const FIELDS: [string, string][] = [
  ['sip-established--value', '12'],
  ['sip-established--breakdown-gender-K', '5'],
  ['sip-established--breakdown-gender-M', '7'],
  ['sip-established--breakdown-age-0-17', '0'],
  ['sip-established--breakdown-age-18-25', '5'],
  ['sip-established--breakdown-age-26-64', '7'],
  ['sip-established--breakdown-age-65-', '0'],
];

describe.runIf(browserAvailable())('the follow-up staff section in a browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('an editor of Östersund reports a quarter by keyboard and signs out; an admin releases it; the figures are public', async () => {
    const server = await served();
    const page = await browser.newPage();
    const axe: Record<string, unknown[]> = {};
    try {
      await page.goto(`${server.origin}/personal/uppfoljning?period=2026-Q3`);
      expect(new URL(page.url()).pathname).toBe('/logga-in');
      await signInLocally(page, 'Erik Redaktör', 'Red', '2380');
      await page.waitForURL((u) => u.pathname === '/personal/uppfoljning');
      expect(await page.locator('h1').textContent()).toBe('Rapportera 2026-Q3: Östersund');
      axe['report sv'] = await axeViolations(page);
      // a mistake first: the sum of K and M does not match the total
      await tabTo(page, { id: FIELDS[0]![0] });
      await page.keyboard.type('13');
      for (const [id, value] of FIELDS.slice(1)) {
        await tabTo(page, { id });
        await page.keyboard.type(value);
      }
      await tabTo(page, { text: SIP });
      await page.keyboard.press('Enter');
      await page.waitForURL((u) => u.pathname.startsWith('/personal/uppfoljning/rapport/'));
      expect(await page.content()).toContain('Totalen (13) ska vara lika med summan av kategorierna (12)');
      expect(await page.locator('#sip-established--breakdown-gender-K').inputValue()).toBe('5');
      axe['report sv, with errors'] = await axeViolations(page);
      await tabTo(page, { id: FIELDS[0]![0] });
      await page.keyboard.press('Control+A');
      await page.keyboard.type('12');
      await tabTo(page, { text: SIP });
      await page.keyboard.press('Enter');
      await page.waitForURL((u) => u.searchParams.get('meddelande') === 'saved');
      expect(await page.content()).toContain('Rapporten är sparad.');
      await page.goto(`${server.origin}/personal/uppfoljning?period=2026-Q3&lang=en`);
      axe['report en'] = await axeViolations(page);
      await page.goto(`${server.origin}/personal/uppfoljning?period=2026-Q3&lang=sv`);
      await tabTo(page, { text: 'Logga ut' });
      await page.keyboard.press('Enter');
      await page.waitForURL(`${server.origin}/`);

      await page.goto(`${server.origin}/personal/uppfoljning/publicering?period=2026-Q3&lang=sv`);
      await signInLocally(page, 'Ada Admin', 'Adm');
      await page.waitForURL((u) => u.pathname === '/personal/uppfoljning/publicering');
      expect(await page.content()).toContain('Har inte rapporterat');
      axe['release sv'] = await axeViolations(page);
      await tabTo(page, { text: 'Publicera 2026-Q3' });
      await page.keyboard.press('Enter');
      await page.waitForURL((u) => u.searchParams.get('meddelande') === 'released');
      expect(await page.content()).toContain('revidering 1');
      await page.goto(`${server.origin}/personal/uppfoljning/publicering?period=2026-Q3&lang=en`);
      axe['release en'] = await axeViolations(page);
      await tabTo(page, { text: 'Release a revision of 2026-Q3' });
      await page.keyboard.press('Enter');
      await page.waitForURL((u) => !u.searchParams.has('period'));
      expect(await page.content()).toContain('Nothing has changed since release 1 of 2026-Q3');
      axe['release en, refused'] = await axeViolations(page);
      // reflow at 320 px: the pages never scroll sideways (wide tables scroll in their own region)
      await page.setViewportSize({ width: 320, height: 640 });
      for (const path of ['/personal/uppfoljning?period=2026-Q3&org=2380', '/personal/uppfoljning/publicering?period=2026-Q3']) {
        await page.goto(`${server.origin}${path}`);
        expect(await page.evaluate<number>('document.documentElement.scrollWidth'), path).toBeLessThanOrEqual(320);
      }

      await page.goto(`${server.origin}/uppfoljning/sip-established?lang=sv`);
      const html = await page.content();
      expect(html).toContain('2026-Q3');
      expect(html).toContain('Östersund');
      expect(html).toMatch(/>12</);
      for (const [where, violations] of Object.entries(axe)) expect(violations, where).toEqual([]);
    } finally {
      await page.close();
      await server.stop();
    }
  }, 90_000);
});
