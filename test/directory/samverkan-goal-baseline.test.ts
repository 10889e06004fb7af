import { describe, expect, it } from 'vitest';
import { indicatorReleasesContract, type PublishedReleases } from '../../functions/core/contracts/indicator-releases.js';
import { baselineFigure, meetsBaseline, periodLastDay } from '../../functions/core/domain/goal-baseline.js';
import { indicatorsKit, putReport, release, sipReport } from '../indicators/helpers.js';
import { directoryApp, json, jsonInit } from './helpers.js';

/** The county-wide agreement of 2014 as Östergötland's config seeds it. */
const COUNTY_WIDE = 'Överenskommelse om samverkan avseende missbruks- och beroendevården (länsövergripande)';

/**
 * Östergötland's directory (its seed as configured) and indicator store on one store, with two
 * released quarters (2026-Q2, 2026-Q3) and one released year (2025) of the indicators the 2014
 * agreement's goals follow; 2026-Q2's youth figure is small and hidden by the release.
 */
async function setup() {
  const indicators = await indicatorsKit({ area: 'ostergotland' });
  const { app, kit } = await directoryApp('ostergotland', { store: indicators.deps.store, cacheWindowMs: 0 });
  const admin = await kit.bearer({ roles: ['admin'] });
  const reporter = await indicators.bearer({ roles: ['admin'] });
  const put = async (path: string, body: unknown) => expect((await putReport(indicators, path, body, reporter)).status, path).toBe(201);
  const youth = (k: number, m: number) => ({ value: k + m, breakdown: { gender: { K: k, M: m } } });
  /** SIP of Norrköping, Linköping and Kinda, `[women, men]` each. */
  const sip = async (period: string, counts: [number, number][]) => {
    for (const [i, org] of ['0580', '0581', '0513'].entries()) await put(`sip-established/${period}/${org}`, sipReport(...counts[i]!));
  };
  // 2026-Q2: SIP 20 + 16 + 10 = 46; waiting 20 and 30 days; two young people only (hidden)
  await sip('2026-Q2', [
    [10, 10],
    [8, 8],
    [5, 5],
  ]);
  await put('wait-days-first-visit/2026-Q2/0580', { value: 20, denominator: 30 });
  await put('wait-days-first-visit/2026-Q2/0581', { value: 30, denominator: 20 });
  await put('youth-reached/2026-Q2/0580', youth(1, 1));
  // 2026-Q3: SIP 25 + 21 + 11 = 57 (up); waiting 30 and 40 days (up, so not met); 60 young people
  await sip('2026-Q3', [
    [14, 11],
    [12, 9],
    [6, 5],
  ]);
  await put('wait-days-first-visit/2026-Q3/0580', { value: 30, denominator: 30 });
  await put('wait-days-first-visit/2026-Q3/0581', { value: 40, denominator: 20 });
  await put('youth-reached/2026-Q3/0580', youth(15, 15));
  await put('youth-reached/2026-Q3/0581', youth(15, 15));
  // 2025: integrated receptions, one year only
  await put('integrated-receptions/2025/0580', { value: 6 });
  await put('integrated-receptions/2025/0581', { value: 7 });
  for (const period of ['2025', '2026-Q2', '2026-Q3']) expect((await release(indicators, period)).status, period).toBe(201);
  const stored = await indicators.deps.store.get(indicatorReleasesContract.key);
  const published = JSON.parse(
    new TextDecoder().decode(stored && stored !== 'not-modified' ? stored.body : undefined),
  ) as PublishedReleases;
  const agreements = await json(await app.request('/api/directory/agreements?limit=100'));
  const agreement = agreements.items.find((a: { title: string }) => a.title === COUNTY_WIDE);
  const id = agreement.id as string;
  const text = async (path: string) => (await app.request(path)).text();
  const replace = async (goals: unknown[]) => {
    const current = await app.request(`/api/directory/agreements/${id}`);
    const { title, ends } = await json(current);
    return app.request(
      `/api/directory/agreements/${id}`,
      jsonInit('PUT', { title, ends, goals }, admin, { 'if-match': current.headers.get('etag')! }),
    );
  };
  return { app, id, agreement, published, text, replace };
}

/** The rows of the report's goal tables: indicator, latest value, goal in words, verdict. */
function reportRows(html: string): string[][] {
  return [
    ...html.matchAll(
      /<tr><th scope="row">([^<]+)<\/th><td class="num">([^<]+)<\/td>[\s\S]*?<\/td><td>([^<]+)<\/td><td><span class="[^"]+">([^<]+)<\/span>/g,
    ),
  ].map((m) => [m[1]!, m[2]!, m[3]!, m[4]!]);
}

