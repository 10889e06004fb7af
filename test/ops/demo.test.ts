import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadOrCreateLocalIssuer } from '../../functions/core/auth/local-issuer.js';
import { systemClock, type AppDeps } from '../../functions/core/deps.js';
import { silentLogger } from '../../functions/core/log.js';
import { putJson } from '../../functions/core/store/json.js';
import { FsStore } from '../../functions/core/store/fs-store.js';
import { localIssuerName } from '../../functions/local-paths.js';
import { createLocalApp } from '../../functions/local-server.js';
import { DemoError, nonSampleKeys, runDemo, SAMPLE_PREFIX, type DemoSummary } from '../../scripts/demo/sample.js';
import { areaConfig, tempDir } from '../support/deps.js';

const AREA = 'jamtland';

describe('npm run demo', () => {
  let dataDir = '';
  let summary: DemoSummary;
  let app: ReturnType<typeof createLocalApp>;
  let deps: AppDeps;

  beforeAll(async () => {
    dataDir = await tempDir('demo-');
    summary = await runDemo({ area: AREA, config: areaConfig(AREA), dataDir });
    // What `npm start` builds on the same folder.
    const issuer = await loadOrCreateLocalIssuer(join(dataDir, 'issuer-key.json'), localIssuerName(AREA));
    deps = {
      config: areaConfig(AREA),
      store: new FsStore(join(dataDir, 'store')),
      clock: systemClock,
      auth: issuer.auth,
      log: silentLogger,
      publicOrigin: 'http://localhost',
    };
    app = createLocalApp(deps);
  }, 120_000);

  it('writes a term of trainings with registrations and a waiting list, two years of releases and moderated feedback', () => {
    expect(summary.trainings).toBeGreaterThanOrEqual(6);
    expect(summary.waitlisted).toBeGreaterThan(0);
    expect(summary.releases.filter((p) => /^\d{4}-Q[1-4]$/.test(p))).toHaveLength(8);
    expect(summary.releases.filter((p) => /^\d{4}$/.test(p))).toHaveLength(2);
    expect(summary.feedback).toBeGreaterThan(20);
    expect(summary.published).toBeGreaterThan(0);
  });

  it('shows the sample trainings on the public calendar, each marked as sample data', async () => {
    const html = await (await app.request('/utbildningar')).text();
    expect(html.split(SAMPLE_PREFIX).length - 1).toBeGreaterThanOrEqual(summary.trainings);
    const events = (await (await app.request('/api/calendar/events')).json()) as { items: { title: string; waitlisted?: number }[] };
    expect(events.items.length).toBe(summary.trainings);
    expect(events.items.every((e) => e.title.startsWith(SAMPLE_PREFIX))).toBe(true);
  });

  it('shows released figures with small counts suppressed as ..', async () => {
    const html = await (await app.request('/uppfoljning/sip-established')).text();
    expect(html).toMatch(/<td[^>]*>\s*\d+\s*<\/td>/);
    expect(html).toMatch(/>\s*\.\.\s*</);
    const values = (await (
      await app.request(`/api/indicators/values?indicator=sip-established&period=${summary.releases.at(-1)}`)
    ).json()) as {
      items: { status: string }[];
    };
    expect(values.items.some((o) => o.status === 'suppressed')).toBe(true);
    expect(values.items.some((o) => o.status === 'published' || o.status === 'reported')).toBe(true);
  });

  it('marks the sample figures on every public indicator page and in the exports', async () => {
    const paths = [
      '/uppfoljning',
      '/uppfoljning?lang=en',
      ...['sip-established', 'wait-days-first-visit'].map((id) => `/uppfoljning/${id}`),
    ];
    for (const path of paths) {
      const html = await (await app.request(path)).text();
      expect(html, path).toMatch(path.includes('lang=en') ? /Sample data – not real figures/ : /Exempeldata – inte verkliga uppgifter/);
    }
    const latest = summary.releases.filter((p) => p.includes('-Q')).at(-1)!;
    const csv = await (await app.request(`/api/indicators/export.csv?period=${latest}&indicator=sip-established`)).text();
    const rows = csv.split('\r\n').slice(1, -1);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.includes('(exempeldata, inte verkliga uppgifter)'))).toBe(true);
    const exported = (await (await app.request('/api/indicators/export.json?indicator=sip-established')).json()) as {
      samplePeriods?: string[];
    };
    expect(exported.samplePeriods).toContain(latest);
  });

  it('shows the feedback summary with counts and published quotes marked as sample data', async () => {
    const quarter = summary.releases.filter((p) => p.includes('-Q')).at(-1);
    const html = await (await app.request(`/tyck-till/sammanstallning?period=${quarter}`)).text();
    expect(html).toContain('<blockquote>Exempel:');
    const json = (await (await app.request(`/api/feedback/summary?period=${quarter}`)).json()) as {
      cells: { count: number | null }[];
    };
    expect(json.cells.some((c) => c.count !== null && c.count >= 5)).toBe(true);
    expect(json.cells.some((c) => c.count === null)).toBe(true);
  });

  it('refuses a store with sample or other data unless forced, and writes nothing', async () => {
    const store = new FsStore(join(dataDir, 'store'));
    expect(await nonSampleKeys(store)).toEqual([]);
    // A second run on its own sample adds nothing unless forced.
    const again = runDemo({ area: AREA, config: areaConfig(AREA), dataDir });
    await expect(again).rejects.toThrow(/har redan exempeldata[\s\S]*already holds sample data/);
    expect((await store.list('calendar/events/')).items).toHaveLength(summary.trainings);
    const other = await tempDir('demo-real-');
    await putJson(new FsStore(join(other, 'store')), 'calendar/events/real.json', { title: 'MI grundkurs' });
    const refused = runDemo({ area: AREA, config: areaConfig(AREA), dataDir: other });
    await expect(refused).rejects.toBeInstanceOf(DemoError);
    await expect(refused).rejects.toThrow(/inte är exempeldata[\s\S]*--force[\s\S]*not sample data/);
    expect(await nonSampleKeys(new FsStore(join(other, 'store')))).toEqual(['calendar/events/real.json']);
  });

  it('accepts a store that npm start has only served pages from', async () => {
    const fresh = await tempDir('demo-fresh-');
    const store = new FsStore(join(fresh, 'store'));
    const served = createLocalApp({ ...deps, store });
    for (const path of ['/hitta-stod', '/utbildningar', '/uppfoljning', '/tyck-till/sammanstallning'])
      expect((await served.request(path)).status).toBe(200);
    expect((await store.list('directory/')).items.length).toBeGreaterThan(0);
    expect(await nonSampleKeys(store)).toEqual([]);
  });
});
