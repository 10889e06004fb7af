import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFeedbackApp } from '../../functions/feedback/app.js';
import { axeViolations, browserAvailable, launchBrowser, serveApp, tabTo as tabToTarget } from '../support/browser.js';
import { SERVICE_INDEX_KEY } from '../../functions/feedback/data/service-index.js';
import { testKit } from '../support/deps.js';
import { sessionCookie } from '../support/session.js';
import { movableClock, TEST_SECRET } from './helpers.js';

async function served() {
  const clock = movableClock();
  const kit = await testKit({ area: 'sjuharad', clock });
  // the browser posts from 127.0.0.1:<port>, so the CSRF check compares with the request's own origin
  const app = createFeedbackApp({ ...kit.deps, publicOrigin: undefined }, { secret: TEST_SECRET, clientAddress: () => '192.0.2.1' });
  return { clock, kit, server: await serveApp(app) };
}

/** Press Tab until the target has focus; fails if the honeypot ever gets it. */
const tabTo = (page: Page, target: { id?: string; text?: string }) => tabToTarget(page, target, { never: 'webbplats' });

describe.runIf(browserAvailable())('the feedback form in a browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('has no axe violations on the form, in Swedish and English', async () => {
    const { server } = await served();
    const page = await browser.newPage();
    try {
      for (const url of ['/tyck-till', '/tyck-till?lang=en']) {
        await page.goto(server.origin + url);
        expect(await axeViolations(page)).toEqual([]);
      }
    } finally {
      await page.close();
      await server.stop();
    }
  });

  it('has no axe violations in the error state, the review step and the thank-you page', async () => {
    const { server, clock } = await served();
    const page = await browser.newPage();
    try {
      await page.goto(`${server.origin}/tyck-till`);
      await page.getByRole('button', { name: 'Granska och skicka' }).click();
      expect(await page.title()).toMatch(/^Fel: /);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByLabel('Tidig hjälp med psykisk ohälsa och missbruk').check();
      await page.getByLabel('Din synpunkt').fill('Jag fick vänta länge. Ring 070-123 45 67');
      await page.getByRole('button', { name: 'Granska och skicka' }).click();
      expect(await page.content()).toContain('ett telefonnummer');
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Granska och skicka' }).click();
      expect(await page.content()).toContain('[telefonnummer borttaget]');
      expect(await axeViolations(page)).toEqual([]);
      clock.advance(10);
      await page.getByRole('button', { name: 'Skicka', exact: true }).click();
      await page.waitForURL('**/tyck-till/tack');
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await page.close();
      await server.stop();
    }
  });

  it('with a large directory: no axe violations on the name field and the matches, and a match can be chosen from plain radio buttons', async () => {
    const { server, clock, kit } = await served();
    const services = Array.from({ length: 5000 }, (_, i) => ({ id: `m-${i}`, name: `Mottagning ${i}`, municipalities: ['1490'] }));
    services.push(
      { id: 'mm-boras', name: 'Mini-Maria Borås', municipalities: ['1490'] },
      { id: 'mm-mark', name: 'Mini-Maria Mark', municipalities: ['1463'] },
    );
    await kit.deps.store.put(SERVICE_INDEX_KEY, JSON.stringify(services));
    const page = await browser.newPage();
    try {
      await page.goto(`${server.origin}/tyck-till`);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByLabel('Tidig hjälp med psykisk ohälsa och missbruk').check();
      await page.getByLabel('Din synpunkt').fill('Bra bemötande.');
      await page.getByLabel(/Vilken verksamhet gäller det/).fill('mini-maria');
      await page.getByRole('button', { name: 'Granska och skicka' }).click();
      expect(await page.content()).toContain('Flera verksamheter passar');
      expect(await axeViolations(page)).toEqual([]);
      await page.getByLabel('Mini-Maria Mark').check();
      await page.getByRole('button', { name: 'Granska och skicka' }).click();
      expect(await page.content()).toContain('<dd>Mini-Maria Mark</dd>');
      clock.advance(10);
      await page.getByRole('button', { name: 'Skicka', exact: true }).click();
      await page.waitForURL('**/tyck-till/tack');
    } finally {
      await page.close();
      await server.stop();
    }
  });

  it('has no axe violations on the summary', async () => {
    const { server } = await served();
    const page = await browser.newPage();
    try {
      await page.goto(`${server.origin}/tyck-till/sammanstallning`);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await page.close();
      await server.stop();
    }
  });

  it('has no axe violations on the moderators’ list page', async () => {
    const { server, clock, kit } = await served();
    const page = await browser.newPage();
    try {
      await page.goto(`${server.origin}/tyck-till`);
      await page.getByLabel('Tidig hjälp med psykisk ohälsa och missbruk').check();
      await page.getByLabel('Din synpunkt').fill('Det tog lång tid att få hjälp.');
      clock.advance(10);
      await page.getByRole('button', { name: 'Granska och skicka' }).click();
      await page.getByRole('button', { name: 'Skicka', exact: true }).click();
      const [name, value] = (await sessionCookie(kit.deps, { roles: ['moderator'] })).split(/=(.*)/s);
      await page.context().addCookies([{ name: name!, value: value!, url: server.origin }]);
      await page.goto(`${server.origin}/personal/tyck-till`);
      expect(await page.content()).toContain('Det tog lång tid att få hjälp.');
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await page.close();
      await server.stop();
    }
  });

  for (const zoom of [1, 2]) {
    it(`can be filled in and sent with the keyboard only${zoom === 2 ? ' at 200 % zoom' : ''}`, async () => {
      const { server, clock, kit } = await served();
      // 200 % zoom: the same screen with half as many CSS pixels, as a browser zoom gives
      const page = await browser.newPage({ viewport: { width: 1280 / zoom, height: 800 / zoom }, deviceScaleFactor: zoom });
      try {
        await page.goto(`${server.origin}/tyck-till`);
        await tabTo(page, { id: 'malbild-respekt' });
        await page.keyboard.press('Space');
        await tabTo(page, { id: 'text' });
        await page.keyboard.type('Personalen lyssnade på mig.');
        expect(await page.locator('#text-count').textContent()).toBe('Du har 1973 tecken kvar');
        await tabTo(page, { text: 'Granska och skicka' });
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { level: 1, name: 'Granska och skicka' }).waitFor();
        clock.advance(10);
        await tabTo(page, { text: 'Skicka' });
        await page.keyboard.press('Enter');
        await page.waitForURL('**/tyck-till/tack');
        const overflow = await page.evaluate(() => {
          const d = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document;
          return d.documentElement.scrollWidth - d.documentElement.clientWidth;
        });
        expect(overflow).toBeLessThanOrEqual(0);
        const keys = await kit.deps.store.list('feedback/submissions/');
        expect(keys.items).toHaveLength(1);
      } finally {
        await page.close();
        await server.stop();
      }
    });
  }
});
