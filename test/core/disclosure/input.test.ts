import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  audit,
  checkLevels,
  DEFAULT_LEVELS,
  defaultCost,
  DisclosureInputError,
  MINIMUM_LEVEL,
  protect,
  type DisclosureProblem,
} from '../../../functions/core/disclosure/index.js';
import { releaseProblem } from './area.js';
import { areaTable } from './arbitraries.js';
import { fixtures } from './fixtures.js';

describe('protection levels', () => {
  it('accepts the default and the documented minimum', () => {
    expect(checkLevels(DEFAULT_LEVELS)).toEqual({ lower: 3, upper: 3 });
    expect(checkLevels({ lower: MINIMUM_LEVEL, upper: MINIMUM_LEVEL })).toEqual({ lower: 1, upper: 1 });
  });

  it('refuses any level below the minimum or not a finite number, naming the side in Swedish and English', () => {
    const bad = fc.oneof(fc.double({ max: MINIMUM_LEVEL, maxExcluded: true }), fc.constant(Number.POSITIVE_INFINITY));
    fc.assert(
      fc.property(bad, fc.constantFrom('lower', 'upper'), (value, side) => {
        const levels = { ...DEFAULT_LEVELS, [side]: value };
        expect(() => checkLevels(levels)).toThrow(DisclosureInputError);
        try {
          checkLevels(levels);
        } catch (error) {
          expect(error).toMatchObject({
            field: side,
            sv: expect.stringContaining('Skyddsnivån'),
            message: expect.stringContaining('protection level'),
          });
        }
      }),
      { seed: 1, numRuns: 100 },
    );
  });
});

describe('information loss', () => {
  it('costs at least 1 per hidden cell and grows slowly with the value', () => {
    expect(defaultCost(0)).toBe(1);
    expect(defaultCost(1)).toBeLessThan(defaultCost(100));
    expect(defaultCost(1000)).toBeLessThan(10);
  });
});

describe('bad problems', () => {
  const refuse = async (problem: DisclosureProblem, field: string) => {
    await expect(protect(problem)).rejects.toMatchObject({ name: 'DisclosureInputError', field });
    await expect(audit(problem, [])).rejects.toMatchObject({ name: 'DisclosureInputError', field });
  };

  it('refuses a duplicate id', async () => {
    await refuse({ ...fixtures.partner, variables: [...fixtures.partner.variables, { id: 'T', value: 6 }] }, 'variables[3].id');
  });

  it('refuses an equation over an unknown variable', async () => {
    await refuse({ ...fixtures.partner, equations: [{ terms: [{ id: 'X', coef: 1 }] }] }, 'equations[0].terms[0].id');
  });

  it('refuses a value outside its own bounds, and a negative cost', async () => {
    await refuse({ ...fixtures.partner, variables: [{ id: 'T', value: 6, upper: 5 }], equations: [] }, 'variables[0].value');
    await refuse({ ...fixtures.partner, variables: [{ id: 'T', value: 6, cost: -1 }], equations: [] }, 'variables[0].cost');
  });

  it('refuses any generated table once one of its sums is off by a person', async () => {
    await fc.assert(
      fc.asyncProperty(areaTable('t/'), fc.nat(), fc.constantFrom(-1, 1), async (table, pick, delta) => {
        const problem = releaseProblem([table], DEFAULT_LEVELS);
        const at = pick % problem.equations.length;
        const equations = problem.equations.map((eq, k) => (k === at ? { ...eq, constant: (eq.constant ?? 0) + delta } : eq));
        await expect(audit({ ...problem, equations }, [])).rejects.toMatchObject({ field: `equations[${at}]` });
      }),
      { seed: 3, numRuns: 50 },
    );
  });
});
