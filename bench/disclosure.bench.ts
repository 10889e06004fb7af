import {
  audit,
  DEFAULT_LEVELS,
  defaultCost,
  protect,
  withEarlierRelease,
  type DisclosureProblem,
} from '../functions/core/disclosure/index.js';
import { releaseProblem, type AreaTable, type OrgReport } from '../test/core/disclosure/area.js';
import { split } from '../test/core/disclosure/arbitraries.js';
import { ms, summarize } from './stats.js';

/**
 * `npm run bench -- disclosure`: a large generated area (14 organisations × 13 indicators × two
 * breakdown dimensions × 4 quarters, three länsdelar, then a revision release of the last quarter with a late
 * report and a correction per indicator). Each table (indicator × quarter) is protected and then
 * audited independently; figures: cells, hidden cells, range margins, solver time, information loss.
 */
const ORGS = 14;
const INDICATORS = 13;
const QUARTERS = 4;
const DIMS = [3, 5]; // e.g. gender (3) and age band (5)

/** Seeded PRNG (mulberry32), so every run measures the same tables. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function areaTables(rnd: () => number): AreaTable[][] {
  const size = Array.from({ length: ORGS }, () => Math.exp(rnd() * 4)); // small to large municipalities
  return Array.from({ length: QUARTERS }, (_, q) =>
    Array.from({ length: INDICATORS }, (_, i) => {
      const scale = [0.3, 1, 3][i % 3] ?? 1;
      const orgs = size.map((s): OrgReport | undefined => {
        const r = rnd();
        if (r < 0.06) return undefined; // not reported
        const total = Math.round(rnd() * s * scale);
        if (r < 0.12) return { total }; // total without breakdown
        return {
          total,
          breakdown: DIMS.map((n) =>
            split(
              total,
              Array.from({ length: n }, () => (rnd() < 0.3 ? 0 : Math.floor(rnd() * 4))),
            ),
          ),
        };
      });
      return { name: `i${i}/q${q}/`, dims: DIMS, orgs, parts: orgs.map((_, k) => k % 3) }; // three länsdelar
    }),
  );
}

/** The same table with one organisation reporting late and one corrected. */
function revised(table: AreaTable, rnd: () => number): { earlier: AreaTable; current: AreaTable } {
  const late = Math.floor(rnd() * ORGS);
  const fixed = (late + 1 + Math.floor(rnd() * (ORGS - 1))) % ORGS;
  const orgs = table.orgs.map((o, k): OrgReport | undefined => {
    if (k === late || !o) return undefined;
    if (k !== fixed || !o.breakdown) return o;
    return { total: o.total + 1, breakdown: o.breakdown.map((d) => d.map((v, c) => (c === 0 ? v + 1 : v))) };
  });
  return { earlier: { ...table, orgs }, current: table };
}

interface Figures {
  cells: number;
  equations: number;
  sensitive: number;
  secondary: number;
  hiddenZeros: number;
  minMargin: number;
  minWidth: number;
  loss: number;
  primaryLoss: number;
  allCost: number;
  notOptimal: number;
  violations: number;
  times: number[];
  cpuMs: number;
  auditMs: number;
}

const empty = (): Figures => ({
  cells: 0,
  equations: 0,
  sensitive: 0,
  secondary: 0,
  hiddenZeros: 0,
  minMargin: Infinity,
  minWidth: Infinity,
  loss: 0,
  primaryLoss: 0,
  allCost: 0,
  notOptimal: 0,
  violations: 0,
  times: [],
  cpuMs: 0,
  auditMs: 0,
});

