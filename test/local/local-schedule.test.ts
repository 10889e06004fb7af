import { describe, expect, it, vi } from 'vitest';
import { createCalendarApp } from '../../functions/calendar/app.js';
import { LEDGER_PREFIX } from '../../functions/calendar/data/counts-sync.js';
import type { Logger } from '../../functions/core/log.js';
import { getJson } from '../../functions/core/store/json.js';
import type { Store } from '../../functions/core/store/store.js';
import { SUMMARY_KEY } from '../../functions/feedback/summary/snapshot.js';
import { OBJECT_TASKS, runHousekeeping, SCHEDULED_TASKS, withObjectNotifications } from '../../functions/local-schedule.js';
import { calendarKit } from '../calendar/helpers.js';
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

describe('the local object-created notifications of npm start', () => {
  it('fold a registration into the lists shortly after the response, not inside it', async () => {
    const k = await calendarKit();
    expect(OBJECT_TASKS.map((t) => [t.service, t.prefix])).toEqual([['calendar', LEDGER_PREFIX]]);
    const { id } = await k.create({ capacity: 4 });
    const deps = withObjectNotifications(k.kit.deps, 10);
    const app = createCalendarApp(deps);
    const other = createCalendarApp(k.kit.deps, { collectionWindowMs: 0 });
    const seatsLeft = async () => /(\d+) lediga platser/.exec(await (await other.request('/utbildningar')).text())?.[1];
    const res = await app.request(`/api/calendar/events/${id}/registrations`, {
      method: 'POST',
      ...k.json({ name: 'A', email: 'a@ydre.se', org: '0512' }),
    });
    expect(res.status).toBe(201);
    // answered before the fold: the list still shows the old count
    expect(await seatsLeft()).toBe('4');
    await vi.waitFor(async () => expect(await seatsLeft()).toBe('3'));
  });

  it('log a failing fold instead of throwing it anywhere', async () => {
    const k = await calendarKit();
    const errors: string[] = [];
    const log: Logger = { info: () => undefined, warn: () => undefined, error: (m, f) => void errors.push(`${m} ${String(f?.service)}`) };
    const failingReads: Store = {
      ...k.kit.deps.store,
      get: () => Promise.reject(new Error('disk gone')),
      put: (key, body, o) => k.kit.deps.store.put(key, body, o),
    };
    const deps = withObjectNotifications({ ...k.kit.deps, store: failingReads, log }, 10);
    await deps.store.put(`${LEDGER_PREFIX}x.json`, '{}');
    await vi.waitFor(() => expect(errors).toEqual(['object task failed calendar']));
  });
});
