import { describe, expect, it } from 'vitest';
import { audit, DEFAULT_LEVELS, protect, withEarlierRelease, type DisclosureProblem } from '../../../functions/core/disclosure/index.js';
import { cells, sum } from './build.js';

const levels = DEFAULT_LEVELS;

describe('withEarlierRelease', () => {
  const first: DisclosureProblem = { variables: cells({ A: 20, B: 15, area: 35 }), equations: [sum('area', ['A', 'B'])], levels };
  const late: DisclosureProblem = { variables: cells({ A: 20, B: 15, C: 2, area: 37 }), equations: [sum('area', ['A', 'B', 'C'])], levels };

  it('keeps unchanged shown figures as one published variable and the changed ones apart', () => {
    const problem = withEarlierRelease(first, new Set(), late);
    expect(problem.variables.map((v) => [v.id, v.value, v.fixed])).toEqual([
      ['A', 20, 'published'],
      ['B', 15, 'published'],
      ['C', 2, undefined],
      ['area', 37, undefined],
      ['earlier:area', 35, 'published'],
    ]);
    expect(problem.equations.at(-1)).toEqual(sum('earlier:area', ['A', 'B']));
  });

  it('lets protection see that the difference of two area totals is the late report', async () => {
    const problem = withEarlierRelease(first, new Set(), late);
    expect((await audit(problem, ['C'])).violations.map((v) => v.id)).toEqual(['C']);
    const result = await protect(problem);
    expect((await audit(problem, result.hidden)).violations).toEqual([]);
    // Alone, the new release would look safe with only C and one partner hidden.
    expect((await audit(late, ['C', 'area'])).violations).toEqual([]);
  });

  it('keeps an earlier hidden small count protected after a correction', async () => {
    const before: DisclosureProblem = { variables: cells({ T: 6, K: 1, M: 5 }), equations: [sum('T', ['K', 'M'])], levels };
    const after: DisclosureProblem = { variables: cells({ T: 7, K: 2, M: 5 }), equations: [sum('T', ['K', 'M'])], levels };
    const problem = withEarlierRelease(before, new Set(['K', 'M']), after);
    expect(problem.variables.find((v) => v.id === 'earlier:K')).toMatchObject({ fixed: 'hidden', sensitive: true });
    const result = await protect(problem);
    expect(result.hidden.has('earlier:K')).toBe(true);
    // M is unchanged and was hidden, so showing it now would give K (= T − M) in both releases.
    expect(result.hidden.has('M')).toBe(true);
    expect((await audit(problem, result.hidden)).violations).toEqual([]);
  });
});