async function measure(problem: DisclosureProblem, into: Figures): Promise<ReadonlySet<string>> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const result = await protect(problem);
  const used = process.cpuUsage(cpu);
  into.times.push(performance.now() - start);
  into.cpuMs += (used.user + used.system) / 1000;
  const report = await audit(problem, result.hidden);
  into.auditMs += report.solverMs;
  const byId = new Map(problem.variables.map((v) => [v.id, v]));
  const newCells = problem.variables.filter((v) => !v.fixed);
  into.cells += newCells.length;
  into.equations += problem.equations.length;
  into.sensitive += newCells.filter((v) => v.sensitive).length;
  into.secondary += [...result.hidden].filter((id) => !byId.get(id)?.sensitive && !byId.get(id)?.fixed).length;
  into.hiddenZeros += [...result.hidden].filter((id) => byId.get(id)?.value === 0).length;
  into.loss += result.informationLoss;
  into.allCost += newCells.reduce((s, v) => s + defaultCost(v.value), 0);
  into.primaryLoss += newCells.filter((v) => v.sensitive).reduce((s, v) => s + defaultCost(v.value), 0);
  into.notOptimal += result.optimal ? 0 : 1;
  into.violations += report.violations.length;
  for (const r of report.ranges) {
    const v = byId.get(r.id);
    if (!v?.sensitive) continue;
    const low = Math.max(0, v.value - problem.levels.lower);
    const high = v.value + problem.levels.upper;
    into.minMargin = Math.min(into.minMargin, low - r.min, r.max - high);
    into.minWidth = Math.min(into.minWidth, r.max - r.min);
  }
  return result.hidden;
}

function print(title: string, f: Figures): void {
  const t = summarize(f.times);
  const total = f.times.reduce((a, b) => a + b, 0);
  console.log(`\n### ${title}: ${f.times.length} tables`);
  console.log(
    `cells ${f.cells} (equations ${f.equations}); hidden primary ${f.sensitive}, secondary ${f.secondary} (of which zeros: ${f.hiddenZeros} hidden cells in all)`,
  );
  console.log(`audit violations ${f.violations}; tables not optimal (fallback) ${f.notOptimal}`);
  console.log(
    `narrowest sensitive range ${f.minWidth} persons; smallest margin beyond the rule (±${DEFAULT_LEVELS.lower}) ${f.minMargin.toFixed(2)} persons`,
  );
  console.log(
    `protect per table: median ${ms(t.median)}, p95 ${ms(t.p95)}, total ${ms(total)} (CPU ${ms(f.cpuMs)}); audit total ${ms(f.auditMs)}`,
  );
  console.log(
    `per table on average: ${(f.cells / f.times.length).toFixed(0)} cells, ${(f.equations / f.times.length).toFixed(0)} equations, ${(f.sensitive / f.times.length).toFixed(0)} sensitive`,
  );
  const share = (v: number) => `${((100 * v) / f.allCost).toFixed(1)} %`;
  console.log(
    `information loss ${f.loss.toFixed(0)} of ${f.allCost.toFixed(0)} (${share(f.loss)} of the cost of hiding everything; ` +
      `secondary cells ${(f.loss - f.primaryLoss).toFixed(0)}, ${share(f.loss - f.primaryLoss)})`,
  );
}

export async function run(): Promise<void> {
  const rnd = random(2026);
  const quarters = areaTables(rnd);
  // Primary suppression alone, to show what the audit finds without protection.
  let recomputed = 0;
  let primaries = 0;
  for (const table of quarters[0] ?? []) {
    const problem = releaseProblem([table], DEFAULT_LEVELS);
    const primary = problem.variables.filter((v) => v.sensitive).map((v) => v.id);
    primaries += primary.length;
    recomputed += (await audit(problem, primary)).violations.length;
  }
  console.log(`primary suppression only (quarter 1): ${recomputed} of ${primaries} sensitive cells narrower than the rule`);
  const first = empty();
  const hiddenLast = new Map<string, ReadonlySet<string>>();
  for (const tables of quarters) {
    for (const table of tables) hiddenLast.set(table.name, await measure(releaseProblem([table], DEFAULT_LEVELS), first));
  }
  print(`release 1 (${ORGS} organisations × ${INDICATORS} indicators × ${QUARTERS} quarters, dims ${DIMS.join('×')})`, first);
  const revision = empty();
  for (const table of quarters[QUARTERS - 1] ?? []) {
    const { earlier, current } = revised(table, rnd);
    const before = releaseProblem([earlier], DEFAULT_LEVELS);
    const earlierHidden = (await protect(before)).hidden;
    await measure(withEarlierRelease(before, earlierHidden, releaseProblem([current], DEFAULT_LEVELS)), revision);
  }
  print('revision of quarter 4 (a late report and a correction per indicator)', revision);
}
