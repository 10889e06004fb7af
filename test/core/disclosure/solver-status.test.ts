import { describe, expect, it } from 'vitest';
import { audit, DEFAULT_LEVELS, protect } from '../../../functions/core/disclosure/index.js';
import { releaseProblem } from './area.js';

describe('solver trouble', () => {
  it('audits a table on which a hot-started simplex once ended with status "unknown"', async () => {
    // Found by the property test (seed 9): the audit LP after a cost change ended undecided.
    const problem = releaseProblem(
      [
        {
          name: '',
          dims: [2, 3],
          orgs: [
            {
              total: 5,
              breakdown: [
                [3, 2],
                [1, 2, 2],
              ],
            },
            undefined,
            {
              total: 5,
              breakdown: [
                [0, 5],
                [1, 1, 3],
              ],
            },
          ],
        },
      ],
      DEFAULT_LEVELS,
    );
    const result = await protect(problem);
    expect((await audit(problem, result.hidden)).violations).toEqual([]);
  });
});
