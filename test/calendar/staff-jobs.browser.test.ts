import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, browserAvailable, launchBrowser, tabTo, type AxeViolation } from '../support/browser.js';
import { served, signInAsEditor } from './staff-browser.js';

const SERIES = 'Handledning i MI, Östersund';
const HEADER = 'titel;ämne;arrangör;start;slut;plats;platser;sista anmälningsdag';
const GOOD = `\uFEFF${HEADER}\r\nSIP-träff;sip;2380;2026-09-08 09:00;2026-09-08 12:00;Rådhuset;30;2026-09-01 12:00\r\nMI repetition;mi;2380;2026-10-06 09:00;2026-10-06 12:00;Rådhuset;30;2026-09-29 12:00\r\n`;
const BAD = `${HEADER}\nSIP-träff;astrologi;2380;2026-09-08 09:00;2026-09-08 12:00;Rådhuset;30;2026-09-01 12:00\nMI;mi;2380;2026-09-08 09:00;2026-09-08 12:00;Rådhuset;många;2026-09-01 12:00\n`;

/** Replace the text of a field by keyboard. */
async function retype(page: Page, id: string, value: string) {
  await tabTo(page, { id });
  await page.keyboard.press('Control+A');
  await page.keyboard.type(value);
}

/**
 * Choose a file by keyboard: Space on the focused file field opens the chooser. Headless Chromium
 * does not always raise the chooser for a key press on a loaded machine; the file (the part of the
 * job the OS dialog does) is then set on the same focused field directly.
 */
async function chooseFile(page: Page, text: string) {
  await tabTo(page, { id: 'fil' });
  const file = { name: 'program.csv', mimeType: 'text/csv', buffer: Buffer.from(text) };
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser', { timeout: 5000 }).catch(() => undefined),
    page.keyboard.press('Space'),
  ]);
  if (chooser) await chooser.setFiles(file);
  else await page.setInputFiles('#fil', file);
}

/** Send a form (a post to the page's own address) and wait for the answer to load. */
async function submit(page: Page, act: () => Promise<void>) {
  await Promise.all([page.waitForNavigation(), act()]);
}

