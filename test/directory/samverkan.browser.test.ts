import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDirectoryApp } from '../../functions/directory/app.js';
import { axeViolations, browserAvailable, launchBrowser, serveApp } from '../support/browser.js';
import { testKit } from '../support/deps.js';
import { seedSamverkan } from './samverkan-fixture.js';

describe.runIf(browserAvailable())('the collaboration pages in a browser', () => {
  let browser: Browser;
  let server: { origin: string; stop: () => Promise<void> };
  let page: Page;
  let ids: { groupId: string; planId: string };
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

  it.each(['', '?lang=en'])('has no WCAG 2.1 AA violations on the structure, group and plan pages (%s)', async (suffix) => {
    for (const path of [
      '/hitta-stod/samverkan',
      `/hitta-stod/samverkan/grupp/${ids.groupId}`,
      `/hitta-stod/samverkan/plan/${ids.planId}`,
    ]) {
      await page.goto(server.origin + path + suffix);
      expect(await axeViolations(page), path).toEqual([]);
    }
  });
});
