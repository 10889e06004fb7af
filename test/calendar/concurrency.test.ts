import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCalendarApp } from '../../functions/calendar/app.js';
import { createCalendarContext } from '../../functions/calendar/context.js';
import { runHousekeeping } from '../../functions/calendar/housekeeping.js';
import { S3Store } from '../../functions/core/store/s3-store.js';
import type { Store } from '../../functions/core/store/store.js';
import { requireMotoUnderCi, startMoto, type MotoServer } from '../support/moto.js';
import { calendarKit } from './helpers.js';

// Two app instances on one store stand for two Lambda containers: within each, registrations are
// group-committed; between them, only the conditional writes keep the seats right.
async function hundredForTwenty(store?: Store) {
  const { create, app, kit, editor, json } = await calendarKit({ store });
  const second = createCalendarApp(kit.deps);
  const { id } = await create({ capacity: 20 });
  const answers = await Promise.all(
    Array.from({ length: 100 }, async (_, n) => {
      const res = await (n % 2 ? second : app).request(`/api/calendar/events/${id}/registrations`, {
        method: 'POST',
        ...json({ name: `Person ${n}`, email: `p${n}@ydre.se`, org: '0512' }),
      });
      return { status: res.status, body: (await res.json()) as { status: string } };
    }),
  );
  expect(answers.filter((a) => a.status !== 201)).toEqual([]);
  const list = (await (await app.request(`/api/calendar/events/${id}/registrations`, { headers: { authorization: editor } })).json()) as {
    items: { status: string }[];
  };
  // A training's page reads its seats from the ledger: right at once, on either instance.
  const published = (await (await app.request(`/api/calendar/events/${id}`)).json()) as { confirmed: number; waitlisted: number };
  expect([published.confirmed, published.waitlisted]).toEqual([20, 80]);
  // The collection (lists) learns them from the scheduled housekeeping, on its own instance.
  await runHousekeeping(createCalendarContext(kit.deps));
  const listed = (await (await createCalendarApp(kit.deps).request('/api/calendar/events')).json()) as {
    items: { id: string; confirmed: number; waitlisted: number }[];
  };
  expect(listed.items.find((e) => e.id === id)).toMatchObject({ confirmed: 20, waitlisted: 80 });
  return { answered: answers.map((a) => a.body.status), stored: list.items.map((i) => i.status) };
}

const count = (list: string[], s: string) => list.filter((x) => x === s).length;

describe('never overbooked', () => {
  it('100 concurrent registrations for 20 seats on the filesystem store end with 20 confirmed and 80 waitlisted', async () => {
    const { answered, stored } = await hundredForTwenty();
    expect([count(answered, 'confirmed'), count(answered, 'waitlisted')]).toEqual([20, 80]);
    expect([count(stored, 'confirmed'), count(stored, 'waitlisted'), stored.length]).toEqual([20, 80, 100]);
  }, 60_000);

  describe.runIf(requireMotoUnderCi())('on S3 (moto)', () => {
    let moto: MotoServer;
    beforeAll(async () => {
      moto = await startMoto();
    }, 60_000);
    afterAll(() => moto?.stop());

    it('100 concurrent registrations for 20 seats end with 20 confirmed and 80 waitlisted', async () => {
      const store = new S3Store({ client: moto.objectClient(), bucket: await moto.createBucket() });
      const { answered, stored } = await hundredForTwenty(store);
      expect([count(answered, 'confirmed'), count(answered, 'waitlisted')]).toEqual([20, 80]);
      expect([count(stored, 'confirmed'), count(stored, 'waitlisted'), stored.length]).toEqual([20, 80, 100]);
    }, 120_000);
  });
});