describe('the 2014 Östergötland agreement: goals without targets, judged against a baseline', () => {
  it('is seeded with its målsättningar as goals linked to indicators, each naming its passage, and no invented target', async () => {
    const { agreement } = await setup();
    expect(agreement.goals.map((g: { indicators: string[] }) => g.indicators)).toEqual([
      ['sip-established'],
      ['wait-days-first-visit'],
      ['integrated-receptions'],
      ['youth-reached'],
    ]);
    for (const goal of agreement.goals) {
      expect(goal.target).toBeUndefined();
      expect(goal.source).toMatch(/^\[003_c033900fa3dc0081\.txt\]: ".+"$/);
    }
    expect(agreement.goals.map((g: { direction: string }) => g.direction)).toEqual(['increase', 'decrease', 'increase', 'increase']);
  });

  it('the report shows each goal against the first released period since it came into force, hidden values hidden', async () => {
    const { id, published, text } = await setup();
    // the figures the release published, read here as they are
    expect(published.periods['2026-Q2']?.tables['youth-reached']?.area.cells['T']).toBeNull();
    expect(published.periods['2026-Q2']?.tables['sip-established']?.area.cells['T']).toBe(46);
    expect(published.periods['2026-Q3']?.tables['sip-established']?.area.cells['T']).toBe(57);
    const html = await text(`/hitta-stod/samverkan/overenskommelse/${id}/rapport`);
    expect(html).toContain('Individuella planer ska upprättas vid behov och när den enskilde så önskar: använda SIP i högre grad');
    expect(reportRows(html)).toEqual([
      ['Upprättade samordnade individuella planer (SIP)', '57', 'ska öka (från 2026-Q2: 46)', 'Uppnått'],
      ['Väntetid i dagar från första kontakt till första besök (median)', '35 dagar', 'ska minska (från 2026-Q2: 25 dagar)', 'Ej uppnått'],
      ['Integrerade mottagningar som drivs gemensamt av region och kommun', '13', 'ska öka (från 2025: 13)', 'Kan inte bedömas'],
      [
        'Unga som fått insats vid mottagning för unga (till exempel Mini-Maria)',
        '60',
        'ska öka (från 2026-Q2: .. (dold))',
        'Kan inte bedömas',
      ],
    ]);
    // the hidden baseline (2) is not worked out
    expect(html).not.toMatch(/från 2026-Q2: 2\)/);
    // the plan of the agreement, its items past their deadline marked
    expect(html).toContain('Uppföljningsområden 2016/2017 och ny överenskommelse');
    expect(html.match(/>Försenad</g)?.length).toBeGreaterThanOrEqual(4);
    // the latest decisions of the group that owns it (LGVO), as its source records them
    expect(html).toContain('Ledningsgruppen för vård och omsorg (LGVO)');
    expect(html).toContain('FoU Centrum för vård, omsorg och socialt arbete får i uppdrag att följa upp');
    const english = await text(`/hitta-stod/samverkan/overenskommelse/${id}/rapport?lang=en`);
    expect(reportRows(english)[0]).toEqual(['Coordinated individual plans (SIP) established', '57', 'increase (from 2026-Q2: 46)', 'Met']);
    expect(reportRows(english)[1]?.slice(2)).toEqual(['decrease (from 2026-Q2: 25 days)', 'Not met']);
    expect(reportRows(english)[3]?.slice(2)).toEqual(['increase (from 2026-Q2: .. (hidden))', 'Cannot be judged']);
  });

  it('the agreement page shows each goal, its baseline, the latest released value and whether it meets it', async () => {
    const { id, text } = await setup();
    const html = await text(`/hitta-stod/samverkan/overenskommelse/${id}`);
    expect(html).toMatch(
      /<li data-indicator="sip-established">Upprättade samordnade individuella planer \(SIP\)\. Mål: ska öka \(från 2026-Q2: 46\)\. Senaste värde 2026-Q3: 57\. <span class="tag">Uppnått<\/span><\/li>/,
    );
    expect(html).toMatch(
      /Mål: ska minska \(från 2026-Q2: 25 dagar\)\. Senaste värde 2026-Q3: 35 dagar\. <span class="tag warn">Ej uppnått/,
    );
    const english = await text(`/hitta-stod/samverkan/overenskommelse/${id}?lang=en`);
    expect(english).toContain('Goal: increase (from 2026-Q2: 46). Latest value 2026-Q3: 57. <span class="tag">Met</span>');
  });

  it('takes an explicit baseline period when a goal names one, and says when it is not released yet', async () => {
    const { id, replace, text } = await setup();
    const goals = [
      { text: 'Fler SIP än 2026-Q3', indicators: ['sip-established'], direction: 'increase', baseline: '2026-Q3' },
      { text: 'Fler SIP än 2025-Q1', indicators: ['sip-established'], direction: 'increase', baseline: '2025-Q1' },
      { text: 'Minst 50 SIP', indicators: ['sip-established'], direction: 'increase', target: 50 },
    ];
    expect((await replace(goals)).status).toBe(200);
    const rows = reportRows(await text(`/hitta-stod/samverkan/overenskommelse/${id}/rapport`));
    expect(rows.map((r) => r.slice(2))).toEqual([
      ['ska öka (från 2026-Q3: 57)', 'Kan inte bedömas'],
      ['ska öka (från 2025-Q1, ännu inte publicerad)', 'Kan inte bedömas'],
      ['ska öka till minst 50', 'Uppnått'],
    ]);
  });

  it('refuses a target-less goal to maintain, a baseline beside a target and a baseline of another frequency, storing nothing', async () => {
    const { app, id, replace } = await setup();
    const before = (await app.request(`/api/directory/agreements/${id}`)).headers.get('etag');
    const refused = async (goal: Record<string, unknown>, field: string, sv: RegExp) => {
      const res = await replace([{ text: 'Mål', indicators: ['sip-established'], ...goal }]);
      expect(res.status, field).toBe(400);
      const problem = await json(res);
      expect(problem.title).toBe('Ogiltig begäran');
      const named = problem.errors.find((e: { field: string }) => e.field === field);
      expect(named, JSON.stringify(problem.errors)).toBeDefined();
      expect(named.sv).toMatch(sv);
      expect((await app.request(`/api/directory/agreements/${id}`)).headers.get('etag')).toBe(before);
    };
    await refused({ direction: 'maintain' }, 'goals.0.target', /behöver ett målvärde/);
    await refused({ direction: 'increase', target: 40, baseline: '2026-Q2' }, 'goals.0.baseline', /bedöms mot målvärdet/);
    await refused(
      { direction: 'increase', baseline: '2026' },
      'goals.0.baseline',
      /publiceras per kvartal: skriv utgångsperioden som 2015-Q1/,
    );
    await refused({ direction: 'increase', baseline: '2026-Q5' }, 'goals.0.baseline', /.+/);
  });
});

