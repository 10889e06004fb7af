import { describe, expect, it } from 'vitest';
import { createCalendarApp } from '../../functions/calendar/app.js';
import { createCalendarContext } from '../../functions/calendar/context.js';
import { PUBLIC_ATTENDANCE_KEY } from '../../functions/calendar/data/attendance.js';
import { COLLECTION_KEY } from '../../functions/calendar/data/collection.js';
import { ledgerKey } from '../../functions/calendar/data/ledger-counts.js';
import { runHousekeeping } from '../../functions/calendar/housekeeping.js';
import type { Ledger } from '../../functions/calendar/model/ledger.js';
import { silentLogger } from '../../functions/core/log.js';
import { getJson } from '../../functions/core/store/json.js';
import { StoreUnavailableError, type PutOptions, type Store } from '../../functions/core/store/store.js';
import { calendarKit } from './helpers.js';

/** A store that records every write with its condition, and refuses writes to `refuse` keys. */
function recording(inner: Store, refuse: (key: string) => boolean = () => false) {
  const puts: { key: string; options: PutOptions | undefined }[] = [];
  const store: Store = {
    get: (k, o) => inner.get(k, o),
    list: (p, o) => inner.list(p, o),
    delete: (k) => inner.delete(k),
    put: (k, b, o) => {
      puts.push({ key: k, options: o });
      return refuse(k) ? Promise.reject(new StoreUnavailableError(`refused ${k}`)) : inner.put(k, b, o);
    },
  };
  return { store, puts };
}

const conditional = (o: PutOptions | undefined) => Boolean(o?.ifMatch || o?.ifNoneMatch === '*');

describe('a registration writes only its ledger; the counts are derived', () => {
  it('two registrations for the last seat on two instances: exactly one gets it, nothing lost, only the ledger written', async () => {
    const k = await calendarKit();
    const { id } = await k.create({ capacity: 1 });
    const { store, puts } = recording(k.kit.deps.store);
    const [a, b] = [createCalendarApp({ ...k.kit.deps, store }), createCalendarApp({ ...k.kit.deps, store })];
    const answers = await Promise.all(
      [a, b].map(async (app, n) => {
        const res = await app.request(`/api/calendar/events/${id}/registrations`, {
          method: 'POST',
          ...k.json({ name: `Person ${n}`, email: `p${n}@ydre.se`, org: '0512' }),
        });
        expect(res.status).toBe(201);
        return ((await res.json()) as { status: string }).status;
      }),
    );
    expect(answers.sort()).toEqual(['confirmed', 'waitlisted']);
    const ledger = (await getJson<Ledger>(k.kit.deps.store, ledgerKey(id)))!.value;
    expect(ledger.entries.map((e) => e.status).sort()).toEqual(['confirmed', 'waitlisted']);
    expect(ledger.rev).toBe(2);
    // every write of the two requests is the ledger's, conditional (a losing writer re-reads and retries)
    expect(puts.length).toBeGreaterThanOrEqual(2);
    for (const p of puts) expect([p.key, conditional(p.options)]).toEqual([ledgerKey(id), true]);

    // the next reader, on a third instance, sees the seats from the ledger at once
    const third = createCalendarApp(k.kit.deps, { collectionWindowMs: 0 });
    const view = (await (await third.request(`/api/calendar/events/${id}`)).json()) as {
      confirmed: number;
      waitlisted: number;
      seatsLeft: number;
    };
    expect([view.confirmed, view.waitlisted, view.seatsLeft]).toEqual([1, 1, 0]);
    const page = await (await third.request(`/utbildningar/${id}`)).text();
    expect(page).toMatch(/Fullbokad|väntelista/i);

    // the collection (lists, year view) and the public attendance file learn them from the schedule
    const before = (await getJson<{ summaries: Record<string, { confirmed: number }> }>(k.kit.deps.store, COLLECTION_KEY))!.value;
    expect(before.summaries[id]!.confirmed).toBe(0);
    const report = await runHousekeeping(createCalendarContext(k.kit.deps));
    expect(report).toMatchObject({ counted: 1, attendancePublished: true });
    const list = (await (await third.request('/api/calendar/events')).json()) as {
      items: { id: string; confirmed: number; waitlisted: number }[];
    };
    expect(list.items.find((e) => e.id === id)).toMatchObject({ confirmed: 1, waitlisted: 1 });
    expect((await getJson<{ count: number }[]>(k.kit.deps.store, PUBLIC_ATTENDANCE_KEY))!.value).toMatchObject([{ count: 1 }]);
    // a second run finds nothing new
    expect((await runHousekeeping(createCalendarContext(k.kit.deps))).counted).toBe(0);
  });

  it('a cancellation writes only the ledger and the first on the waiting list takes the seat', async () => {
    const k = await calendarKit();
    const { id } = await k.create({ capacity: 1 });
    const first = (await (await k.registerApi(id, { name: 'A', email: 'a@ydre.se' })).json()) as { cancelToken: string };
    expect((await k.registerApi(id, { name: 'B', email: 'b@ydre.se' })).status).toBe(201);
    const { store, puts } = recording(k.kit.deps.store);
    const other = createCalendarApp({ ...k.kit.deps, store }, { collectionWindowMs: 0 });
    const res = await other.request(`/api/calendar/events/${id}/registrations/${first.cancelToken}`, { method: 'DELETE' });
    expect(await res.json()).toEqual({ status: 'cancelled', promoted: 1 });
    expect(puts.map((p) => [p.key, conditional(p.options)])).toEqual([[ledgerKey(id), true]]);
    const view = (await (await k.app.request(`/api/calendar/events/${id}`)).json()) as { confirmed: number; waitlisted: number };
    expect([view.confirmed, view.waitlisted]).toEqual([1, 0]);
    // a link to a training nobody registered for: 404, nothing written
    const { id: empty } = await k.create();
    puts.length = 0;
    expect((await other.request(`/api/calendar/events/${empty}/registrations/nope`, { method: 'DELETE' })).status).toBe(404);
    expect(puts).toEqual([]);
  });

  it('a scheduled run that fails half-way deletes no ledger whose counts are not kept; the next run finishes', async () => {
    const k = await calendarKit();
    const { id } = await k.create();
    expect((await k.registerApi(id, { name: 'A', email: 'a@ydre.se' })).status).toBe(201);
    // months later the registrations are past retention; the collection cannot be written this run
    const later = await calendarKit({ now: '2026-06-20T10:00:00+02:00', store: k.kit.deps.store });
    const { store } = recording(k.kit.deps.store, (key) => key === COLLECTION_KEY);
    const deps = { ...later.kit.deps, store, log: silentLogger };
    await expect(runHousekeeping(createCalendarContext(deps))).rejects.toThrow(/counts, purge/);
    expect(await getJson(k.kit.deps.store, ledgerKey(id))).toBeDefined();
    const report = await runHousekeeping(createCalendarContext(later.kit.deps));
    expect(report).toMatchObject({ counted: 1, purged: 1 });
    expect(await getJson(k.kit.deps.store, ledgerKey(id))).toBeUndefined();
    expect((await runHousekeeping(createCalendarContext(later.kit.deps))).purged).toBe(0);
    const view = (await (await later.app.request(`/api/calendar/events/${id}`)).json()) as { confirmed: number };
    expect(view.confirmed).toBe(1);
  });
});
