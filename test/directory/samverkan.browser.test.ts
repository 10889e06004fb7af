import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDirectoryApp } from '../../functions/directory/app.js';
import { axeViolations, browserAvailable, launchBrowser, serveApp } from '../support/browser.js';
import { testKit } from '../support/deps.js';
import { probeReflow } from '../core/reflow-probe.js';
import { seedSamverkan } from './samverkan-fixture.js';

describe.runIf(browserAvailable())('the collaboration pages in a browser', () => {
  let browser: Browser;
  let server: { origin: string; stop: () => Promise<void> };
  let page: Page;
  let ids: { groupId: string; planId: string; agreementId: string };
  const paths = () => [
    '/hitta-stod/samverkan',
    `/hitta-stod/samverkan/grupp/${ids.groupId}`,
    `/hitta-stod/samverkan/plan/${ids.planId}`,
    `/hitta-stod/samverkan/overenskommelse/${ids.agreementId}`,
    `/hitta-stod/samverkan/overenskommelse/${ids.agreementId}/rapport`,
  ];
  beforeAll(async () => {
    browser = await launchBrowser();
    const kit = await testKit({ area: 'ostergotland' });
    const app = createDirectoryApp(kit.deps);
    ids = await seedSamverkan(app, await kit.bearer({ roles: ['admin'] }));
    server = await serveApp(app);
    page = await browser.newPage();
  });
  afterAll(async () => {
    await page?.close();
    await server?.stop();
    await browser?.close();
  });

  it.each(['', '?lang=en'])(
    'has no WCAG 2.1 AA violations on the structure, group, plan, agreement and report pages (%s)',
    async (suffix) => {
      const checked = paths();
      expect(checked).toHaveLength(5);
      for (const path of checked) {
        await page.goto(server.origin + path + suffix);
        expect(await axeViolations(page), path).toEqual([]);
      }
    },
  );

  it('reads the agreement and report pages at 320 px without scrolling sideways', async () => {
    const narrow = await browser.newPage({ viewport: { width: 320, height: 800 } });
    try {
      for (const path of paths().slice(3)) {
        await narrow.goto(server.origin + path);
        const report = await probeReflow(narrow);
        expect(report, path).toEqual({ ...report, quirksMode: false, pageWidth: 0, outside: [], badRegions: [], headerAlignment: [] });
        expect(report.adjacentLinks, path).toEqual([]);
      }
    } finally {
      await narrow.close();
    }
  });

  it('prints the report without the site chrome, every table whole', async () => {
    const printed = await browser.newPage({ javaScriptEnabled: false });
    try {
      await printed.emulateMedia({ media: 'print' });
      await printed.goto(`${server.origin}/hitta-stod/samverkan/overenskommelse/${ids.agreementId}/rapport`);
      expect(await printed.locator('.site-header').isVisible()).toBe(false);
      expect(await printed.locator('.site-nav').isVisible()).toBe(false);
      expect(await printed.locator('h1').isVisible()).toBe(true);
      const regions = printed.locator('.table-scroll');
      expect(await regions.count()).toBeGreaterThan(0);
      for (const region of await regions.all()) expect(await region.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
      const pdf = await printed.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    } finally {
      await printed.close();
    }
  });
});
