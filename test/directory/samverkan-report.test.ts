import { describe, expect, it } from 'vitest';
import { indicatorReleasesContract, type PublishedReleases } from '../../functions/core/contracts/indicator-releases.js';
import { latestFigure, meetsTarget } from '../../functions/directory/views/report.js';
import { indicatorsKit, putReport, release, sipReport } from '../indicators/helpers.js';
import { directoryApp, json, jsonInit } from './helpers.js';
import { CONTACT_EMAIL, CONTACT_NAME, GOALS, seedSamverkan } from './samverkan-fixture.js';

/** Östergötland's directory and indicator store on one store, figures of 2026-Q3 released through the real release step. */
async function reportSetup({ released = true } = {}) {
  const indicators = await indicatorsKit({ area: 'ostergotland' });
  const { app, kit } = await directoryApp('ostergotland', { store: indicators.deps.store, cacheWindowMs: 0 });
  const admin = await kit.bearer({ roles: ['admin'] });
  const ids = await seedSamverkan(app, admin);
  if (released) {
    const reporter = await indicators.bearer({ roles: ['admin'] });
    for (const [org, k, m] of [
      ['0580', 14, 11],
      ['0581', 12, 9],
      ['0513', 6, 5],
    ] as const)
      expect((await putReport(indicators, `sip-established/2026-Q3/${org}`, sipReport(k, m), reporter)).status).toBe(201);
    // one small count: the release hides it, and the report must show it hidden
    const small = { value: 2, breakdown: { gender: { K: 1, M: 1 } } };
    expect((await putReport(indicators, 'co-occurring-coordinated/2026-Q3/0513', small, reporter)).status).toBe(201);
    expect((await release(indicators)).status).toBe(201);
  }
  const stored = await indicators.deps.store.get(indicatorReleasesContract.key);
  const published: PublishedReleases =
    stored && stored !== 'not-modified' ? JSON.parse(new TextDecoder().decode(stored.body)) : { releases: [], periods: {} };
  const page = (lang = '') => app.request(`/hitta-stod/samverkan/overenskommelse/${ids.agreementId}/rapport${lang}`);
  return { app, ids, admin, published, page };
}

