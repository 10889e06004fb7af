import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { audit } from '../../../functions/core/disclosure/index.js';
import { createIndicatorsApp } from '../../../functions/indicators/app.js';
import type { IndicatorsOptions } from '../../../functions/indicators/context.js';
import { FsStore } from '../../../functions/core/store/fs-store.js';
import { tempDir, testKit, type TestKit } from '../../support/deps.js';
import { jsonHeaders } from '../helpers.js';
import { areaData, ORGS, reportBody, trueCells, type AreaData, type TrueReport } from './area-data.js';
import { attackerProblem } from './constraints.js';
import { harvest, type Harvest } from './harvest.js';

// an each-own count with gender and age: the region and the municipalities report independently
const INDICATOR = 'relatives-supported';
const PERIOD = '2026-Q3';
const LEVELS = { lower: 3, upper: 3 };

/** Report, release, late report and correction, release again; harvest after each release; audit both together. */
async function run(kit: TestKit, data: AreaData, dir: string, options: IndicatorsOptions = {}) {
  const app = createIndicatorsApp({ ...kit.deps, store: new FsStore(dir) }, { cacheWindowMs: 0, ...options });
  const admin = await kit.bearer({ roles: ['admin'] });
  const put = async (org: string, r: TrueReport, first: boolean) => {
    const res = await app.request(`/api/indicators/values/${INDICATOR}/${PERIOD}/${org}`, {
      method: 'PUT',
      headers: jsonHeaders(admin, first ? {} : { 'if-match': '*' }),
      body: JSON.stringify(reportBody(r)),
    });
    expect(res.status).toBeLessThan(300);
  };
  const release = () =>
    app.request('/api/indicators/releases', { method: 'POST', headers: jsonHeaders(admin), body: JSON.stringify({ period: PERIOD }) });
  const state: Record<string, TrueReport> = {};
  for (const org of ORGS) {
    const r = data.first[org] as TrueReport;
    if (r.kind === 'missing') continue;
    await put(org, r, true);
    state[org] = r;
  }
  const names = new Map(ORGS.map((o) => [o, o]));
  const config = kit.deps.config;
  for (const m of config.municipalities) names.set(m.name, m.code);
  names.set(config.region.name, 'region');
  names.set(`${config.name} (hela området)`, 'area');
  const truthOf = (snapshot: Record<string, TrueReport>) => (key: string) => {
    const [org, cell] = key.split('/') as [string, string];
    if (org !== 'area') return trueCells(snapshot[org])[cell] ?? 0;
    return ORGS.reduce((s, o) => s + (trueCells(snapshot[o])[cell] ?? 0), 0);
  };
  const snapshots: { name: string; seen: Harvest; truth: (key: string) => number }[] = [];
  const conflicts: string[] = [];
  if ((await release()).status !== 201) return undefined;
  const first = await harvest(app, INDICATOR, PERIOD, names);
  snapshots.push({ name: 'r1', seen: first.seen, truth: truthOf({ ...state }) });
  conflicts.push(...first.conflicts);
  if (data.late) {
    await put(data.late.org, data.late.report, true);
    state[data.late.org] = data.late.report;
  }
  if (data.correction) {
    await put(data.correction.org, data.correction.report, false);
    state[data.correction.org] = data.correction.report;
  }
  if ((await release()).status === 201) {
    const second = await harvest(app, INDICATOR, PERIOD, names);
    snapshots.push({ name: 'r2', seen: second.seen, truth: truthOf({ ...state }) });
    conflicts.push(...second.conflicts);
  }
  const { problem, hidden } = attackerProblem(snapshots, ORGS, 5, LEVELS);
  const result = await audit(problem, hidden);
  const sensitive = problem.variables.filter((v) => v.sensitive && hidden.has(v.id));
  const widths = result.ranges.filter((r) => sensitive.some((v) => v.id === r.id)).map((r) => r.max - r.min);
  const zeros = problem.variables.filter((v) => hidden.has(v.id) && v.value === 0).length;
  return { result, conflicts, cells: problem.variables.length, hidden: hidden.size, sensitive: sensitive.length, zeros, widths };
}

describe('the audit of everything public (two releases with a late report and a correction)', () => {
  it('finds no hidden small count whose range is narrower than the rule, on many seeds', async () => {
    const kit = await testKit({ area: 'norrbotten', now: '2026-11-23T10:00:00+01:00' });
    const base = await tempDir('ind-audit-');
    let n = 0;
    const figures: string[] = [];
    await fc.assert(
      fc.asyncProperty(areaData, async (data) => {
        const out = await run(kit, data, `${base}/${n++}`);
        if (!out) return;
        expect(out.conflicts).toEqual([]);
        expect(out.result.violations).toEqual([]);
        figures.push(
          `cells ${out.cells}, hidden ${out.hidden} (zeros ${out.zeros}), sensitive ${out.sensitive}, min width ${Math.min(...out.widths)}, audit ${out.result.solverMs.toFixed(0)} ms`,
        );
      }),
      { numRuns: 12, seed: 20261123, endOnFailure: true },
    );
    console.info(figures.join('\n'));
  }, 240_000);

  it('fails when protection is turned off (primary cells hidden only)', async () => {
    const kit = await testKit({ area: 'norrbotten', now: '2026-11-23T10:00:00+01:00' });
    const base = await tempDir('ind-audit-off-');
    const samples = fc.sample(areaData, { numRuns: 4, seed: 7 });
    let violations = 0;
    for (const [i, data] of samples.entries()) {
      const out = await run(kit, data, `${base}/${i}`, { protection: 'primary-only' });
      violations += out?.result.violations.length ?? 0;
    }
    expect(violations).toBeGreaterThan(0);
  }, 120_000);
});
