import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { audit, DEFAULT_LEVELS, protect, withEarlierRelease, type DisclosureProblem } from '../../../functions/core/disclosure/index.js';
import { releaseProblem } from './area.js';
import { areaTable, twoReleases } from './arbitraries.js';

/** What no pattern can fix: the violations left with every hideable variable hidden. */
async function unavoidable(problem: DisclosureProblem): Promise<Set<string>> {
  const all = problem.variables.filter((v) => v.fixed !== 'published').map((v) => v.id);
  return new Set((await audit(problem, all)).violations.map((v) => v.id));
}

async function protectedWell(problem: DisclosureProblem): Promise<ReadonlySet<string>> {
  const result = await protect(problem);
  const report = await audit(problem, result.hidden);
  if (report.violations.length > 0) {
    const impossible = await unavoidable(problem);
    expect(report.violations.filter((v) => !impossible.has(v.id))).toEqual([]);
    expect(result.log.join('\n')).toContain('impossible');
  }
  return result.hidden;
}

describe('protection against an audit of everything published', () => {
  it('leaves no sensitive cell narrower than the rule in generated tables', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(areaTable(''), { minLength: 1, maxLength: 2 }), async (tables) => {
        const named = tables.map((t, k) => ({ ...t, name: `t${k}/` }));
        await protectedWell(releaseProblem(named, DEFAULT_LEVELS));
      }),
      { seed: 9, numRuns: 80 },
    );
  });

  it('keeps protection across a late report and a correction between two releases', async () => {
    await fc.assert(
      fc.asyncProperty(twoReleases('t/'), async ({ earlier, current }) => {
        const first = releaseProblem([earlier], DEFAULT_LEVELS);
        const firstHidden = await protectedWell(first);
        await protectedWell(withEarlierRelease(first, firstHidden, releaseProblem([current], DEFAULT_LEVELS)));
      }),
      { seed: 99, numRuns: 50 },
    );
  });

  it('gives the same ranges whether the attacker takes figures as whole numbers or not', async () => {
    // The LP audit is the standard; for sums of counts it equals the integer (MIP) audit.
    await fc.assert(
      fc.asyncProperty(twoReleases('t/'), async ({ earlier, current }) => {
        const first = releaseProblem([earlier], DEFAULT_LEVELS);
        const problem = withEarlierRelease(first, (await protect(first)).hidden, releaseProblem([current], DEFAULT_LEVELS));
        const primary = problem.variables.filter((v) => v.sensitive || v.fixed === 'hidden').map((v) => v.id);
        const lp = await audit(problem, primary);
        const mip = await audit(problem, primary, { integer: true });
        const whole = lp.ranges.map((r) => ({ id: r.id, min: Math.ceil(r.min - 1e-6) + 0, max: Math.floor(r.max + 1e-6) }));
        expect(mip.ranges).toEqual(whole);
      }),
      { seed: 5, numRuns: 8 },
    );
  });

  it('finds recomputable cells when only the sensitive cells are hidden', async () => {
    // The audit is not vacuous: primary suppression alone fails on most generated tables.
    let failing = 0;
    await fc.assert(
      fc.asyncProperty(areaTable('t/'), async (table) => {
        const problem = releaseProblem([table], DEFAULT_LEVELS);
        const primary = problem.variables.filter((v) => v.sensitive).map((v) => v.id);
        if ((await audit(problem, primary)).violations.length > 0) failing += 1;
      }),
      { seed: 7, numRuns: 40 },
    );
    expect(failing).toBeGreaterThan(20);
  });
});