describe.runIf(browserAvailable())('series, move and import in the trainings staff section', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('an editor publishes a weekly series, moves one occasion and imports a programme, by keyboard only', async () => {
    const server = await served();
    const page = await browser.newPage();
    try {
      await signInAsEditor(page, server.origin, '/personal/utbildningar/ny');
      await tabTo(page, { id: 'title' });
      await page.keyboard.type(SERIES);
      await retype(page, 'start', '2026-03-17 13:00');
      await retype(page, 'end', '2026-03-17 15:00');
      await retype(page, 'registrationDeadline', '2026-03-16 12:00');
      await retype(page, 'place', 'Rådhuset');
      await retype(page, 'capacity', '10');
      await tabTo(page, { id: 'repeat-none' });
      await page.keyboard.press('ArrowDown');
      expect(await page.locator('#repeat-week').isChecked()).toBe(true);
      await retype(page, 'repeatCount', '3');
      await tabTo(page, { text: 'Publicera utbildningen' });
      await page.keyboard.press('Enter');
      await page.waitForURL('**/personal/utbildningar?meddelande=series');
      expect(await page.getByRole('link', { name: SERIES }).count()).toBe(3);

      await tabTo(page, { text: SERIES });
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/personal\/utbildningar\/[^/?]+$/);
      await retype(page, 'move-start', '2026-03-19 13:00');
      await retype(page, 'move-end', '2026-03-19 15:00');
      await tabTo(page, { id: 'move-reason' });
      await page.keyboard.type('Krock med kommunfullmäktige');
      await tabTo(page, { text: 'Flytta' });
      await page.keyboard.press('Enter');
      await page.waitForURL('**?meddelande=moved');
      expect(await page.content()).toContain('Utbildningen är flyttad.');

      await page.goto(`${server.origin}/personal/utbildningar`);
      await tabTo(page, { text: 'Importera ett program (CSV)' });
      await page.keyboard.press('Enter');
      await page.waitForURL('**/personal/utbildningar/importera');
      await chooseFile(page, BAD);
      await tabTo(page, { text: 'Granska filen' });
      await submit(page, () => page.keyboard.press('Enter'));
      const errors = await page.content();
      expect(errors).toContain('Rad 2, kolumn ämne: Okänt ämne');
      expect(errors).toContain('Rad 3, kolumn platser: Skriv ett heltal');
      await chooseFile(page, GOOD);
      await tabTo(page, { text: 'Granska filen' });
      await submit(page, () => page.keyboard.press('Enter'));
      expect(await page.content()).toContain('2 utbildningar kan sparas. Inget är sparat ännu.');
      await tabTo(page, { text: 'Spara 2 utbildningar' });
      await page.keyboard.press('Enter');
      await page.waitForURL('**/personal/utbildningar?meddelande=imported');

      await page.goto(`${server.origin}/utbildningar`);
      const html = await page.content();
      for (const title of ['SIP-träff', 'MI repetition', SERIES]) expect(html).toContain(title);
      expect(html).toMatch(/Flyttad|flyttad/);
    } finally {
      await page.close();
      await server.stop();
    }
  }, 60_000);

  it('has no axe violations on the series, move and import pages, in Swedish and English', async () => {
    const server = await served();
    const page = await browser.newPage();
    const results: Record<string, AxeViolation[]> = {};
    try {
      await signInAsEditor(page, server.origin, '/personal/utbildningar/ny');
      for (const lang of ['sv', 'en']) {
        await page.goto(`${server.origin}/personal/utbildningar/ny?lang=${lang}`);
        await page.locator('#repeat-month').check();
        await page.locator('#repeatCount').fill('40');
        await submit(page, () =>
          page.getByRole('button', { name: lang === 'sv' ? 'Publicera utbildningen' : 'Publish the training' }).click(),
        );
        results[`new with series errors ${lang}`] = await axeViolations(page);
        await page.goto(`${server.origin}/personal/utbildningar/importera?lang=${lang}`);
        results[`import ${lang}`] = await axeViolations(page);
        await page.locator('#fil').setInputFiles({ name: 'p.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD) });
        await submit(page, () => page.locator('form[enctype] button').click());
        results[`preview with errors ${lang}`] = await axeViolations(page);
        await page.locator('#fil').setInputFiles({ name: 'p.csv', mimeType: 'text/csv', buffer: Buffer.from(GOOD) });
        await submit(page, () => page.locator('form[enctype] button').click());
        expect(await page.locator('input[name=import]').count()).toBe(1);
        results[`preview ${lang}`] = await axeViolations(page);
      }
      await page.goto(`${server.origin}/personal/utbildningar/ny?lang=sv`);
      await page.getByLabel('Rubrik').fill(SERIES);
      await page.locator('#start').fill('2026-05-12 13:00');
      await page.locator('#end').fill('2026-05-12 16:00');
      await page.locator('#registrationDeadline').fill('2026-05-05 12:00');
      await page.locator('#place').fill('Rådhuset');
      await page.locator('#capacity').fill('25');
      await page.getByRole('button', { name: 'Publicera utbildningen' }).click();
      await page.waitForURL('**?meddelande=created');
      const edit = new URL(page.url()).pathname;
      for (const lang of ['sv', 'en']) {
        await page.goto(`${server.origin}${edit}?lang=${lang}`);
        await page.locator('#move-end').fill('i morgon');
        await page.locator('#move-start').fill('2026-05-13 13:00');
        await submit(page, () => page.locator('section[aria-labelledby=h-move] button').click());
        expect(await page.locator('#move-end-error').count()).toBe(1);
        results[`move with errors ${lang}`] = await axeViolations(page);
      }
      expect(Object.keys(results)).toHaveLength(10);
      for (const [where, violations] of Object.entries(results)) expect(violations, where).toEqual([]);
    } finally {
      await page.close();
      await server.stop();
    }
  }, 120_000);
});
