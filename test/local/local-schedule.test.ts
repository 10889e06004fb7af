import { describe, expect, it } from 'vitest';
import type { Logger } from '../../functions/core/log.js';
import { getJson } from '../../functions/core/store/json.js';
import type { Store } from '../../functions/core/store/store.js';
import { SUMMARY_KEY } from '../../functions/feedback/summary/snapshot.js';
import { runHousekeeping, SCHEDULED_TASKS } from '../../functions/local-schedule.js';
import { testKit } from '../support/deps.js';

describe('the local schedule of npm start', () => {
  it('runs the same housekeeping as the EventBridge rules: the feedback snapshot is built', async () => {
    const kit = await testKit({ area: 'sjuharad' });
    expect(Object.keys(SCHEDULED_TASKS)).toEqual(['calendar', 'feedback', 'indicators']);
    await runHousekeeping(kit.deps);
    expect((await getJson(kit.deps.store, SUMMARY_KEY))?.value).toMatchObject({ version: 1, quotes: [] });
    expect(await getJson(kit.deps.store, 'feedback/public/counts.json')).toMatchObject({ value: [] });
  });

  it('logs a failing task and goes on with the next, never throwing', async () => {
    const kit = await testKit({ area: 'sjuharad' });
    const errors: string[] = [];
    const log: Logger = { info: () => undefined, warn: () => undefined, error: (m, f) => void errors.push(`${m} ${String(f?.service)}`) };
    const failing: Store = {
      get: () => Promise.reject(new Error('disk gone')),
      put: () => Promise.reject(new Error('disk gone')),
      list: () => Promise.reject(new Error('disk gone')),
      delete: () => Promise.reject(new Error('disk gone')),
    };
    await expect(runHousekeeping({ ...kit.deps, store: failing, log })).resolves.toBeUndefined();
    expect(errors).toContain('housekeeping failed feedback');
  });
});