describe('the steering-group report of an agreement', () => {
  it('shows goals with the latest released values exactly as published, a hidden one as hidden', async () => {
    const { published, page } = await reportSetup();
    const sip = published.periods['2026-Q3']?.tables['sip-established']?.area.cells['T'];
    const coOccurring = published.periods['2026-Q3']?.tables['co-occurring-coordinated']?.area.cells['T'];
    expect(typeof sip).toBe('number');
    expect(coOccurring).toBeNull();
    const res = await page();
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const goal of GOALS) expect(html).toContain(goal.text);
    expect(html).toContain('Upprättade samordnade individuella planer (SIP)');
    // the published figure, in Swedish notation, and the period it is of
    expect(html).toMatch(new RegExp(`<td class="num">${sip}</td>\\s*<td>\\s*2026-Q3`));
    expect(html).toContain('.. (dold)');
    // the hidden figure is not worked out from the reports (2) and the goal cannot be judged
    expect(html).not.toMatch(/<td class="num">2<\/td>/);
    expect(html).toContain('Kan inte bedömas');
    expect(html).toContain(sip! >= 30 ? 'Uppnått' : 'Ej uppnått');
  });

  it('shows the plan’s progress with overdue items marked and the owning group’s latest decisions', async () => {
    const { app, ids, page } = await reportSetup();
    const html = await (await page()).text();
    expect(html).toContain('Handlingsplan 2026');
    expect(html).toContain('0 % klart');
    expect(html).toContain('Pågår: 1');
    // the area's seed may give the agreement a plan of its own, with overdue items of its own
    const plans = (await (await app.request('/api/directory/plans?limit=100')).json()) as {
      items: { id: string; agreementId?: string; progress: { overdue: number } }[];
    };
    const seeded = plans.items.filter((p) => p.agreementId === ids.agreementId && p.id !== ids.planId);
    expect(html.match(/>Försenad</g)).toHaveLength(1 + seeded.reduce((n, p) => n + p.progress.overdue, 0));
    expect(html).toContain('Arbetsgrupp LVM-processen');
    expect(html).toContain('Ta fram rutin för LVM');
    expect(html).not.toContain(CONTACT_NAME);
    expect(html).not.toContain(CONTACT_EMAIL);
  });

  it('prints without script: a print stylesheet and no script element, in Swedish and English', async () => {
    const { page } = await reportSetup();
    for (const lang of ['', '?lang=en']) {
      const html = await (await page(lang)).text();
      expect(html).toContain('@media print{');
      expect(html).not.toContain('<script');
      expect(html).toContain(lang ? 'Report to the steering group' : 'Rapport till styrgruppen');
    }
    expect(await (await page('?lang=en')).text()).toContain('.. (hidden)');
  });

  it('says a figure is not released before any release, and links the report from the agreement and group pages', async () => {
    const { app, ids, page } = await reportSetup({ released: false });
    const html = await (await page()).text();
    expect(html.match(/Ej publicerad/g)).toHaveLength(GOALS.length);
    const agreementPage = await (await app.request(`/hitta-stod/samverkan/overenskommelse/${ids.agreementId}`)).text();
    expect(agreementPage).toContain(`href="/hitta-stod/samverkan/overenskommelse/${ids.agreementId}/rapport"`);
    const groupPage = await (await app.request(`/hitta-stod/samverkan/grupp/${ids.groupId}`)).text();
    expect(groupPage).toContain(`href="/hitta-stod/samverkan/overenskommelse/${ids.agreementId}/rapport"`);
    const structure = await (await app.request('/hitta-stod/samverkan')).text();
    expect(structure).toContain(`href="/hitta-stod/samverkan/overenskommelse/${ids.agreementId}"`);
    expect((await app.request('/hitta-stod/samverkan/overenskommelse/no-such-agreement/rapport')).status).toBe(404);
  });

  it('refuses an owning group that does not exist, naming the field, and stores nothing', async () => {
    const { app, ids, admin } = await reportSetup({ released: false });
    const current = await app.request(`/api/directory/agreements/${ids.agreementId}`);
    const etag = current.headers.get('etag')!;
    const { title, ends } = await json(current);
    const res = await app.request(
      `/api/directory/agreements/${ids.agreementId}`,
      jsonInit('PUT', { title, ends, groups: [ids.groupId, 'no-such-group'] }, admin, { 'if-match': etag }),
    );
    expect(res.status).toBe(400);
    const problem = await json(res);
    expect(problem.errors.map((e: { field: string }) => e.field)).toEqual(['groups.1']);
    expect(problem.errors[0].sv).toBe('Gruppen finns inte: no-such-group');
    expect((await app.request(`/api/directory/agreements/${ids.agreementId}`)).headers.get('etag')).toBe(etag);
  });
});

describe('the latest figure and the target', () => {
  const table = (t: number | null) => ({
    available: true,
    rows: [],
    area: { cells: { T: t }, coverage: { reported: 1, notApplicable: 0, expected: 1, used: 1 } },
  });
  const published: PublishedReleases = {
    releases: [],
    periods: {
      '2026-Q2': { period: '2026-Q2', revision: 2, releasedAt: '2026-09-01T06:00:00+02:00', tables: { a: table(40), b: table(7) } },
      '2026-Q3': { period: '2026-Q3', revision: 1, releasedAt: '2026-11-02T06:00:00+01:00', tables: { a: table(null) } },
    },
  };

  it('takes the latest period that publishes the indicator, hidden or not', () => {
    expect(latestFigure(published, 'a')).toEqual({ period: '2026-Q3', revision: 1, releasedAt: '2026-11-02T06:00:00+01:00', value: null });
    expect(latestFigure(published, 'b')?.value).toBe(7);
    expect(latestFigure(published, 'c')).toBeUndefined();
  });

  it('judges the target by direction, and not at all without a figure', () => {
    expect(meetsTarget(10, { target: 10, direction: 'increase' })).toBe(true);
    expect(meetsTarget(9, { target: 10, direction: 'increase' })).toBe(false);
    expect(meetsTarget(9, { target: 10, direction: 'decrease' })).toBe(true);
    expect(meetsTarget(11, { target: 10, direction: 'maintain' }, { higherIsBetter: false })).toBe(false);
    expect(meetsTarget(11, { target: 10, direction: 'maintain' })).toBe(true);
    expect(meetsTarget(null, { target: 10, direction: 'increase' })).toBeNull();
  });
});
