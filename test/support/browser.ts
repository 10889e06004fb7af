import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import type { Hono } from 'hono';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';

/** Debian's chromium; browser tests are skipped (visibly) where it is missing, but not under CI. */
export const CHROMIUM = '/usr/bin/chromium';

/** Whether browser tests can run here; under CI=true a missing browser fails instead. */
export function browserAvailable(): boolean {
  const found = existsSync(CHROMIUM);
  if (!found) {
    if (process.env.CI === 'true') throw new Error(`${CHROMIUM} is required under CI=true (apt-get install -y chromium)`);
    console.warn(`${CHROMIUM} not found: browser tests skipped. Install it with: apt-get install -y chromium`);
  }
  return found;
}

/** Launch headless chromium with the flags this machine needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Serve a Hono app on 127.0.0.1 with a random port; returns its origin and a stop function. */
export async function serveApp(app: Pick<Hono, 'fetch'>): Promise<{ origin: string; stop: () => Promise<void> }> {
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One axe-core violation, reduced to what a failing test should print. */
export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: string[];
}

/**
 * Run axe-core (WCAG 2.0/2.1 A and AA rules) in the page and return its violations. The script is
 * evaluated through the DevTools protocol, so the page's CSP (no inline script) stays on.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run: (
            ctx: unknown,
            opts: unknown,
          ) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }> }>;
        };
      }
    ).axe;
    const r = await axe.run((globalThis as unknown as { document: unknown }).document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return result;
}

const activeId = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document.activeElement?.id ?? '');
const activeText = (page: Page) =>
  page.evaluate(
    () =>
      (globalThis as unknown as { document: { activeElement: { textContent: string } | null } }).document.activeElement?.textContent ?? '',
  );

/**
 * Press Tab until the element with `id` (or a button or link with `text`) has focus, as a keyboard
 * user would; fails if the element `never` ever gets focus, or the target cannot be reached.
 */
export async function tabTo(page: Page, target: { id?: string; text?: string }, options: { never?: string } = {}): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const id = await activeId(page);
    if (options.never) expect(id).not.toBe(options.never);
    if (target.id && id === target.id) return;
    if (target.text && (await activeText(page)).trim() === target.text) return;
  }
  throw new Error(`Could not reach ${JSON.stringify(target)} with Tab`);
}

/**
 * Sign in on the local sign-in page (`/logga-in`) by keyboard only: the name typed, `role` typed
 * into its select (type-ahead, e.g. `Red`), `org` (a code) chosen with the arrow keys, since
 * type-ahead cannot take a letter such as Ö from the keyboard API.
 */
export async function signInLocally(page: Page, name: string, role: string, org?: string): Promise<void> {
  await tabTo(page, { id: 'name' });
  await page.keyboard.type(name);
  await tabTo(page, { id: 'role' });
  await page.keyboard.type(role);
  if (org) {
    await tabTo(page, { id: 'org' });
    for (let i = 0; i < 40 && (await page.locator('#org').inputValue()) !== org; i++) await page.keyboard.press('ArrowDown');
    expect(await page.locator('#org').inputValue()).toBe(org);
  }
  await tabTo(page, { text: 'Logga in' });
  await page.keyboard.press('Enter');
}
