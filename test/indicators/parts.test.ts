import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { audit } from '../../functions/core/disclosure/index.js';
import type { DisclosureEquation, DisclosureVariable } from '../../functions/core/disclosure/types.js';
import { createIndicatorsApp } from '../../functions/indicators/app.js';
import { indicatorsKit, json, putReport } from './helpers.js';

// a count with no breakdown, counted by each organisation: the municipalities, the region, the länsdelar
const INDICATOR = 'completed-interventions';
const PERIOD = '2026-Q3';

type Cells = Record<string, { value: number | null }>;
type PublicRow = { organization: string; cells: Cells };

/** Östergötland: report every municipality's and the region's figure, release (protection on or off), read the public compare answer. */
async function released(values: Record<string, number>, protection: 'audited' | 'primary-only' = 'audited') {
  const kit = await indicatorsKit({ area: 'ostergotland' });
  const admin = await kit.bearer({ roles: ['admin'] });
  const app = createIndicatorsApp(kit.deps, { cacheWindowMs: 0, protection });
  for (const [org, value] of Object.entries(values)) {
    expect((await putReport({ app }, `${INDICATOR}/${PERIOD}/${org}`, { value }, admin)).status).toBe(201);
  }
  const made = await app.request('/api/indicators/releases', {
    method: 'POST',
    headers: { authorization: admin, 'content-type': 'application/json' },
    body: JSON.stringify({ period: PERIOD }),
  });
  expect(made.status).toBe(201);
  const compare = await json(await app.request(`/api/indicators/compare?indicator=${INDICATOR}&period=${PERIOD}`));
  return { kit, app, compare: compare as { area: { cells: Cells; parts: Record<string, Cells> }; organizations: PublicRow[] } };
}

type Compare = Awaited<ReturnType<typeof released>>['compare'];
type Part = { id: string; municipalities: readonly string[] };

/**
 * The attacker's system from one public answer alone (ids prefixed by `at`): every organisation's
 * total, the area total and each länsdel total; area = Σ organisations, länsdel = Σ its
 * municipalities. Hidden cells are those shown as `..`; truths come from the test's own figures.
 */
function system(compare: Compare, values: Record<string, number>, parts: readonly Part[], at = '') {
  const variables: DisclosureVariable[] = [];
  const hidden: string[] = [];
  const add = (id: string, cell: { value: number | null } | undefined, truth: number) => {
    variables.push({ id: at + id, value: truth, ...(truth > 0 && truth < 5 ? { sensitive: true } : {}) });
    if (!cell || cell.value === null) hidden.push(at + id);
  };
  const orgs = Object.keys(values);
  for (const org of orgs) add(org, compare.organizations.find((r) => r.organization === org)?.cells.T, values[org] as number);
  const sum = (list: readonly string[]) => list.reduce((s, o) => s + (values[o] ?? 0), 0);
  add('area', compare.area.cells.T, sum(orgs));
  const equations: DisclosureEquation[] = [{ terms: [{ id: `${at}area`, coef: 1 }, ...orgs.map((o) => ({ id: at + o, coef: -1 }))] }];
  for (const part of parts) {
    const members = part.municipalities.filter((m) => m in values);
    add(`part:${part.id}`, compare.area.parts[part.id]?.T, sum(members));
    equations.push({ terms: [{ id: `${at}part:${part.id}`, coef: 1 }, ...members.map((m) => ({ id: at + m, coef: -1 }))] });
  }
  return { variables, equations, hidden };
}

/** Audit one public answer. */
async function attack(compare: Compare, values: Record<string, number>, parts: readonly Part[]) {
  const { variables, equations, hidden } = system(compare, values, parts);
  return audit({ variables, equations, levels: { lower: 3, upper: 3 } }, hidden);
}

