import { describe, expect, it } from 'vitest';
import { createCalendarApp } from '../../functions/calendar/app.js';
import type { CalendarOptions } from '../../functions/calendar/context.js';
import { FsStore } from '../../functions/core/store/fs-store.js';
import { tempDir, testKit } from '../support/deps.js';
import { CountingStore, type CallCounts } from '../support/counting-store.js';
import { NOW } from './helpers.js';
import { PUBLIC_READS } from './public-reads.js';
import { seedCalendar } from './seed.js';

const READS = PUBLIC_READS;

const NONE: CallCounts = { get: 0, put: 0, list: 0, delete: 0 };
const ONE_GET: CallCounts = { ...NONE, get: 1 };
/** The pages of one training also read its ledger for the seats: cold the collection and the ledger. */
const ONE_TRAINING = new Set(['/utbildningar/seed-3', '/api/calendar/events/seed-3']);

async function seeded(n: number) {
  const kit = await testKit({ area: 'ostergotland', now: NOW, store: new FsStore(await tempDir('cal-cost-')) });
  await seedCalendar(kit.deps, n);
  const store = new CountingStore(kit.deps.store);
  const app = (options: CalendarOptions = { collectionWindowMs: 0 }) => createCalendarApp({ ...kit.deps, store }, options);
  return { store, app };
}

/** Calls per public read, cold (a fresh instance) and warm (its second request), at one data size. */
async function publicReads(n: number) {
  const { store, app } = await seeded(n);
  const out: Record<string, { cold: CallCounts; warm: CallCounts; window: CallCounts }> = {};
  for (const path of READS) {
    const fresh = app();
    store.take();
    expect((await fresh.request(path)).status, path).toBe(200);
    const cold = store.take();
    expect((await fresh.request(path)).status, path).toBe(200);
    const warm = store.take();
    const windowed = app({ collectionWindowMs: 60_000 });
    await windowed.request(path);
    store.take();
    await windowed.request(path);
    out[path] = { cold, warm, window: store.take() };
  }
  return out;
}

/** Calls of a registration and of a cancellation on a cold instance. */
async function writes(n: number) {
  const { store, app } = await seeded(n);
  const post = app().request('/api/calendar/events/seed-3/registrations', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Bo Berg', email: 'bo@ydre.se', org: '0512' }),
  });
  store.take();
  expect((await post).status).toBe(201);
  const register = store.take();
  expect((await app().request('/api/calendar/events/seed-3/registrations/token-seed-3', { method: 'DELETE' })).status).toBe(200);
  return { register, cancel: store.take() };
}

describe('storage calls per request do not grow with the number of trainings', () => {
  it('every public read: one GET cold (two for one training), one conditional GET warm, none inside the cache window; the same at 10 and 1,000 trainings', async () => {
    const small = await publicReads(10);
    const large = await publicReads(1000);
    expect(large).toEqual(small);
    expect(Object.keys(small)).toHaveLength(READS.length);
    for (const path of READS) {
      expect(small[path]!.cold, path).toEqual(ONE_TRAINING.has(path) ? { ...NONE, get: 2 } : ONE_GET);
      expect(small[path]!.warm, path).toEqual(ONE_GET);
      expect(small[path]!.window, path).toEqual(NONE);
    }
  }, 120_000);

  it('a registration and a cancellation make one conditional write each, the same few calls at 10 and 1,000 trainings, no listing and no purge', async () => {
    const small = await writes(10);
    const large = await writes(1000);
    expect(large).toEqual(small);
    // The collection (cold: which training) and the ledger's read-modify-write: one conditional write.
    // (Before the counts were derived off the request: 3 GET and 2 PUT; a cancellation 4 GET and 2 PUT.)
    expect(small.register).toEqual({ get: 2, put: 1, list: 0, delete: 0 });
    expect(small.cancel).toEqual({ get: 2, put: 1, list: 0, delete: 0 });
  }, 120_000);
});
