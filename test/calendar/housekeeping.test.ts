import { describe, expect, it } from 'vitest';
import { runHousekeeping } from '../../functions/calendar/housekeeping.js';
import { startLocalSchedule } from '../../functions/local-schedule.js';
import { createCalendarContext } from '../../functions/calendar/context.js';
import { PUBLIC_ATTENDANCE_KEY } from '../../functions/calendar/data/attendance.js';
import type { Logger } from '../../functions/core/log.js';
import { getJson } from '../../functions/core/store/json.js';
import type { Store } from '../../functions/core/store/store.js';
import { calendarKit } from './helpers.js';

describe('the scheduled housekeeping', () => {
  it('runs locally on a timer (npm start), outside any request', async () => {
    const { kit, create, registerApi } = await calendarKit();
    const { id } = await create();
    await registerApi(id, { name: 'A', email: 'a@ydre.se' });
    const stop = startLocalSchedule(kit.deps);
    try {
      for (let i = 0; i < 100 && !(await getJson(kit.deps.store, PUBLIC_ATTENDANCE_KEY)); i++) await new Promise((r) => setTimeout(r, 20));
    } finally {
      stop();
    }
    expect((await getJson<unknown[]>(kit.deps.store, PUBLIC_ATTENDANCE_KEY))?.value).toHaveLength(1);
  });

  it('runs every step when one fails, logs which, and fails so the schedule retries; the next run finishes', async () => {
    const { kit, create, registerApi } = await calendarKit();
    const { id } = await create();
    await registerApi(id, { name: 'A', email: 'a@ydre.se' });
    let broken = true;
    const inner = kit.deps.store;
    // The listing of ledgers fails once: the purge step fails, the attendance file is still written.
    const store: Store = {
      get: (k, o) => inner.get(k, o),
      put: (k, b, o) => inner.put(k, b, o),
      delete: (k) => inner.delete(k),
      list: (p, o) => (broken && p === 'calendar/registrations/' ? Promise.reject(new Error('down')) : inner.list(p, o)),
    };
    const lines: string[] = [];
    const log: Logger = { info: (m) => lines.push(m), warn: (m) => lines.push(m), error: (m, f) => lines.push(`${m} ${f?.step}`) };
    await expect(runHousekeeping(createCalendarContext({ ...kit.deps, store, log }))).rejects.toThrow(/purge/);
    expect(lines).toContain('calendar housekeeping step failed purge');
    expect(await getJson(inner, PUBLIC_ATTENDANCE_KEY)).toBeDefined();
    broken = false;
    await expect(runHousekeeping(createCalendarContext({ ...kit.deps, store, log }))).resolves.toMatchObject({ purged: 0 });
  });
});
