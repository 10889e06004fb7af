import { describe, expect, it, vi } from 'vitest';

const loads = vi.hoisted(() => ({ count: 0 }));
vi.mock('highs', async (importOriginal) => {
  loads.count += 1;
  const original = await importOriginal<{ default: unknown }>();
  return { default: original.default };
});

describe('the solver loads lazily', () => {
  it('is not loaded by importing the engine or using its helpers, only by the first audit', async () => {
    const engine = await import('../../../functions/core/disclosure/index.js');
    engine.checkLevels(engine.DEFAULT_LEVELS);
    engine.defaultCost(5);
    expect(loads.count).toBe(0);
    const problem = { variables: [{ id: 'a', value: 1, sensitive: true }], equations: [], levels: engine.DEFAULT_LEVELS };
    await engine.audit(problem, ['a']);
    await engine.protect(problem);
    expect(loads.count).toBe(1);
  });
});
