import { describe, expect, it } from 'vitest';
import { measureScenario, STORAGE_SCENARIOS, type RouteCost, type StorageScenario } from '../support/storage-cost.js';

const total = (c: RouteCost['cold']) => c.get + c.put + c.list + c.delete;

/** Measure a service at two sizes and check the bounds; the counts must not grow with the data. */
async function bounded(make: (size: number) => Promise<StorageScenario>, small: number, large: number) {
  const [a, b] = [await measureScenario(await make(small)), await measureScenario(await make(large))];
  for (const cost of [...a, ...b].filter((r) => !r.write)) {
    expect.soft(cost.status, cost.route).toBeLessThan(400);
    expect.soft(total(cost.cold), `${cost.route} cold`).toBeLessThanOrEqual(3);
    expect.soft(total(cost.warm), `${cost.route} warm`).toBeLessThanOrEqual(1);
    expect.soft(cost.cold.put + cost.cold.delete + cost.warm.put + cost.warm.delete, `${cost.route} writes`).toBe(0);
  }
  expect(b.map((r) => [r.route, r.cold, r.warm])).toEqual(a.map((r) => [r.route, r.cold, r.warm]));
  return a;
}

describe('storage calls of public requests do not grow with the data', () => {
  it('feedback: every public GET at most 3 calls cold and 1 warm; a submission writes create-only objects only', async () => {
    const costs = await bounded(STORAGE_SCENARIOS.feedback, 20, 200);
    const send = costs.find((r) => r.write);
    expect(send?.status).toBe(303);
    // rate-limit LIST and mark, used-token mark, the submission: never a read of other submissions
    expect(send?.cold).toEqual({ get: 0, put: 3, list: 1, delete: 0 });
  }, 60_000);

  it('directory: every public GET at most 3 calls cold and 1 warm', async () => {
    await bounded(STORAGE_SCENARIOS.directory, 50, 500);
  }, 60_000);

  it('calendar: every public GET at most 3 calls cold and 1 warm; a registration or a cancellation one conditional write', async () => {
    const costs = await bounded(STORAGE_SCENARIOS.calendar, 100, 1000);
    const writes = costs.filter((r) => r.write);
    expect(writes.map((w) => w.status)).toEqual([201, 200]);
    // which training (the collection) and the ledger's read-modify-write: never a second object written
    for (const w of writes) expect(w.cold, w.route).toEqual({ get: 2, put: 1, list: 0, delete: 0 });
  }, 120_000);

  it('indicators: every public GET at most 3 calls cold and 1 warm', async () => {
    await bounded(STORAGE_SCENARIOS.indicators, 1, 4);
  }, 60_000);
});
