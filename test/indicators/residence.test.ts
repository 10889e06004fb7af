import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { audit } from '../../functions/core/disclosure/index.js';
import type { DisclosureEquation, DisclosureVariable } from '../../functions/core/disclosure/types.js';
import { createIndicatorsApp } from '../../functions/indicators/app.js';
import { sessionCookie } from '../support/session.js';
import { indicatorsKit, json, putReport, release, sipReport, storedKeys } from './helpers.js';

const PIT = 'persons-in-treatment/2026-Q3';
const SIP = 'sip-established/2026-Q3';

async function jamtland() {
  const kit = await indicatorsKit({ area: 'jamtland' });
  return { kit, admin: await kit.bearer({ roles: ['admin'] }), region: await kit.bearer({ roles: ['editor'], org: 'region' }) };
}

describe('figures by municipality of residence', () => {
  it('lets a region unit split a count by municipality of residence, part of it left unsplit', async () => {
    const { kit, region } = await jamtland();
    const res = await putReport(kit, `${PIT}/region`, { value: 30, breakdown: { residence: { '2380': 12, '2309': 6 } } }, region);
    expect(res.status).toBe(201);
    expect((await json(res)).current.cells).toEqual({ T: 30, 'residence:2380': 12, 'residence:2309': 6 });
  });

  it('refuses a residence split naming a municipality outside the area, naming it, and stores nothing', async () => {
    const { kit, region } = await jamtland();
    const res = await putReport(kit, `${PIT}/region`, { value: 30, breakdown: { residence: { '2380': 12, '2580': 6 } } }, region);
    expect(res.status).toBe(400);
    const body = await json(res);
    expect(body.title).toBe('Ogiltig begäran');
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].field).toBe('breakdown.residence.2580');
    expect(body.errors[0].message).toContain('not a municipality of this area');
    expect(body.errors[0].sv).toContain('inte en kommun i området');
    expect(await storedKeys(kit)).toEqual([]);
  });

  it('refuses a residence split that adds up to more than the total, naming the field', async () => {
    const { kit, region } = await jamtland();
    const res = await putReport(kit, `${PIT}/region`, { value: 10, breakdown: { residence: { '2380': 8, '2309': 6 } } }, region);
    expect(res.status).toBe(400);
    const body = await json(res);
    expect(body.errors).toEqual([
      {
        field: 'breakdown.residence',
        message: 'The residence split adds up to 14, more than the total (10)',
        sv: 'Uppdelningen på hemkommun blir 14, mer än totalen (10)',
      },
    ]);
    expect(await storedKeys(kit)).toEqual([]);
  });

  it("refuses a residence split from a municipality: its figures are its own residents'", async () => {
    const { kit, admin } = await jamtland();
    const res = await putReport(kit, `${PIT}/2380`, { value: 10, breakdown: { residence: { '2380': 10 } } }, admin);
    expect(res.status).toBe(400);
    expect((await json(res)).errors[0].field).toBe('breakdown.residence');
    expect(await storedKeys(kit)).toEqual([]);
  });

  it('the staff form lets the region split by residence and refuses a split above the total', async () => {
    const { kit } = await jamtland();
    const cookie = await sessionCookie(kit.deps, { roles: ['editor'], org: 'region' });
    const page = await (await kit.app.request('/personal/uppfoljning?period=2026-Q3&org=region', { headers: { cookie } })).text();
    expect(page).toContain('Fördela på hemkommun');
    expect(page).toContain('name="breakdown.residence.2380"');
    const own = await sessionCookie(kit.deps, { roles: ['editor'], org: '2380' });
    const theirs = await (await kit.app.request('/personal/uppfoljning?period=2026-Q3', { headers: { cookie: own } })).text();
    expect(theirs).not.toContain('name="breakdown.residence.2380"');
    const post = (fields: Record<string, string>) =>
      kit.app.request(`/personal/uppfoljning/rapport/${PIT}/region`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost', accept: 'text/html', cookie },
        body: new URLSearchParams(fields).toString(),
      });
    const refused = await post({ status: 'reported', value: '10', 'breakdown.residence.2380': '8', 'breakdown.residence.2309': '6' });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('Uppdelningen på hemkommun blir 14, mer än totalen (10)');
    expect(await storedKeys(kit)).toEqual([]);
    const saved = await post({ status: 'reported', value: '30', 'breakdown.residence.2380': '12' });
    expect(saved.status).toBe(303);
    const stored = await json(
      await kit.app.request(`/api/indicators/values/${PIT}/region`, { headers: { authorization: await kit.bearer({ roles: ['admin'] }) } }),
    );
    expect(stored.current.cells).toEqual({ T: 30, 'residence:2380': 12 });
  });

  it("shows on each municipality's page what it does itself beside what it gets from the region", async () => {
    const { kit, admin } = await jamtland();
    expect((await putReport(kit, `${PIT}/2380`, { value: 40 }, admin)).status).toBe(201);
    expect((await putReport(kit, `${PIT}/2309`, { value: 25 }, admin)).status).toBe(201);
    const split = { value: 60, breakdown: { residence: { '2380': 30, '2309': 20 } } };
    expect((await putReport(kit, `${PIT}/region`, split, admin)).status).toBe(201);
    expect((await release(kit)).status).toBe(201);
    const area = await json(await kit.app.request('/api/indicators/area?indicator=persons-in-treatment&period=2026-Q3'));
    expect(area.items[0].cells['residence:2380']).toEqual({ value: 30, status: 'reported' });
    const page = await (await kit.app.request('/uppfoljning/persons-in-treatment?period=2026-Q3')).text();
    expect(page).toContain('Efter var människor bor');
    const row = page.slice(page.indexOf('id="residence-2380"'), page.indexOf('</tr>', page.indexOf('id="residence-2380"')));
    expect(row.match(/<td class="num">([^<]*)<\/td>/g)).toEqual([
      '<td class="num">40</td>',
      '<td class="num">30</td>',
      '<td class="num">70</td>',
    ]);
    const own = await (await kit.app.request('/uppfoljning/kommun/2380')).text();
    expect(own).toContain('<h1>Östersund</h1>');
    const line = own.slice(
      own.indexOf('id="ind-persons-in-treatment"'),
      own.indexOf('</tr>', own.indexOf('id="ind-persons-in-treatment"')),
    );
    expect(line).toContain('<td class="num">40</td><td class="num">30</td><td class="num">70</td>');
    expect((await kit.app.request('/uppfoljning/kommun/2580')).status).toBe(404);
    const english = await (await kit.app.request('/uppfoljning/kommun/2380?lang=en')).text();
    expect(english).toContain('From the region');
  });

  it('keeps the single-reporter rule by residence: the region may report joint cases for municipalities that did not', async () => {
    const { kit, admin } = await jamtland();
    expect((await putReport(kit, `${SIP}/2380`, sipReport(3, 9), admin)).status).toBe(201);
    const forKrokom = { ...sipReport(2, 4), breakdown: { ...sipReport(2, 4).breakdown, residence: { '2309': 6 } } };
    expect((await putReport(kit, `${SIP}/region`, forKrokom, admin)).status).toBe(201);
    const both = { ...sipReport(2, 4), breakdown: { ...sipReport(2, 4).breakdown, residence: { '2309': 4, '2380': 2 } } };
    const refused = await putReport(kit, `${SIP}/region`, both, admin, { 'if-match': '*' });
    expect(refused.status).toBe(409);
    expect((await json(refused)).errors[0].sv).toContain('Östersund');
    const unsplit = { ...sipReport(2, 4), breakdown: { ...sipReport(2, 4).breakdown, residence: { '2309': 4 } } };
    expect((await putReport(kit, `${SIP}/region`, unsplit, admin, { 'if-match': '*' })).status).toBe(409);
  });
});

