import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalApp } from '../../functions/local-server.js';
import { movableClock } from '../feedback/helpers.js';
import { axeViolations, browserAvailable, launchBrowser, serveApp, signInLocally, tabTo } from '../support/browser.js';
import { testKit } from '../support/deps.js';

const HEADER = 'indikator;organisation;period;nedbrytning;kategori;värde;status';
const sip = (total: number, age65: string) =>
  [
    HEADER,
    `sip-established;'2380;2026-Q3;total;T;${total};`,
    'sip-established;2380;2026-Q3;gender;K;5;',
    'sip-established;2380;2026-Q3;gender;M;7;',
    "sip-established;2380;2026-Q3;age;'0-17;0;",
    "sip-established;2380;2026-Q3;age;'18-25;5;",
    "sip-established;2380;2026-Q3;age;'26-64;7;",
    `sip-established;2380;2026-Q3;age;${age65};0;`,
  ].join('\r\n');

describe.runIf(browserAvailable())('the CSV upload of the follow-up staff section in a browser', () => {
  let browser: Browser;
  let dir = '';
  beforeAll(async () => {
    browser = await launchBrowser();
    dir = await mkdtemp(join(tmpdir(), 'kit-upload-'));
  });
  afterAll(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('an editor of Östersund uploads a file with an error, fixes it, previews and stores it by keyboard; axe finds nothing', async () => {
    const kit = await testKit({ area: 'jamtland', clock: movableClock() });
    const server = await serveApp(createLocalApp({ ...kit.deps, publicOrigin: undefined }, { issuer: kit.issuer }));
    const page = await browser.newPage();
    const axe: Record<string, unknown[]> = {};
    // Enter on a submit button, then the answer page (a post to the same path)
    const submit = () => Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
    const bad = join(dir, 'fel.csv');
    const good = join(dir, 'rapport.csv');
    await writeFile(bad, sip(13, '65'));
    await writeFile(good, sip(12, "'65+"));
    try {
      await page.goto(`${server.origin}/personal/uppfoljning?period=2026-Q3`);
      await signInLocally(page, 'Erik Redaktör', 'Red', '2380');
      await page.waitForURL((u) => u.pathname === '/personal/uppfoljning');
      await tabTo(page, { text: 'Ladda upp CSV-mallen i stället för formuläret' });
      await page.keyboard.press('Enter');
      await page.waitForURL((u) => u.pathname === '/personal/uppfoljning/csv');
      expect(await page.locator('h1').textContent()).toBe('Rapportera med CSV-mallen');
      axe['upload sv'] = await axeViolations(page);

      // the file input is reached by Tab; the file itself comes from the operating system's dialog
      await tabTo(page, { id: 'f-fil' });
      await page.locator('#f-fil').setInputFiles(bad);
      await tabTo(page, { text: 'Förhandsgranska' });
      await submit();
      expect(await page.title()).toMatch(/^Fel: /);
      expect(await page.content()).toContain('Okänd kategori (menade du 65+?');
      axe['upload sv, errors'] = await axeViolations(page);

      await tabTo(page, { id: 'f-fil' });
      await page.locator('#f-fil').setInputFiles(good);
      await tabTo(page, { text: 'Förhandsgranska' });
      await submit();
      expect(await page.content()).toContain('Förhandsgranskning av rapport.csv');
      expect(await page.content()).toContain('Totalt 12, Kvinnor 5, Män 7');
      axe['upload sv, preview'] = await axeViolations(page);
      await tabTo(page, { text: 'Spara 1 rapport' });
      await page.keyboard.press('Enter');
      await page.waitForURL((u) => u.searchParams.get('meddelande') === 'stored');
      expect(await page.content()).toContain('Uppladdningen är sparad: 1 rapporter.');
      axe['upload sv, stored'] = await axeViolations(page);

      // the same file again: nothing to store
      await tabTo(page, { id: 'f-fil' });
      await page.locator('#f-fil').setInputFiles(good);
      await tabTo(page, { text: 'Förhandsgranska' });
      await submit();
      expect(await page.content()).toContain('0 ändrade');

      await page.goto(`${server.origin}/personal/uppfoljning/csv?lang=en`);
      axe['upload en'] = await axeViolations(page);
      await page.locator('#f-fil').setInputFiles(bad);
      await tabTo(page, { text: 'Preview' });
      await submit();
      expect(await page.content()).toContain('The file has 1 error(s). Nothing was stored.');
      axe['upload en, errors'] = await axeViolations(page);
      await page.locator('#f-fil').setInputFiles(good);
      await tabTo(page, { text: 'Preview' });
      await submit();
      expect(await page.content()).toContain('0 changed: the file says what is already stored.');
      axe['upload en, preview'] = await axeViolations(page);

      await page.goto(`${server.origin}/personal/uppfoljning?period=2026-Q3&org=2380&lang=sv`);
      expect(await page.locator('#sip-established--value').inputValue()).toBe('12');
      for (const [where, violations] of Object.entries(axe)) expect(violations, where).toEqual([]);
    } finally {
      await page.close();
      await server.stop();
    }
  }, 90_000);
});
