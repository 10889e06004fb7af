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

/**
 * The attacker's system from the public answer alone: every organisation's total, the area total
 * and each länsdel total; area = Σ organisations, länsdel = Σ its municipalities. Hidden cells are
 * those shown as `..`; truths come from the test's own figures.
 */
async function attack(
  compare: Awaited<ReturnType<typeof released>>['compare'],
  values: Record<string, number>,
  parts: readonly { id: string; municipalities: readonly string[] }[],
) {
  const variables: DisclosureVariable[] = [];
  const hidden: string[] = [];
  const add = (id: string, cell: { value: number | null } | undefined, truth: number) => {
    variables.push({ id, value: truth, ...(truth > 0 && truth < 5 ? { sensitive: true } : {}) });
    if (!cell || cell.value === null) hidden.push(id);
  };
  const orgs = Object.keys(values);
  for (const org of orgs) add(org, compare.organizations.find((r) => r.organization === org)?.cells.T, values[org] as number);
  const sum = (list: readonly string[]) => list.reduce((s, o) => s + (values[o] ?? 0), 0);
  add('area', compare.area.cells.T, sum(orgs));
  const equations: DisclosureEquation[] = [{ terms: [{ id: 'area', coef: 1 }, ...orgs.map((o) => ({ id: o, coef: -1 }))] }];
  for (const part of parts) {
    add(`part:${part.id}`, compare.area.parts[part.id]?.T, sum(part.municipalities));
    equations.push({ terms: [{ id: `part:${part.id}`, coef: 1 }, ...part.municipalities.map((m) => ({ id: m, coef: -1 }))] });
  }
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
});
