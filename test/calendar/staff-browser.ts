import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { createLocalApp } from '../../functions/local-server.js';
import { movableClock } from '../feedback/helpers.js';
import { serveApp, signInLocally } from '../support/browser.js';
import { testKit } from '../support/deps.js';

/** The local server of `npm start` (with its sign-in page) for Jämtland. */
export async function served() {
  const kit = await testKit({ area: 'jamtland', clock: movableClock('2026-02-10T09:00:00Z') });
  // the browser posts from 127.0.0.1:<port>, so the CSRF check compares with the request's own origin
  return serveApp(createLocalApp({ ...kit.deps, publicOrigin: undefined }, { issuer: kit.issuer }));
}

/** Open `path`, sign in on the local page as an editor of Östersund (2380) by keyboard, and come back. */
export async function signInAsEditor(page: Page, origin: string, path: string) {
  await page.goto(`${origin}${path}`);
  expect(new URL(page.url()).pathname).toBe('/logga-in');
  await signInLocally(page, 'Elin Editor', 'Red', '2380');
  await page.waitForURL(`**${path}`);
}
