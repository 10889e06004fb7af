import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalApp } from '../../functions/local-server.js';
import { movableClock } from '../feedback/helpers.js';
import { axeViolations, browserAvailable, launchBrowser, serveApp, signInLocally, tabTo } from '../support/browser.js';
import { testKit } from '../support/deps.js';

const QUOTE = 'Personalen lyssnade på mig.';

/** The local server of `npm start` (with its sign-in page) and one feedback waiting for moderation. */
async function served() {
  const clock = movableClock();
  const kit = await testKit({ area: 'jamtland', clock });
  // the browser posts from 127.0.0.1:<port>, so the CSRF check compares with the request's own origin
  const deps = { ...kit.deps, publicOrigin: undefined };
  const app = createLocalApp(deps, { issuer: kit.issuer });
  const server = await serveApp(app);
  const formHtml = await (await fetch(`${server.origin}/tyck-till`)).text();
  const token = /name="token" value="([^"]+)"/.exec(formHtml)![1]!;
  clock.advance(5);
  const sent = await fetch(`${server.origin}/tyck-till`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.origin },
    body: new URLSearchParams({ token, malbild: 'respekt', text: `${QUOTE} Det var bra.`, action: 'send' }).toString(),
  });
  expect(sent.status).toBe(303);
  return server;
}

describe.runIf(browserAvailable())('the staff workspace in a browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('a moderator signs in locally, approves a feedback and signs out, all by keyboard; the quote is public', async () => {
    const server = await served();
    const page = await browser.newPage();
    try {
      await page.goto(`${server.origin}/personal/tyck-till`);
      expect(new URL(page.url()).pathname).toBe('/logga-in');
      await signInLocally(page, 'Mona Moderator', 'Mod');
      await page.waitForURL('**/personal/tyck-till');
      expect(await page.content()).toContain('Mona Moderator');
      const quoteId = await page.locator('textarea[name="quote"]').first().getAttribute('id');
      await tabTo(page, { id: quoteId! });
      await page.keyboard.type(QUOTE);
      await tabTo(page, { text: 'Godkänn och publicera' });
      await page.keyboard.press('Enter');
      await page.waitForURL('**/personal/tyck-till?meddelande=approved');
      expect(await page.content()).toContain('Synpunkten är godkänd och publicerad.');
      await tabTo(page, { text: 'Logga ut' });
      await page.keyboard.press('Enter');
      await page.waitForURL(`${server.origin}/`);
      await page.goto(`${server.origin}/personal`);
      expect(new URL(page.url()).pathname).toBe('/logga-in');
      await page.goto(`${server.origin}/tyck-till/sammanstallning`);
      expect(await page.content()).toContain(`<blockquote>${QUOTE}</blockquote>`);
    } finally {
      await page.close();
      await server.stop();
    }
  });

  it('has no axe violations on /logga-in, /personal and /personal/tyck-till, in Swedish and English', async () => {
    const server = await served();
    const page = await browser.newPage();
    const results: Record<string, unknown[]> = {};
    try {
      for (const lang of ['sv', 'en']) {
        await page.goto(`${server.origin}/logga-in?lang=${lang}`);
        results[`/logga-in ${lang}`] = await axeViolations(page);
      }
      await page.getByRole('button', { name: 'Sign in' }).click(); // with errors: name missing
      results['/logga-in en, with errors'] = await axeViolations(page);
      await page.getByLabel('Your name').fill('Mona Moderator');
      await page.getByLabel('Role').selectOption('moderator');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL('**/personal');
      for (const lang of ['sv', 'en']) {
        for (const path of ['/personal', '/personal/tyck-till', '/personal/tyck-till?meddelande=saved', '/logga-ut']) {
          await page.goto(`${server.origin}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
          results[`${path} ${lang}`] = await axeViolations(page);
        }
      }
      expect(Object.keys(results)).toHaveLength(11);
      for (const [where, violations] of Object.entries(results)) expect(violations, where).toEqual([]);
    } finally {
      await page.close();
      await server.stop();
    }
  });
});
