import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { audit, DEFAULT_LEVELS, protect } from '../../../functions/core/disclosure/index.js';
import { releaseProblem } from './area.js';
import { areaTable } from './arbitraries.js';

describe('exact protection (one MILP per group)', () => {
  it('finds the cheaper pattern where one cell at a time goes wrong', async () => {
    // Moving the 3s up is cheapest through the zeros of o0 and the totals; moving them down then
    // needs o1's total too. Jointly, hiding the 5s (both directions at once) costs less.
    const problem = releaseProblem(
      [
        {
          name: 't/',
          dims: [2],
          orgs: [
            { total: 0, breakdown: [[0, 0]] },
            { total: 8, breakdown: [[3, 5]] },
          ],
        },
      ],
      DEFAULT_LEVELS,
    );
    const guided = await protect(problem);
    const exact = await protect(problem, { exact: true });
    expect([...exact.hidden].sort()).toEqual(['t/area/d0c0', 't/area/d0c1', 't/o1/d0c0', 't/o1/d0c1']);
    expect(exact.informationLoss).toBeLessThan(guided.informationLoss);
    expect((await audit(problem, exact.hidden)).violations).toEqual([]);
  });

  it('is never worse than the LP-guided search and always passes the audit', async () => {
    await fc.assert(
      fc.asyncProperty(areaTable('t/'), async (table) => {
        const problem = releaseProblem([table], DEFAULT_LEVELS);
        const guided = await protect(problem);
        const exact = await protect(problem, { exact: { timeMs: 300 } });
        expect(exact.informationLoss).toBeLessThanOrEqual(guided.informationLoss + 1e-9);
        expect((await audit(problem, exact.hidden)).violations).toEqual([]);
      }),
      { seed: 11, numRuns: 6 },
    );
  });
});
