import { describe, expect, it } from 'vitest';
import { audit } from '../../functions/core/disclosure/index.js';
import type { DisclosureEquation, DisclosureVariable } from '../../functions/core/disclosure/types.js';
import { createIndicatorsApp } from '../../functions/indicators/app.js';
import { indicatorsKit, json, putReport, storedKeys } from './helpers.js';

const INDICATOR = 'completed-interventions-followed-up';
const PERIOD = '2026-Q3';
const OUTCOMES = ['improved', 'unchanged', 'worse'] as const;
const SUBSTANCES = ['alcohol', 'narcotics', 'medicines', 'gambling', 'doping', 'tobacco'] as const;

type Cells = Record<string, { value: number | null }>;
type PublicRow = { organization: string; status: string; cells: Cells };

/** One organisation's figures: the outcome split and the substance split of the same total. */
interface Figures {
  readonly outcome: readonly number[];
  readonly substance: readonly number[];
}
const total = (f: Figures) => f.outcome.reduce((s, v) => s + v, 0);
const body = (f: Figures) => ({
  value: total(f),
  breakdown: {
    outcome: Object.fromEntries(OUTCOMES.map((c, i) => [c, f.outcome[i]])),
    substance: Object.fromEntries(SUBSTANCES.map((c, i) => [c, f.substance[i]])),
  },
});
const truthOf = (f: Figures): Record<string, number> => ({
  T: total(f),
  ...Object.fromEntries(OUTCOMES.map((c, i) => [`outcome:${c}`, f.outcome[i] as number])),
  ...Object.fromEntries(SUBSTANCES.map((c, i) => [`substance:${c}`, f.substance[i] as number])),
});

/** Every municipality of Norrbotten and the region report; the first municipality has 2 worse and 1 gambling. */
function figures(codes: readonly string[]): Record<string, Figures> {
  const plenty = (i: number): Figures => ({ outcome: [20 + i, 10 + i, 6 + i], substance: [18 + i, 8 + i, 5 + i, 5, 0, 0] });
  return Object.fromEntries([
    [codes[0] as string, { outcome: [20, 10, 2], substance: [18, 8, 5, 1, 0, 0] }],
    ...codes.slice(1).map((c, i) => [c, plenty(i)]),
    ['region', plenty(9)],
  ]);
}

/** Report every organisation's figures, release with the given protection, read the public compare answer. */
async function released(protection: 'audited' | 'primary-only' = 'audited') {
  const kit = await indicatorsKit();
  const admin = await kit.bearer({ roles: ['admin'] });
  const app = createIndicatorsApp(kit.deps, { cacheWindowMs: 0, protection });
  const data = figures(kit.deps.config.municipalities.map((m) => m.code));
  for (const [org, f] of Object.entries(data))
    expect((await putReport({ app }, `${INDICATOR}/${PERIOD}/${org}`, body(f), admin)).status).toBe(201);
  const made = await app.request('/api/indicators/releases', {
    method: 'POST',
    headers: { authorization: admin, 'content-type': 'application/json' },
    body: JSON.stringify({ period: PERIOD }),
  });
  expect(made.status).toBe(201);
  const compare = await json(await app.request(`/api/indicators/compare?indicator=${INDICATOR}&period=${PERIOD}`));
  return { kit, app, data, compare: compare as { area: { cells: Cells }; organizations: PublicRow[] } };
}

/**
 * The attacker's system from the public compare answer alone: every organisation's total, outcome
 * and substance cells; `T = Σ outcome = Σ substance` per organisation; each area cell the sum of
 * the organisations' cells. Hidden cells are those shown as `..`; truths come from the test's figures.
 */
function attack(compare: Awaited<ReturnType<typeof released>>['compare'], data: Record<string, Figures>) {
  const variables: DisclosureVariable[] = [];
  const equations: DisclosureEquation[] = [];
  const hidden: string[] = [];
  const add = (id: string, cell: { value: number | null } | undefined, truth: number) => {
    variables.push({ id, value: truth, ...(truth > 0 && truth < 5 ? { sensitive: true } : {}) });
    if (!cell || cell.value === null) hidden.push(id);
  };
  const orgs = Object.keys(data);
  const keys = ['T', ...OUTCOMES.map((c) => `outcome:${c}`), ...SUBSTANCES.map((c) => `substance:${c}`)];
  for (const org of orgs) {
    const row = compare.organizations.find((r) => r.organization === org);
    const truth = truthOf(data[org] as Figures);
    for (const key of keys) add(`${org}/${key}`, row?.cells[key], truth[key] as number);
    for (const dimension of [OUTCOMES.map((c) => `outcome:${c}`), SUBSTANCES.map((c) => `substance:${c}`)])
      equations.push({ terms: [{ id: `${org}/T`, coef: 1 }, ...dimension.map((k) => ({ id: `${org}/${k}`, coef: -1 }))] });
  }
  for (const key of keys) {
    add(
      `area/${key}`,
      compare.area.cells[key],
      orgs.reduce((s, o) => s + (truthOf(data[o] as Figures)[key] as number), 0),
    );
    equations.push({ terms: [{ id: `area/${key}`, coef: 1 }, ...orgs.map((o) => ({ id: `${o}/${key}`, coef: -1 }))] });
  }
  return audit({ variables, equations, levels: { lower: 3, upper: 3 } }, hidden);
}