/**
 * The attacker's system built from the public compare answer alone: every organisation's total,
 * the region's residence cells, the area cells; `region T = Σ residence + unsplit (≥ 0)`,
 * `area T = Σ totals`, `area residence:m = region residence:m`.
 */
function attacker() {
  const variables: DisclosureVariable[] = [];
  const equations: DisclosureEquation[] = [];
  const hidden: string[] = [];
  const add = (id: string, cell: { value: number | null } | undefined, truth: number) => {
    variables.push({ id, value: truth, ...(truth > 0 && truth < 5 ? { sensitive: true } : {}) });
    if (!cell || cell.value === null) hidden.push(id);
  };
  return { variables, equations, hidden, add };
}
type PublicRow = { organization: string; status: string; cells: Record<string, { value: number | null }> };

describe('the audit covers residence splits', () => {
  const scenario = fc.record({
    region: fc.array(fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 5, max: 30 })), { minLength: 8, maxLength: 8 }),
    unsplit: fc.integer({ min: 0, max: 3 }),
    own: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 8, maxLength: 8 }),
  });

  async function auditRun(data: { region: number[]; unsplit: number; own: number[] }, primaryOnly: boolean) {
    const { kit, admin } = await jamtland();
    const app = createIndicatorsApp(kit.deps, { cacheWindowMs: 0, ...(primaryOnly ? { protection: 'primary-only' as const } : {}) });
    const codes = kit.deps.config.municipalities.map((m) => m.code);
    const residence = Object.fromEntries(codes.map((c, i) => [c, data.region[i] as number]));
    const regionTotal = data.region.reduce((s, v) => s + v, 0) + data.unsplit;
    for (const [i, c] of codes.entries()) await putReport({ app }, `${PIT}/${c}`, { value: data.own[i] }, admin);
    await putReport({ app }, `${PIT}/region`, { value: regionTotal, breakdown: { residence } }, admin);
    const made = await app.request('/api/indicators/releases', {
      method: 'POST',
      headers: { authorization: admin, 'content-type': 'application/json' },
      body: JSON.stringify({ period: '2026-Q3' }),
    });
    expect(made.status).toBe(201);
    const published = await json(await app.request('/api/indicators/compare?indicator=persons-in-treatment&period=2026-Q3'));
    expect(published.organizations).toHaveLength(codes.length + 1 + kit.deps.config.region.units.length);
    const sys = attacker();
    const row = (org: string) => published.organizations.find((r: PublicRow) => r.organization === org) as PublicRow;
    for (const [i, c] of codes.entries()) sys.add(`${c}/T`, row(c).cells.T, data.own[i] as number);
    sys.add('region/T', row('region').cells.T, regionTotal);
    sys.add('area/T', published.area.cells.T, regionTotal + data.own.reduce((s, v) => s + v, 0));
    sys.variables.push({ id: 'region/unsplit', value: data.unsplit });
    sys.hidden.push('region/unsplit');
    const regionTerms = [
      { id: 'region/T', coef: 1 },
      { id: 'region/unsplit', coef: -1 },
    ];
    for (const [i, c] of codes.entries()) {
      sys.add(`region/residence:${c}`, row('region').cells[`residence:${c}`], data.region[i] as number);
      sys.add(`area/residence:${c}`, published.area.cells[`residence:${c}`], data.region[i] as number);
      regionTerms.push({ id: `region/residence:${c}`, coef: -1 });
      sys.equations.push({
        terms: [
          { id: `area/residence:${c}`, coef: 1 },
          { id: `region/residence:${c}`, coef: -1 },
        ],
      });
    }
    sys.equations.push({ terms: regionTerms });
    sys.equations.push({
      terms: [{ id: 'area/T', coef: 1 }, { id: 'region/T', coef: -1 }, ...codes.map((c) => ({ id: `${c}/T`, coef: -1 }))],
    });
    return audit({ variables: sys.variables, equations: sys.equations, levels: { lower: 3, upper: 3 } }, sys.hidden);
  }

  it('finds no residence cell narrower than the rule from the public output, over many splits', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (data) => {
        const result = await auditRun(data, false);
        expect(result.violations).toEqual([]);
      }),
      { numRuns: 10, seed: 20261129 },
    );
  }, 120_000);

  // Östersund's residents: 2 from the region, every other split large, nothing left unsplit.
  const oneSmall = { region: [9, 8, 7, 9, 6, 8, 9, 2], unsplit: 0, own: [20, 21, 22, 23, 24, 25, 26, 27] };

  it('catches a residence split recoverable from the unit total when protection is off', async () => {
    const result = await auditRun(oneSmall, true);
    expect(result.violations.map((v) => v.id)).toContain('region/residence:2380');
  }, 60_000);

  it('protects the one small residence cell of a unit whose total is known', async () => {
    const result = await auditRun(oneSmall, false);
    expect(result.ranges.length).toBeGreaterThan(2);
    expect(result.violations).toEqual([]);
  }, 60_000);
});
