import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCalendarApp } from '../../functions/calendar/app.js';
import { calendarHousekeeping } from '../../functions/calendar/housekeeping.js';
import { COLLECTION_KEY, type Collection } from '../../functions/calendar/data/collection.js';
import type { Logger } from '../../functions/core/log.js';
import { getJson } from '../../functions/core/store/json.js';
import { S3Store } from '../../functions/core/store/s3-store.js';
import { requireMotoUnderCi, startMoto, type MotoServer } from '../support/moto.js';
import { testKit } from '../support/deps.js';
import { CountingStore } from '../support/counting-store.js';
import { calendarKit, NOW } from './helpers.js';
import { seedCalendar } from './seed.js';

/** A logger that keeps its lines. */
function capture(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (m) => lines.push(m), warn: (m) => lines.push(m), error: (m) => lines.push(m) };
}

async function withTrainings(count: number) {
  const kit = await calendarKit();
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push((await kit.create({ title: `Kurs ${i}` })).id);
  await kit.registerApi(ids[0]!, { name: 'A', email: 'a@ydre.se' });
  return { ...kit, ids };
}

const titles = async (res: Response) => ((await res.json()) as { items: { title: string; confirmed: number }[] }).items;

describe('the published collection', () => {
  it('is rebuilt from the trainings and their registrations when missing, with a log line, never a failed read', async () => {
    const { kit, ids } = await withTrainings(3);
    await kit.deps.store.delete(COLLECTION_KEY);
    const log = capture();
    const app = createCalendarApp({ ...kit.deps, log });
    const items = await titles(await app.request('/api/calendar/events'));
    expect(items.map((i) => i.title)).toEqual(['Kurs 0', 'Kurs 1', 'Kurs 2']);
    expect(items[0]!.confirmed).toBe(1);
    expect(log.lines).toContain('training collection missing, rebuilt');
    expect(Object.keys((await getJson<Collection>(kit.deps.store, COLLECTION_KEY))!.value.events).sort()).toEqual([...ids].sort());
  });

  it('is rebuilt when its object cannot be read as a collection (any bytes), and every public read still answers', async () => {
    const { kit } = await withTrainings(2);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.constantFrom('{"version":1}', '{"version":1,"events":{"x":{}},"summaries":{}}', '[]', 'null', '{'),
        ),
        async (body) => {
          await kit.deps.store.put(COLLECTION_KEY, body);
          const log = capture();
          const app = createCalendarApp({ ...kit.deps, log });
          for (const path of ['/utbildningar', '/utbildningar/kalender.ics', '/api/calendar/year?year=2026']) {
            expect((await app.request(path)).status, path).toBe(200);
          }
          expect((await titles(await app.request('/api/calendar/events'))).map((i) => i.title)).toEqual(['Kurs 0', 'Kurs 1']);
          expect(log.lines.some((l) => l.startsWith('training collection'))).toBe(true);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('loses no training when two instances write it at once', async () => {
    const { kit, create, json, editor } = await calendarKit();
    const second = createCalendarApp(kit.deps, { collectionWindowMs: 0 });
    await create({ title: 'Först' });
    await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        i % 2
          ? create({ title: `Kurs ${i}` })
          : second.request('/api/calendar/events', {
              method: 'POST',
              ...json({ title: `Kurs ${i}`, ...trainingBody() }, editor),
            }),
      ),
    );
    const published = (await getJson<Collection>(kit.deps.store, COLLECTION_KEY))!.value;
    expect(Object.keys(published.events)).toHaveLength(25);
    expect((await kit.deps.store.list('calendar/events/')).items).toHaveLength(25);
  });
});

function trainingBody() {
  return {
    topic: 'mi',
    organizer: '0512',
    start: '2026-03-10T09:00',
    end: '2026-03-10T16:00',
    location: { place: 'Kommunhuset' },
    capacity: 20,
    registrationDeadline: '2026-03-01T23:59',
  };
}

describe.runIf(requireMotoUnderCi())('on S3 (moto)', () => {
  let moto: MotoServer;
  beforeAll(async () => {
    moto = await startMoto();
  }, 60_000);
  afterAll(() => moto?.stop());

  it('a cold instance reads one object for a list, a feed or a page, at 10 and at 300 trainings', async () => {
    const counts: number[][] = [];
    for (const n of [10, 300]) {
      const kit = await testKit({
        area: 'ostergotland',
        now: NOW,
        store: new S3Store({ client: moto.objectClient(), bucket: await moto.createBucket() }),
      });
      await seedCalendar(kit.deps, n);
      const store = new CountingStore(kit.deps.store);
      const row: number[] = [];
      for (const path of [
        '/utbildningar',
        '/utbildningar/kalender.ics',
        '/utbildningar/seed-3',
        '/api/calendar/events',
        '/utbildningar/arshjul',
      ]) {
        const app = createCalendarApp({ ...kit.deps, store }, { collectionWindowMs: 0 });
        store.take();
        const res = await app.request(path);
        expect(res.status, path).toBe(200);
        row.push(store.total);
        // Warm: one conditional GET answered 304 by S3.
        store.take();
        expect((await app.request(path)).status).toBe(200);
        expect(store.take(), path).toEqual({ get: 1, put: 0, list: 0, delete: 0 });
      }
      counts.push(row);
    }
    // A training's page also reads its ledger for the seats (cold: the collection and the ledger).
    expect(counts).toEqual([
      [1, 1, 2, 1, 1],
      [1, 1, 2, 1, 1],
    ]);
  }, 120_000);
});

describe('moving from the summary index of earlier versions', () => {
  it('keeps the counts of trainings whose registrations were already purged', async () => {
    const { kit, create, registerApi } = await calendarKit();
    const { id } = await create();
    await registerApi(id, { name: 'A', email: 'a@ydre.se', org: '0513' });
    await calendarHousekeeping(kit.deps);
    const held = (await getJson<Collection>(kit.deps.store, COLLECTION_KEY))!.value;
    // An earlier version kept counts here; the ledger is gone after retention, the collection not written yet.
    await kit.deps.store.put('calendar/attendance/index.json', JSON.stringify(held.summaries));
    await kit.deps.store.delete(`calendar/registrations/${id}.json`);
    await kit.deps.store.delete(COLLECTION_KEY);
    const res = await createCalendarApp(kit.deps).request(`/api/calendar/events/${id}`);
    expect(await res.json()).toMatchObject({ confirmed: 1 });
    expect((await getJson<Collection>(kit.deps.store, COLLECTION_KEY))!.value.summaries[id]!.byOrg).toEqual({ '0513': 1 });
  });
});
