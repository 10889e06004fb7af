import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, browserAvailable, launchBrowser, serveApp } from '../support/browser.js';
import { probeReflow, type ReflowReport } from './reflow-probe.js';
import { LONG_NAME, reflowSite, type ReflowSite } from './reflow-seed.js';

// Set REFLOW_SHOTS=<folder> to keep a full-page screenshot of every page at 320 px for a look by eye.
const SHOTS = process.env.REFLOW_SHOTS;

const clean = (r: ReflowReport) => Object.values(r).every((v) => v === 0 || v === false || (Array.isArray(v) && v.length === 0));

describe.runIf(browserAvailable())('reflow (WCAG 1.4.10) on every public page', () => {
  let browser: Browser;
  let site: ReflowSite;
  let origin: string;
  let stop: () => Promise<void>;
  let pages: string[];

  beforeAll(async () => {
    site = await reflowSite();
    const server = await serveApp(site.app);
    origin = server.origin;
    stop = server.stop;
    browser = await launchBrowser();
    // every page in Swedish and in English (English words are shorter, but the labels differ)
    pages = [...site.pages, ...site.pages.map((p) => `${p}${p.includes('?') ? '&' : '?'}lang=en`)];
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await stop?.();
  });

  /** Probe the loaded page; at 320 px also run axe (a scroll region must be focusable and named). */
  async function check(page: Page, width: number, found: Record<string, unknown>, path: string) {
    const report = await probeReflow(page);
    if (!clean(report)) found[`${width} ${path}`] = report;
    if (width === 320) {
      const violations = await axeViolations(page);
      if (violations.length) found[`axe ${path}`] = violations;
    }
    if (SHOTS && width === 320) {
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: join(SHOTS, `${path.replace(/[^a-z0-9]+/gi, '_')}.png`), fullPage: true });
    }
  }

  it.each([320, 375, 1280])(
    'at %i px nothing but a scroll region is wider than the window and card headings stay in their cards (at 320 px axe finds nothing either)',
    async (width) => {
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      const found: Record<string, unknown> = {};
      try {
        for (const path of pages) {
          const res = await page.goto(origin + path);
          expect(res?.status(), path).toBeLessThan(400);
          await check(page, width, found, path);
        }
        // the registration form with errors, then the confirmation
        await page.goto(`${origin}${site.trainingPath}?lang=sv`);
        await page.getByRole('button', { name: 'Anmäl mig' }).click();
        await page.waitForLoadState('domcontentloaded');
        await check(page, width, found, `${site.trainingPath} (errors)`);
        await page.fill('#name', LONG_NAME);
        await page.fill('#email', `samsjuklighetsbehandling.beroendemottagningen.${width}@regionostergotland.example`);
        await page.selectOption('#org', { index: 1 });
        await page.getByRole('button', { name: 'Anmäl mig' }).click();
        await page.waitForLoadState('domcontentloaded');
        expect(await page.locator('h1').textContent()).toMatch(/anmäld|väntelista/i);
        await check(page, width, found, `${site.trainingPath} (confirmation)`);
        await page.locator('main a[href*="/utbildningar/avboka/"]').click();
        await page.waitForLoadState('domcontentloaded');
        await check(page, width, found, '/utbildningar/avboka (cancel)');
        // the feedback form's review step
        await page.goto(`${origin}/tyck-till`);
        await page.check('#malbild-respekt');
        await page.fill('#text', `${LONG_NAME}\nringde tillbaka samma dag.`);
        site.advance(700);
        await page.getByRole('button', { name: 'Granska och skicka' }).click();
        await page.waitForLoadState('domcontentloaded');
        expect(await page.locator('h1').textContent()).toBe('Granska och skicka');
        await check(page, width, found, '/tyck-till (review)');
      } finally {
        await page.close();
      }
      expect(found).toEqual({});
    },
    180_000,
  );

  it('marks Swedish names and titles as Swedish on English pages, so they hyphenate as Swedish', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 800 } });
    try {
      await page.goto(`${origin}/hitta-stod?q=beroendemottagningens&lang=en`);
      expect(await page.locator('.card h3').first().getAttribute('lang')).toBe('sv');
      await page.goto(`${origin}${site.trainingPath}?lang=en`);
      expect(await page.locator('h1 span').getAttribute('lang')).toBe('sv');
      await page.goto(`${origin}${site.trainingPath}?lang=sv`);
      expect(await page.locator('h1 span').getAttribute('lang')).toBeNull();
    } finally {
      await page.close();
    }
  });

  it('keeps the line breaks of descriptions', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    try {
      await page.goto(`${origin}/hitta-stod?q=beroendemottagningens`);
      expect(await page.locator('main .card .description').first().innerText({ timeout: 5000 })).toContain('\nRing först');
      await page.goto(`${origin}${site.trainingPath}`);
      expect(await page.locator('main .description').first().innerText({ timeout: 5000 })).toContain('\nDag 1');
    } finally {
      await page.close();
    }
  });
});
