import fc from 'fast-check';
import type { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { mergeVary } from '../../functions/core/http/page-cache.js';
import { languageSwitchHref } from '../../functions/core/page/layout.js';
import { APP_FACTORIES, createLocalApp } from '../../functions/local-server.js';
import { testKit } from '../support/deps.js';

/** The public pages a browser can ask for, as routes of the four apps (files and APIs left out). */
function pageRoutes(apps: readonly Pick<Hono, 'routes'>[]): string[] {
  const paths = apps.flatMap((app) => app.routes.filter((r) => r.method === 'GET').map((r) => r.path));
  return [...new Set(paths)].filter(
    (p) => !p.startsWith('/api/') && !p.includes('*') && !p.includes('{') && !/\.(ics|js|csv|json)$/.test(p),
  );
}

const varies = (res: Response, header: string) =>
  (res.headers.get('vary') ?? '')
    .split(',')
    .map((v) => v.trim().toLowerCase())
    .includes(header.toLowerCase());

let app: Hono;
let pages: string[];
beforeAll(async () => {
  const kit = await testKit({ area: 'jamtland' });
  app = createLocalApp(kit.deps);
  const routes = pageRoutes(Object.values(APP_FACTORIES).map((factory) => factory(kit.deps)));
  // Fill path parameters with ids that exist where the API lists some, else with one that does not
  // (its 404 page is a page in the reader's language too).
  const services = (await (await app.request('/api/directory/services')).json()) as { items: { id: string }[] };
  const definitions = (await (await app.request('/api/indicators/definitions')).json()) as { items?: { id: string }[] } | { id: string }[];
  const indicatorId = (Array.isArray(definitions) ? definitions : (definitions.items ?? []))[0]?.id ?? 'finns-inte';
  pages = routes.map((route) =>
    route
      .replace(':indicator', indicatorId)
      .replace(/^\/hitta-stod\/tjanst\/:id$/, `/hitta-stod/tjanst/${services.items[0]?.id ?? 'finns-inte'}`)
      .replace(/:[a-z]+/gi, 'finns-inte'),
  );
});

describe('pages whose language follows the cookie', () => {
  it('include every public page of the four services', () => {
    for (const page of [
      '/',
      '/hitta-stod',
      '/hitta-stod/samverkan',
      '/utbildningar',
      '/utbildningar/arshjul',
      '/uppfoljning',
      '/tyck-till',
    ])
      expect(pages).toContain(page);
    for (const page of ['/tyck-till/tack', '/tyck-till/sammanstallning']) expect(pages).toContain(page);
  });

  it('vary on Cookie and are never public, on every page, in every language and state of the cookie', async () => {
    const cookies = fc.constantFrom(undefined, 'lang=sv', 'lang=en', 'lang=en; other=1', 'lang=xx');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...pages), cookies, fc.boolean(), async (page, cookie, browser) => {
        const headers: Record<string, string> = browser ? { accept: 'text/html' } : {};
        if (cookie) headers.cookie = cookie;
        const res = await app.request(page, { headers });
        if (!(res.headers.get('content-type') ?? '').startsWith('text/html')) return;
        expect(varies(res, 'Cookie'), `${page} with ${cookie}`).toBe(true);
        expect(res.headers.get('cache-control') ?? '', page).not.toMatch(/public/);
        const html = await res.text();
        expect(html, page).toContain(`<html lang="${cookie?.startsWith('lang=en') ? 'en' : 'sv'}">`);
      }),
      { numRuns: 150 },
    );
  });

  it.each(['/', '/hitta-stod', '/utbildningar', '/uppfoljning', '/tyck-till', '/tyck-till/tack', '/tyck-till/sammanstallning'])(
    '%s answers 200 in the layout and may be kept only by the browser',
    async (page) => {
      const res = await app.request(page, { headers: { cookie: 'lang=en' } });
      expect(res.status).toBe(200);
      expect(varies(res, 'Cookie')).toBe(true);
      expect(res.headers.get('cache-control') ?? 'no-store').toMatch(/private|no-store/);
    },
  );

  it('answers the language switch with a page that sets the cookie and is never stored', async () => {
    for (const page of ['/', '/utbildningar', '/tyck-till/sammanstallning']) {
      const res = await app.request(`${page}?lang=en`);
      expect(res.headers.get('set-cookie')).toContain('lang=en');
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      expect(await res.text()).toContain('<html lang="en">');
    }
  });

  it('leaves the caching of APIs and files as their routes set it', async () => {
    const res = await app.request('/api/directory/services');
    expect(res.headers.get('cache-control')).toMatch(/^public/);
    const feed = await app.request('/utbildningar/kalender.ics');
    expect(feed.headers.get('cache-control')).toMatch(/^public/);
  });
});

describe('the language switch in the layout', () => {
  const switchLink = (html: string, lang: string) =>
    /<a href="([^"]*)" lang="(?:sv|en)" hreflang="([a-z]+)"/.exec(html)?.[2] === lang
      ? /<a href="([^"]*)" lang="(?:sv|en)" hreflang="[a-z]+"/.exec(html)?.[1]?.replace(/&amp;/g, '&')
      : undefined;

  it('keeps the path and the query of the page, in plain HTML without script', async () => {
    const res = await app.request('/hitta-stod?q=alkohol&municipality=2380');
    const html = await res.text();
    expect(switchLink(html, 'en')).toBe('/hitta-stod?q=alkohol&municipality=2380&lang=en');
    expect(html).not.toContain('<script');
  });

  it('replaces an earlier language in the query instead of adding a second', async () => {
    const html = await (await app.request('/utbildningar?lang=en&topic=mi')).text();
    expect(switchLink(html, 'sv')).toBe('/utbildningar?topic=mi&lang=sv');
  });

  it('links to the page itself on the start page and on a page that does not exist', async () => {
    expect(switchLink(await (await app.request('/')).text(), 'en')).toBe('/?lang=en');
    const missing = await app.request('/hitta-stod/nope', { headers: { accept: 'text/html' } });
    expect(switchLink(await missing.text(), 'en')).toBe('/hitta-stod/nope?lang=en');
  });

  it('links to the page path after a form post, whose address may not take a GET', () => {
    expect(languageSwitchHref('/tyck-till', 'en', { method: 'POST', url: 'http://localhost/tyck-till/skicka?x=1' })).toBe(
      '/tyck-till?lang=en',
    );
    expect(languageSwitchHref('/tyck-till', 'sv')).toBe('/tyck-till?lang=sv');
  });
});

describe('mergeVary', () => {
  it('adds a header once, whatever its case, and keeps *', () => {
    expect(mergeVary(null, 'Cookie')).toBe('Cookie');
    expect(mergeVary('Accept-Encoding', 'Cookie')).toBe('Accept-Encoding, Cookie');
    expect(mergeVary('accept-language, cookie', 'Cookie')).toBe('accept-language, cookie');
    expect(mergeVary('*', 'Cookie')).toBe('*');
  });
});