describe('substance and outcome breakdowns: released and protected', () => {
  it('hides the small outcome and substance cells so that no subtraction recovers them', async () => {
    const { kit, app, data, compare } = await released();
    const first = kit.deps.config.municipalities[0]?.code as string;
    expect(compare.organizations).toHaveLength(Object.keys(data).length + kit.deps.config.region.units.length);
    const row = compare.organizations.find((r) => r.organization === first) as PublicRow;
    expect(row.cells['outcome:worse']?.value).toBeNull();
    expect(row.cells['substance:gambling']?.value).toBeNull();
    const values = await json(await app.request(`/api/indicators/values?indicator=${INDICATOR}&period=${PERIOD}&limit=5000`));
    const mine = values.items.filter((o: { organization: string }) => o.organization === first);
    // the total, every outcome and substance, and the seven intervention types this report left out
    expect(mine.length).toBe(1 + OUTCOMES.length + SUBSTANCES.length + 7);
    const worse = mine.find((o: { breakdown: string; category: string }) => o.breakdown === 'outcome' && o.category === 'worse');
    expect(worse.value).toBeNull();
    const result = await attack(compare, data);
    expect(result.ranges.length).toBeGreaterThan(2);
    expect(result.violations).toEqual([]);
  }, 120_000);

  it('catches the small cell recoverable from the total when only the primary rule runs', async () => {
    const { data, compare } = await released('primary-only');
    const result = await attack(compare, data);
    expect(result.violations.map((v) => v.id)).toContain(`${Object.keys(data)[0]}/outcome:worse`);
  }, 120_000);

  it("shows the outcome and substance tables on the indicator's page, in Swedish and English", async () => {
    const { app } = await released();
    const page = await (await app.request(`/uppfoljning/${INDICATOR}?period=${PERIOD}`)).text();
    const head = page.slice(page.indexOf('<caption>Per organisation'), page.indexOf('</thead>', page.indexOf('<caption>Per organisation')));
    expect([...head.matchAll(/<th scope="col">([^<]+)<\/th>/g)].map((m) => m[1])).toEqual([
      'Organisation',
      'Totalt',
      'Förbättrad',
      'Oförändrad',
      'Försämrad',
      'Alkohol',
      'Narkotika',
      'Beroendeframkallande läkemedel',
      'Spel om pengar',
      'Dopningsmedel',
      'Tobak och nikotin',
    ]);
    const first = page.slice(
      page.indexOf('<th scope="row">Arvidsjaur</th>'),
      page.indexOf('</tr>', page.indexOf('<th scope="row">Arvidsjaur</th>')),
    );
    expect(first.match(/<td class="num">([^<]*)<\/td>/g)?.[3]).toBe('<td class="num">..</td>');
    const english = await (await app.request(`/uppfoljning/${INDICATOR}?period=${PERIOD}&lang=en`)).text();
    for (const text of ['Improved', 'Unchanged', 'Worse', 'Gambling']) expect(english).toContain(text);
  }, 60_000);
});

describe('substance, intervention and outcome: validation', () => {
  it('refuses an unknown substance, naming the field, and stores nothing', async () => {
    const kit = await indicatorsKit();
    const admin = await kit.bearer({ roles: ['admin'] });
    const report = body({ outcome: [5, 3, 2], substance: [5, 3, 2, 0, 0, 0] });
    const res = await putReport(
      kit,
      `${INDICATOR}/${PERIOD}/region`,
      { ...report, breakdown: { ...report.breakdown, substance: { ...report.breakdown.substance, cannabis: 1 } } },
      admin,
    );
    expect(res.status).toBe(400);
    const problem = await json(res);
    expect(problem.errors).toHaveLength(1);
    expect(problem.errors[0].field).toBe('breakdown.substance.cannabis');
    expect(problem.errors[0].sv).toBe('Okänd kategori');
    expect(problem.errors[0].message).toContain('alcohol, narcotics');
    expect(await storedKeys(kit)).toEqual([]);
  });

  it('refuses an outcome split above the total, naming the field, and stores nothing', async () => {
    const kit = await indicatorsKit();
    const admin = await kit.bearer({ roles: ['admin'] });
    const res = await putReport(
      kit,
      `${INDICATOR}/${PERIOD}/region`,
      { value: 10, breakdown: { outcome: { improved: 6, unchanged: 4, worse: 2 } } },
      admin,
    );
    expect(res.status).toBe(400);
    expect((await json(res)).errors).toEqual([
      {
        field: 'breakdown.outcome',
        message: 'The total (10) must equal the sum of the outcome categories (12)',
        sv: 'Totalen (10) ska vara lika med summan av kategorierna (12)',
      },
    ]);
    expect(await storedKeys(kit)).toEqual([]);
  });

  it('takes an intervention split of completed interventions and refuses an unknown type', async () => {
    const kit = await indicatorsKit();
    const admin = await kit.bearer({ roles: ['admin'] });
    const intervention = { mi: 4, 'relapse-prevention': 3, cra: 2, 'twelve-step': 1, laro: 5, psychosocial: 3, other: 2 };
    const ok = await putReport(kit, `completed-interventions/${PERIOD}/region`, { value: 20, breakdown: { intervention } }, admin);
    expect(ok.status).toBe(201);
    expect((await json(ok)).current.cells['intervention:laro']).toBe(5);
    const bad = await putReport(
      kit,
      `completed-interventions/${PERIOD}/2580`,
      { value: 20, breakdown: { intervention: { ...intervention, hypnosis: 0 } } },
      admin,
    );
    expect(bad.status).toBe(400);
    expect((await json(bad)).errors.map((e: { field: string }) => e.field)).toEqual(['breakdown.intervention.hypnosis']);
    const noOutcome = await putReport(
      kit,
      `persons-in-treatment/${PERIOD}/2580`,
      { value: 3, breakdown: { outcome: { improved: 3, unchanged: 0, worse: 0 } } },
      admin,
    );
    expect(noOutcome.status).toBe(400);
    expect((await json(noOutcome)).errors[0].field).toBe('breakdown.outcome');
  });
});
