import { describe, expect, it } from 'vitest';
import { audit, DEFAULT_LEVELS, protect, type DisclosureProblem } from '../../../functions/core/disclosure/index.js';
import { cells, sum } from './build.js';
import { fixtures } from './fixtures.js';

const levels = DEFAULT_LEVELS;
const triple = (v: { id: string; min: number; max: number }) => [v.id, v.min, v.max];

describe('audit', () => {
  it('recomputes a hidden cell whose only partner is shown (T = K + M, K = 1)', async () => {
    const result = await audit(fixtures.partner, ['K']);
    expect(result.ranges).toEqual([{ id: 'K', min: 1, max: 1 }]);
    expect(result.violations).toEqual([{ id: 'K', min: 1, max: 1, value: 1 }]);
  });

  it('gives the range the equations allow once the partner is hidden too', async () => {
    const result = await audit(fixtures.partner, ['K', 'M']);
    expect(result.ranges.map(triple)).toEqual([
      ['K', 0, 6],
      ['M', 0, 6],
    ]);
    expect(result.violations).toEqual([]);
  });

  it('reports an unbounded maximum as Infinity', async () => {
    const result = await audit(fixtures.partner, ['T', 'K', 'M']);
    expect(result.ranges.find((r) => r.id === 'T')).toEqual({ id: 'T', min: 0, max: Infinity });
  });

  it('treats a variable fixed as published as known even when listed as hidden', async () => {
    const problem = { ...fixtures.partner, variables: cells({ T: 6, K: 1, M: 5 }, { M: { fixed: 'published' } }) };
    expect((await audit(problem, ['K', 'M'])).violations.map((v) => v.id)).toEqual(['K']);
  });

  it('finds a cell pinned by rows and columns together though each holds two hidden cells', async () => {
    const blocks = ['x00', 'x01', 'x10', 'x11', 'x22', 'x23', 'x32', 'x33'];
    expect((await audit(fixtures.bridge, [...blocks, 'x12'])).violations).toEqual([{ id: 'x12', min: 2, max: 2, value: 2 }]);
  });

  it('finds a cell pinned in a 2×2 table with margins once the fourth corner is shown', async () => {
    expect((await audit(fixtures.cycle, ['a', 'b', 'c'])).violations).toEqual([{ id: 'a', min: 2, max: 2, value: 2 }]);
    // Hiding the fourth corner opens the cycle a → b → d → c.
    expect((await audit(fixtures.cycle, ['a', 'b', 'c', 'd'])).violations).toEqual([]);
  });

  it('finds an organisation total given away by an incomplete breakdown', async () => {
    const result = await audit(fixtures.incomplete, ['AM', 'B', 'areaM', 'areaUnknown']);
    expect(result.violations.map(triple)).toEqual([
      ['AM', 4, 4],
      ['B', 3, 3],
      ['areaM', 4, 4],
      ['areaUnknown', 3, 3],
    ]);
  });

  it('recomputes a late report from two releases of the same period', async () => {
    expect((await audit(fixtures.lateReport, ['A', 'B', 'C'])).violations).toEqual([{ id: 'C', min: 2, max: 2, value: 2 }]);
  });

  it('refuses an unknown id', async () => {
    await expect(audit(fixtures.partner, ['X'])).rejects.toMatchObject({ field: 'hidden' });
  });

  it('refuses equations the true values break, naming the equation', async () => {
    const problem = { ...fixtures.partner, variables: cells({ T: 7, K: 1, M: 5 }) };
    await expect(audit(problem, ['K'])).rejects.toMatchObject({ field: 'equations[0]', sv: expect.stringContaining('stämmer inte') });
  });

  it('refuses protection levels below the minimum, naming the field', async () => {
    const problem = { ...fixtures.partner, levels: { lower: 0, upper: 3 } };
    await expect(audit(problem, ['K'])).rejects.toMatchObject({ field: 'levels.lower' });
  });
});