describe('the baseline of a goal without a target', () => {
  const figures = [
    { period: '2015-Q4', value: 3 },
    { period: '2016-Q1', value: 5 },
    { period: '2016-Q2', value: null },
    { period: '2016-Q3', value: 4 },
  ];

  it('is the named period, else the first period ending on or after the day the agreement applies from, else the first', () => {
    expect(periodLastDay('2016-Q1')).toBe('2016-03-31');
    expect(periodLastDay('2016-02')).toBe('2016-02-29');
    expect(periodLastDay('2016')).toBe('2016-12-31');
    expect(periodLastDay('2016-Q5')).toBeUndefined();
    expect(baselineFigure(figures, {}, '2016-03-31')).toEqual({ period: '2016-Q1', value: 5 });
    expect(baselineFigure(figures, {}, '2016-04-01')).toEqual({ period: '2016-Q2', value: null });
    expect(baselineFigure(figures, {}, undefined)).toEqual({ period: '2015-Q4', value: 3 });
    expect(baselineFigure(figures, { baseline: '2016-Q3' }, '2015-01-01')).toEqual({ period: '2016-Q3', value: 4 });
    expect(baselineFigure(figures, { baseline: '2014-Q1' })).toBeUndefined();
    expect(baselineFigure(figures, {}, '2017-01-01')).toBeUndefined();
  });

  it('is met when the latest figure went the goal’s way, and cannot be judged with a hidden figure or nothing later', () => {
    const [q4, q1, hidden, q3] = figures;
    expect(meetsBaseline('increase', q4, q1)).toBe(true);
    expect(meetsBaseline('decrease', q4, q1)).toBe(false);
    expect(meetsBaseline('decrease', q1, q3)).toBe(true);
    expect(meetsBaseline('increase', q1, q3)).toBe(false);
    // the same level again has not gone either way
    const same = { period: '2016-Q4', value: 5 };
    expect(meetsBaseline('increase', q1, same)).toBe(false);
    expect(meetsBaseline('decrease', q1, same)).toBe(false);
    expect(meetsBaseline('increase', q1, q1)).toBeNull();
    expect(meetsBaseline('increase', hidden, q3)).toBeNull();
    expect(meetsBaseline('increase', q1, hidden)).toBeNull();
    expect(meetsBaseline('increase', undefined, q3)).toBeNull();
  });
});
