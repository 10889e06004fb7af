import { describe, expect, it } from 'vitest';
import { directoryApp, jsonInit, kindaService } from './helpers.js';

const html = { headers: { accept: 'text/html' } };

describe('the public pages', () => {
  it('shows the search form and, before any search, the area’s services', async () => {
    const { app } = await directoryApp();
    const res = await app.request('/hitta-stod', html);
    const page = await res.text();
    expect(res.status).toBe(200);
    expect(page).toContain('<form method="get" action="/hitta-stod"');
    expect(page).toMatch(/<h2 id="results">Alla verksamheter i Östergötland \(\d+\)<\/h2>/);
    expect(page).toContain('Mini Maria Mjölby');
  });

  it('pages through every service of the area with plain links, forward and back', async () => {
    const { app } = await directoryApp();
    const { total } = (await (await app.request('/api/directory/services?limit=1')).json()) as { total: number };
    const seen: string[] = [];
    let href: string | undefined = '/hitta-stod?limit=5';
    const hrefs: string[] = [];
    while (href) {
      hrefs.push(href);
      const page = await (await app.request(href.replaceAll('&amp;', '&'), html)).text();
      seen.push(...[...page.matchAll(/href="\/hitta-stod\/tjanst\/([^"]+)"/g)].map((m) => m[1]!));
      href = /<a href="([^"]+)" rel="next">/.exec(page)?.[1];
      if (hrefs.length > 1) expect(page).toMatch(/rel="prev">Föregående sida</);
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(hrefs.length).toBe(Math.ceil(total / 5));
    const second = await (await app.request(hrefs[1]!.replaceAll('&amp;', '&'), html)).text();
    expect(second).toContain(`Visar 6–10 av ${total}`);
    expect(/<a href="([^"]+)" rel="prev">/.exec(second)?.[1]).toBe('/hitta-stod?limit=5');
  });

  it('lists the Mini Maria units for "mini maria" with referral and whom they are for', async () => {
    const { app } = await directoryApp();
    const page = await (await app.request('/hitta-stod?q=mini+maria', html)).text();
    expect(page).toContain('Mini Maria Mjölby');
    expect(page).toContain('Mini Maria Motala');
    expect(page).toContain('Uppgift saknas om remiss');
    expect(page).toContain('till och med 25 år');
  });

  it('finds the seeded Östersund units in Jämtland for "ostersund tobak" and says not every word matched', async () => {
    const { app } = await directoryApp('jamtland');
    const page = await (await app.request('/hitta-stod?q=ostersund+tobak', html)).text();
    expect(page).toContain('Nexus');
    expect(page).toContain('Ingen verksamhet matchar alla dina ord');
  });

  it('is in English with ?lang=en', async () => {
    const { app } = await directoryApp();
    const page = await (await app.request('/hitta-stod?lang=en&q=mini', html)).text();
    expect(page).toContain('Find support');
    expect(page).toContain('Referral: not known');
  });

  it('shows an error summary for a bad filter instead of failing', async () => {
    const { app } = await directoryApp();
    const res = await app.request('/hitta-stod?age=old', html);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('error-summary');
  });

  it('shows a service page with the last verified date and schema.org data', async () => {
    const { app, kit } = await directoryApp();
    const admin = await kit.bearer({ roles: ['admin'] });
    const created = await (await app.request('/api/directory/services', jsonInit('POST', kindaService({ verified: true }), admin))).json();
    const page = await (await app.request(`/hitta-stod/tjanst/${(created as { id: string }).id}`, html)).text();
    expect(page).toContain('Senast kontrollerad');
    expect(page).toContain('23 november 2026');
    const ld = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page)?.[1];
    expect(JSON.parse(ld ?? '{}')).toMatchObject({
      '@type': 'GovernmentService',
      name: 'Öppenvården Kinda',
      availableChannel: { servicePhone: { telephone: '0494-190 00' } },
    });
  });

  it('says a seeded service is not verified yet', async () => {
    const { app } = await directoryApp();
    const page = await (await app.request('/hitta-stod/tjanst/mini-maria-mjolby', html)).text();
    expect(page).toContain('Uppgifterna är inte kontrollerade ännu.');
  });

  it('lists the collaboration groups of Kinda', async () => {
    const { app } = await directoryApp();
    const page = await (await app.request('/hitta-stod/samverkan?municipality=0513', html)).text();
    const groups = await (await app.request('/api/directory/groups?municipality=0513')).json();
    for (const g of (groups as { items: { name: string }[] }).items) expect(page).toContain(g.name);
    expect(page).toContain('<h3 id="m-0513">Kinda</h3>');
  });

  it('marks agreements that have ended', async () => {
    const { app } = await directoryApp();
    const page = await (await app.request('/hitta-stod/samverkan', html)).text();
    expect(page).toContain('Har upphört');
  });

  it('answers an unknown service with a 404 page', async () => {
    const { app } = await directoryApp();
    expect((await app.request('/hitta-stod/tjanst/finns-inte', html)).status).toBe(404);
  });
});
