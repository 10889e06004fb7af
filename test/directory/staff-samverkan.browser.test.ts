import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalApp } from '../../functions/local-server.js';
import { probeReflow } from '../core/reflow-probe.js';
import { axeViolations, browserAvailable, launchBrowser, serveApp, signInLocally, tabTo } from '../support/browser.js';
import { testKit } from '../support/deps.js';

const MJOLBY = '0586';
const GROUP = 'Styrgrupp Mini Maria Mjölby';
const DECISION = 'Utse en samordnare för Mini Maria';
const PATH = '/personal/hitta-stod/samverkan';

/** The local server of `npm start` on a fresh store of Östergötland, with an action plan made through the API. */
async function served() {
  const kit = await testKit({ area: 'ostergotland' });
  // the browser posts from 127.0.0.1:<port>, so the CSRF check compares with the request's own origin
  const server = await serveApp(createLocalApp({ ...kit.deps, publicOrigin: undefined }, { issuer: kit.issuer }));
  const admin = await kit.bearer({ roles: ['admin'] });
  const api = (path: string, body?: unknown) =>
    fetch(`${server.origin}/api/directory/${path}`, {
      method: body ? 'POST' : 'GET',
      headers: { authorization: admin, 'content-type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    }).then((r) => r.json() as Promise<{ id: string; items: { id: string; title: string; name: string }[] }>);
  const agreement = (await api('agreements?limit=50')).items.find((a) => a.title.startsWith('Överenskommelse om samverkan'))!;
  const group = (await api('groups?limit=50')).items.find((g) => g.name === GROUP)!;
  const plan = await api('plans', {
    title: 'Handlingsplan Mini Maria',
    owner: 'region',
    groupId: group.id,
    items: [{ id: 'rutin', what: 'Gemensam rutin för remisser', responsible: MJOLBY, deadline: '2026-06-30', status: 'pagar' }],
  });
  return { ...server, groupId: group.id, agreementId: agreement.id, planId: plan.id };
}

describe.runIf(browserAvailable())('the Hitta stöd collaboration pages in a browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('an editor of Mjölby signs in locally, adds a meeting with a decision by keyboard, signs out; the decision is public', async () => {
    const server = await served();
    const page = await browser.newPage();
    try {
      await page.goto(`${server.origin}${PATH}`);
      expect(new URL(page.url()).pathname).toBe('/logga-in');
      await signInLocally(page, 'Maria Redaktör', 'Red', MJOLBY);
      await page.waitForURL(`**${PATH}`);
      await tabTo(page, { text: GROUP });
      await page.keyboard.press('Enter');
      await page.waitForURL(`**${PATH}/grupper/${server.groupId}`);
      await tabTo(page, { text: 'Lägg till ett möte' });
      await page.keyboard.press('Enter');
      await page.waitForURL('**/moten/ny');
      await tabTo(page, { id: 'f-date' });
      await page.keyboard.type('2026-11-20');
      await tabTo(page, { id: 'f-agenda' });
      await page.keyboard.type('Samordning av Mini Maria');
      await tabTo(page, { id: 'f-d0-text' });
      await page.keyboard.type(DECISION);
      await tabTo(page, { id: 'f-d0-deadline' });
      await page.keyboard.type('2027-02-01');
      await tabTo(page, { text: 'Spara mötet' });
      await page.keyboard.press('Enter');
      await page.waitForURL('**meddelande=meeting-saved');
      expect(await page.content()).toContain('Mötet är sparat');
      expect(await page.content()).toContain(DECISION);
      await tabTo(page, { text: 'Logga ut' });
      await page.keyboard.press('Enter');
      await page.waitForURL(`${server.origin}/`);
      await page.goto(`${server.origin}${PATH}`);
      expect(new URL(page.url()).pathname).toBe('/logga-in');
      await page.goto(`${server.origin}/hitta-stod/samverkan`);
      expect(await page.content()).toContain(DECISION);
    } finally {
      await page.close();
      await server.stop();
    }
  });

  it('has no axe violations and reflows at 320 px on every collaboration page (also with errors and on a conflict), Swedish and English', async () => {
    const server = await served();
    const context = await browser.newContext();
    const page = await context.newPage();
    const results: Record<string, unknown[]> = {};
    const reflow: Record<string, unknown> = {};
    const record = async (p: Page, where: string) => {
      results[where] = await axeViolations(p);
      const report = await probeReflow(p);
      if (report.pageWidth || report.outside.length || report.badRegions.length) reflow[where] = report;
    };
    try {
      await page.goto(`${server.origin}/logga-in`);
      await page.getByLabel('Ditt namn').fill('Maria Redaktör');
      await page.locator('#role').selectOption('editor');
      await page.locator('#org').selectOption(MJOLBY);
      await page.getByRole('button', { name: 'Logga in' }).click();
      await page.waitForURL('**/personal**');
      await page.setViewportSize({ width: 320, height: 800 });
      const pages = [
        PATH,
        `${PATH}/grupper/ny`,
        `${PATH}/grupper/${server.groupId}`,
        `${PATH}/grupper/${server.groupId}/moten/ny`,
        `${PATH}/overenskommelser/ny`,
        `${PATH}/overenskommelser/${server.agreementId}`,
        `${PATH}/planer/${server.planId}`,
      ];
      for (const lang of ['sv', 'en']) {
        for (const path of pages) {
          await page.goto(`${server.origin}${path}?lang=${lang}`);
          await record(page, `${path} ${lang}`);
        }
        // errors next to the fields
        await page.goto(`${server.origin}${PATH}/overenskommelser/${server.agreementId}?lang=${lang}`);
        await page.locator('#f-title').fill('');
        await page.locator('#f-documentUrl').fill('ftp://x');
        await page.locator('form[novalidate] button[type="submit"]').click();
        await page.waitForLoadState();
        expect(await page.locator('#f-documentUrl-error').count()).toBe(1);
        await record(page, `${PATH}/overenskommelser/… ${lang}, with errors`);
        await page.goto(`${server.origin}${PATH}/planer/${server.planId}?lang=${lang}`);
        await page.locator('#f-rutin-noteDate').fill('i går');
        await page.locator('#f-rutin-note').fill('Påbörjad');
        await page.locator('form[novalidate] button[type="submit"]').click();
        await page.waitForLoadState();
        expect(await page.locator('#f-rutin-noteDate-error').count()).toBe(1);
        await record(page, `${PATH}/planer/… ${lang}, with errors`);
        // a conflict: the group form is open while the group is changed in another tab
        await page.goto(`${server.origin}${PATH}/grupper/${server.groupId}?lang=${lang}`);
        const other = await context.newPage();
        await other.goto(`${server.origin}${PATH}/grupper/${server.groupId}?lang=${lang}`);
        await other.locator('#f-meetingRhythm').fill(`Varannan månad (${lang})`);
        await other.locator('form[novalidate] button[type="submit"]').click();
        await other.waitForURL('**meddelande=group-saved**');
        await other.close();
        await page.locator('#f-mandate').fill(`Styr Mini Maria (${lang})`);
        await page.locator('form[novalidate] button[type="submit"]').click();
        await page.waitForLoadState();
        expect(await page.locator('#stored-title').count()).toBe(1);
        await record(page, `${PATH}/grupper/… ${lang}, conflict`);
      }
      expect(Object.keys(results)).toHaveLength(20);
      for (const [where, violations] of Object.entries(results)) expect(violations, where).toEqual([]);
      expect(reflow).toEqual({});
    } finally {
      await context.close();
      await server.stop();
    }
  });
});