describe('länsdelar: own totals side by side, released and protected', () => {
  it("shows Östergötland's three länsdelar side by side, each the sum of its municipalities", async () => {
    const kit0 = await indicatorsKit({ area: 'ostergotland' });
    const codes = kit0.deps.config.municipalities.map((m) => m.code);
    const values = Object.fromEntries([...codes.map((c, i) => [c, 10 + i]), ['region', 40]]);
    const { kit, app, compare } = await released(values);
    const parts = kit.deps.config.areas;
    expect(parts.map((p) => p.id)).toEqual(['vast', 'central', 'ost']);
    for (const part of parts) expect(compare.area.parts[part.id]?.T?.value).toBe(part.municipalities.reduce((s, m) => s + values[m], 0));
    const page = await (await app.request(`/uppfoljning/${INDICATOR}`)).text();
    expect(page).toContain('Länsdelar sida vid sida');
    const head = page.slice(page.indexOf('id="parts"'), page.indexOf('</thead>', page.indexOf('id="parts"')));
    expect([...head.matchAll(/<th scope="col" id="part-[a-z]+">([^<]+)<\/th>/g)].map((m) => m[1])).toEqual(parts.map((p) => p.name));
    const english = await (await app.request(`/uppfoljning/${INDICATOR}?lang=en`)).text();
    expect(english).toContain('Parts of the county side by side');
    const area = await json(await app.request(`/api/indicators/area?indicator=${INDICATOR}&period=${PERIOD}`));
    expect(Object.keys(area.items[0].parts)).toEqual(['vast', 'central', 'ost']);
    const staff = await json(
      await app.request(`/api/indicators/area?indicator=${INDICATOR}&period=${PERIOD}`, {
        headers: { authorization: await kit.bearer({ roles: ['admin'] }) },
      }),
    );
    expect(staff.items[0].parts.vast.T).toEqual(compare.area.parts.vast?.T);
  });

  it('leaves no value recoverable by subtracting a länsdel from the county (LP audit of the public answer, many areas)', async () => {
    const kit = await indicatorsKit({ area: 'ostergotland' });
    const codes = kit.deps.config.municipalities.map((m) => m.code);
    const small = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 60 }));
    await fc.assert(
      fc.asyncProperty(fc.array(small, { minLength: codes.length + 1, maxLength: codes.length + 1 }), async (list) => {
        const values = Object.fromEntries([...codes, 'region'].map((o, i) => [o, list[i] as number]));
        const { compare } = await released(values);
        const result = await attack(compare, values, kit.deps.config.areas);
        expect(result.violations).toEqual([]);
      }),
      { numRuns: 8, seed: 20261129 },
    );
  }, 180_000);

  it("catches the region's small figure as county − Σ länsdelar when protection is off", async () => {
    const kit = await indicatorsKit({ area: 'ostergotland' });
    const codes = kit.deps.config.municipalities.map((m) => m.code);
    const values = Object.fromEntries([...codes.map((c, i) => [c, 20 + i]), ['region', 2]]);
    const { compare } = await released(values, 'primary-only');
    const result = await attack(compare, values, kit.deps.config.areas);
    expect(result.violations.map((v) => v.id)).toContain('region');
  }, 60_000);

  it("protects the region's small figure against county − Σ länsdelar", async () => {
    const kit = await indicatorsKit({ area: 'ostergotland' });
    const codes = kit.deps.config.municipalities.map((m) => m.code);
    const values = Object.fromEntries([...codes.map((c, i) => [c, 20 + i]), ['region', 2]]);
    const { compare } = await released(values);
    const result = await attack(compare, values, kit.deps.config.areas);
    expect(result.ranges.length).toBeGreaterThan(1);
    expect(result.violations).toEqual([]);
  }, 60_000);

  it('keeps länsdelar protected across a revision with a late report and a correction (both releases audited together)', async () => {
    const config = (await indicatorsKit({ area: 'ostergotland' })).deps.config;
    const parts = config.areas;
    const codes = config.municipalities.map((m) => m.code);
    const late = codes[3] as string;
    const first = Object.fromEntries([...codes.filter((c) => c !== late).map((c, i) => [c, i % 4 === 0 ? 3 : 12 + i]), ['region', 30]]);
    const { kit, app, compare: r1 } = await released(first);
    const admin = await kit.bearer({ roles: ['admin'] });
    const second = { ...first, [late]: 2, region: 31 };
    expect((await putReport({ app }, `${INDICATOR}/${PERIOD}/${late}`, { value: 2 }, admin)).status).toBe(201);
    expect((await putReport({ app }, `${INDICATOR}/${PERIOD}/region`, { value: 31 }, admin, { 'if-match': '*' })).status).toBe(200);
    const made = await app.request('/api/indicators/releases', {
      method: 'POST',
      headers: { authorization: admin, 'content-type': 'application/json' },
      body: JSON.stringify({ period: PERIOD }),
    });
    expect(made.status).toBe(201);
    const r2 = (await json(await app.request(`/api/indicators/compare?indicator=${INDICATOR}&period=${PERIOD}`))) as Compare;
    const a = system(r1, first, parts, 'r1/');
    const b = system(r2, second, parts, 'r2/');
    // what did not change is the same unknown in both releases: the attacker may assume it
    const same = Object.keys(first)
      .filter((o) => first[o] === second[o])
      .map((o) => ({
        terms: [
          { id: `r1/${o}`, coef: 1 },
          { id: `r2/${o}`, coef: -1 },
        ],
      }));
    const result = await audit(
      { variables: [...a.variables, ...b.variables], equations: [...a.equations, ...b.equations, ...same], levels: { lower: 3, upper: 3 } },
      [...a.hidden, ...b.hidden],
    );
    expect(result.ranges.length).toBeGreaterThan(2);
    expect(result.violations).toEqual([]);
  }, 60_000);
});
