import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, browserAvailable, launchBrowser, tabTo } from '../support/browser.js';
import { served, signInAsEditor } from './staff-browser.js';

const TITLE = 'Återfallsprevention för Östersund';

/** Type a Stockholm time as people write it. */
async function typeTime(page: Page, id: string, value: string) {
  await tabTo(page, { id });
  await page.keyboard.type(value);
}

describe.runIf(browserAvailable())('the trainings staff section in a browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('an editor of Östersund publishes a training by keyboard, signs out and finds it on /utbildningar', async () => {
    const server = await served();
    const page = await browser.newPage();
    try {
      await signInAsEditor(page, server.origin, '/personal/utbildningar');
      await tabTo(page, { text: 'Ny utbildning' });
      await page.keyboard.press('Enter');
      await page.waitForURL('**/personal/utbildningar/ny');
      await tabTo(page, { id: 'title' });
      await page.keyboard.type(TITLE);
      await tabTo(page, { id: 'description' });
      await page.keyboard.type('En eftermiddag om att förebygga återfall.');
      expect(await page.locator('#organizer').inputValue()).toBe('2380');
      await typeTime(page, 'start', '2026-05-12 13:00');
      await typeTime(page, 'end', '2026-05-12 16:00');
      await typeTime(page, 'registrationDeadline', '2026-05-05 12:00');
      await tabTo(page, { id: 'place' });
      await page.keyboard.type('Rådhuset, Östersund');
      await tabTo(page, { id: 'capacity' });
      await page.keyboard.type('25');
      await tabTo(page, { text: 'Publicera utbildningen' });
      await page.keyboard.press('Enter');
      await page.waitForURL('**/personal/utbildningar/*?meddelande=created');
      expect(await page.content()).toContain('Utbildningen är publicerad.');
      await tabTo(page, { text: 'Logga ut' });
      await page.keyboard.press('Enter');
      await page.waitForURL(`${server.origin}/`);
      await page.goto(`${server.origin}/personal/utbildningar`);
      expect(new URL(page.url()).pathname).toBe('/logga-in');
      await page.goto(`${server.origin}/utbildningar`);
      expect(await page.content()).toContain(TITLE);
    } finally {
      await page.close();
      await server.stop();
    }
  });

  it('has no axe violations on the section pages, in Swedish and English', async () => {
    const server = await served();
    const page = await browser.newPage();
    const results: Record<string, unknown[]> = {};
    try {
      await signInAsEditor(page, server.origin, '/personal/utbildningar/ny');
      await page.getByRole('button', { name: 'Publicera utbildningen' }).click();
      results['/personal/utbildningar/ny sv, with errors'] = await axeViolations(page);
      await page.getByLabel('Rubrik').fill(TITLE);
      await page.locator('#start').fill('2026-05-12 13:00');
      await page.locator('#end').fill('2026-05-12 16:00');
      await page.locator('#registrationDeadline').fill('2026-05-05 12:00');
      await page.locator('#place').fill('Rådhuset');
      await page.locator('#capacity').fill('25');
      await page.getByRole('button', { name: 'Publicera utbildningen' }).click();
      await page.waitForURL('**?meddelande=created');
      const edit = new URL(page.url()).pathname;
      for (const lang of ['sv', 'en'])
        for (const path of ['/personal/utbildningar', '/personal/utbildningar/ny', edit]) {
          await page.goto(`${server.origin}${path}?lang=${lang}`);
          results[`${path} ${lang}`] = await axeViolations(page);
        }
      await page.setViewportSize({ width: 320, height: 800 });
      await page.goto(`${server.origin}${edit}`);
      const width = await page.evaluate(
        () => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth,
      );
      expect(width).toBeLessThanOrEqual(320);
      expect(Object.keys(results)).toHaveLength(7);
      for (const [where, violations] of Object.entries(results)) expect(violations, where).toEqual([]);
    } finally {
      await page.close();
      await server.stop();
    }
  });
});
