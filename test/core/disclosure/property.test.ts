import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { audit, DEFAULT_LEVELS, protect, type DisclosureProblem } from '../../../functions/core/disclosure/index.js';
import { releaseProblem, revisionProblem } from './area.js';
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
      { seed: 9, numRuns: 120 },
    );
  });

  it('keeps protection across a late report and a correction between two releases', async () => {
    await fc.assert(
      fc.asyncProperty(twoReleases('t/'), async ({ earlier, current }) => {
        const first = releaseProblem([earlier], DEFAULT_LEVELS);
        const firstHidden = await protectedWell(first);
        await protectedWell(revisionProblem(first, firstHidden, releaseProblem([current], DEFAULT_LEVELS)));
      }),
      { seed: 99, numRuns: 80 },
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
