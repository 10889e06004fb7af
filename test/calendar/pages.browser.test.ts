import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCalendarApp } from '../../functions/calendar/app.js';
import { axeViolations, browserAvailable, launchBrowser, serveApp } from '../support/browser.js';
import { calendarKit } from './helpers.js';

const activeId = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document.activeElement?.id ?? '');

async function tabTo(page: Page, id: string): Promise<void> {
  for (let i = 0; i < 80; i++) {
    if ((await activeId(page)) === id) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Could not reach #${id} with Tab`);
}

describe.runIf(browserAvailable())('the training pages in a browser', () => {
  let browser: Browser;
  let origin: string;
  let stop: () => Promise<void>;
  let eventId: string;
  let fullId: string;

  beforeAll(async () => {
    const { kit, create, registerApi } = await calendarKit();
    eventId = (await create()).id;
    fullId = (await create({ title: 'Fullbokad SIP', topic: 'sip', capacity: 1 })).id;
    await registerApi(fullId, { name: 'A', email: 'a@ydre.se' });
    // The request's own origin is the public one here (no publicOrigin), as on a laptop.
    const server = await serveApp(createCalendarApp({ ...kit.deps, publicOrigin: undefined }));
    origin = server.origin;
    stop = server.stop;
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await stop?.();
  });

  it('has no WCAG 2.1 AA violations on the list, a training, the year view and a form with errors, in Swedish and English', async () => {
    const page = await browser.newPage();
    try {
      for (const path of ['/utbildningar', `/utbildningar/${eventId}`, `/utbildningar/${fullId}`, '/utbildningar/arshjul']) {
        for (const lang of ['sv', 'en']) {
          await page.goto(`${origin}${path}?lang=${lang}`);
          expect({ path, lang, violations: await axeViolations(page) }).toEqual({ path, lang, violations: [] });
        }
      }
      await page.goto(`${origin}/utbildningar/${eventId}?lang=sv`);
      await page.getByRole('button', { name: 'Anmäl mig' }).click();
      expect(await page.locator('.error-summary').count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await page.close();
    }
  }, 60_000);

  it('lets a person register with the keyboard only and see the confirmation', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${origin}/utbildningar/${eventId}?lang=sv`);
      await tabTo(page, 'name');
      await page.keyboard.type('Kim Tangentbord');
      await page.keyboard.press('Tab');
      await page.keyboard.type('kim@ydre.se');
      await page.keyboard.press('Tab');
      expect(await activeId(page)).toBe('org');
      await page.keyboard.type('Ydre');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.waitForLoadState('domcontentloaded');
      expect(await page.locator('h1').textContent()).toBe('Du är anmäld');
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await page.close();
    }
  }, 60_000);
});