describe('protect', () => {
  const check = async (problem: DisclosureProblem) => {
    const result = await protect(problem);
    expect((await audit(problem, result.hidden)).violations).toEqual([]);
    return result;
  };
  const sorted = (set: ReadonlySet<string>) => [...set].sort();

  it('hides a partner for K = 1 in T = K + M', async () => {
    const result = await check(fixtures.partner);
    expect(sorted(result.hidden)).toEqual(['K', 'M']);
    expect(result.optimal).toBe(true);
  });

  it('does not take a zero as the only partner, since a zero cannot move down', async () => {
    const result = await check({ variables: cells({ T: 1001, K: 1, M: 0, L: 1000 }), equations: [sum('T', ['K', 'M', 'L'])], levels });
    expect(sorted(result.hidden)).toEqual(['K', 'L']);
  });

  it('drops a partner once other hidden cells carry its proof', async () => {
    // K down: the zero M (cost 1) is cheapest; K up then needs T; with T hidden, M is not needed.
    const result = await check({
      variables: cells({ T: 1, K: 1, M: 0 }, { T: { sensitive: false } }),
      equations: [sum('T', ['K', 'M'])],
      levels,
    });
    expect(sorted(result.hidden)).toEqual(['K', 'T']);
  });

  it('protects the cell between two blocks of a 4×4 table', async () => {
    const result = await check(fixtures.bridge);
    expect(result.hidden.has('x12')).toBe(true);
    expect(result.hidden.size).toBe(4);
  });

  it('closes the cycle across rows and columns', async () => {
    expect((await check(fixtures.cycle)).hidden.size).toBe(4);
  });

  it('protects an organisation total left without breakdown', async () => {
    await check(fixtures.incomplete);
  });

  it('protects a late report against the earlier release', async () => {
    expect((await check(fixtures.lateReport)).hidden.has('area2')).toBe(true);
  });

  it('never hides a variable fixed as published, and says when protection is impossible', async () => {
    const problem = {
      ...fixtures.partner,
      variables: cells({ T: 6, K: 1, M: 5 }, { T: { fixed: 'published' }, M: { fixed: 'published' } }),
    };
    const result = await protect(problem);
    expect([...result.hidden]).toEqual(['K']);
    expect(result.optimal).toBe(false);
    expect(result.log.join('\n')).toMatch(/omöjligt.*impossible/);
  });

  it('says protection is impossible when the public already knows a cell cannot reach the level', async () => {
    // b ≤ 3 is known a priori, so a hidden b = 2 can never look like 5; a and c are fine alone.
    const problem = { variables: cells({ a: 2, b: 2, c: 0 }, { b: { upper: 3 }, c: { sensitive: true } }), equations: [], levels };
    const result = await protect(problem);
    expect(sorted(result.hidden)).toEqual(['a', 'b', 'c']);
    expect(result.optimal).toBe(false);
    expect(result.log).toEqual([
      expect.stringMatching(/^Skyddet är omöjligt för b: intervallet \[0, 3\].* \/ Protection is impossible for b/),
    ]);
  });

  it('falls back to hiding the whole group when the budget runs out', async () => {
    let t = 0;
    const problem = { variables: cells({ T: 106, K: 1, M: 5, L: 100 }), equations: [sum('T', ['K', 'M', 'L'])], levels };
    const result = await protect(problem, { budgetMs: 10, now: () => (t += 100) });
    expect(sorted(result.hidden)).toEqual(['K', 'L', 'M', 'T']);
    expect(result.optimal).toBe(false);
    expect(result.log.join('\n')).toMatch(/Tidsgränsen.*time budget/);
    expect((await audit(problem, result.hidden)).violations).toEqual([]);
  });

  it('gives each group its own time, so one hard group does not cost the others their pattern', async () => {
    // A clock that ticks once per look: the small table needs a handful of looks, the big one
    // (40 sensitive cells, two directions each) more than its 50.
    let t = 0;
    const big = Object.fromEntries(Array.from({ length: 40 }, (_, k) => [`b${k}`, 1]));
    const problem = {
      variables: cells({ T: 6, K: 1, M: 5, B: 40, ...big }),
      equations: [sum('T', ['K', 'M']), sum('B', Object.keys(big))],
      levels,
    };
    const result = await protect(problem, { groupBudgetMs: 50, now: () => (t += 1) });
    expect(result.hidden.has('T')).toBe(false);
    expect(result.hidden.has('B')).toBe(true);
    expect(result.log).toEqual([expect.stringMatching(/^Tidsgränsen.*kring B.* \/ The time budget/)]);
    expect((await audit(problem, result.hidden)).violations).toEqual([]);
  });

  it('keeps must-hide cells hidden and counts the information lost', async () => {
    const result = await check({
      variables: cells({ T: 20, K: 10, M: 10 }, { K: { mustHide: true } }),
      equations: [sum('T', ['K', 'M'])],
      levels,
    });
    expect(sorted(result.hidden)).toEqual(['K']);
    expect(result.informationLoss).toBeCloseTo(1 + Math.log(11));
  });
});
