import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCalendarApp } from '../functions/calendar/app.js';
import { renderFeed } from '../functions/calendar/feed/ical.js';
import { createLocalIssuer } from '../functions/core/auth/local-issuer.js';
import { loadConfigFile } from '../functions/core/config/load.js';
import { fixedClock, type AppDeps } from '../functions/core/deps.js';
import { silentLogger } from '../functions/core/log.js';
import { FsStore } from '../functions/core/store/fs-store.js';
import type { Store } from '../functions/core/store/store.js';
import { CountingStore, type CallCounts } from '../test/support/counting-store.js';
import { PUBLIC_READS } from '../test/calendar/public-reads.js';
import { seedCalendar, trainings } from '../test/calendar/seed.js';
import { ms, summarize, timeRuns } from './stats.js';

const config = loadConfigFile(join('config', 'ostergotland.yaml'));
const NOW = '2026-02-10T10:00:00+01:00';

async function deps(store: Store): Promise<AppDeps> {
  const issuer = await createLocalIssuer({ now: () => new Date(NOW) });
  return { config, store, clock: fixedClock(NOW), auth: issuer.auth, log: silentLogger, publicOrigin: 'https://stod.example.se' };
}

async function withTemp<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'calendar-bench-'));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function feedBench(): Promise<void> {
  const list = trainings(config, 2000);
  const options = { name: 'Utbildningar', origin: 'https://stod.example.se' };
  const render = summarize(await timeRuns(() => renderFeed(config, list, options), 20));
  const cache = new Map<string, string>();
  renderFeed(config, list, options, cache);
  let k = 0;
  // One training changed since the last render: only its VEVENT is written again.
  const changed = summarize(
    await timeRuns(() => {
      const i = k++ % list.length;
      list[i] = { ...list[i]!, sequence: list[i]!.sequence + 1 };
      return renderFeed(config, list, options, cache);
    }, 30),
  );
  await withTemp(async (dir) => {
    const d = await deps(new FsStore(dir));
    await seedCalendar(d, 2000);
    // A fresh app per run: a cold instance reads the collection and renders.
    const cold = summarize(await timeRuns(async () => (await createCalendarApp(d).request('/utbildningar/kalender.ics')).text(), 10, 1));
    const app = createCalendarApp(d);
    const warm = summarize(await timeRuns(async () => (await app.request('/utbildningar/kalender.ics')).text(), 15));
    console.log(`feed of 2,000 trainings: render all median ${ms(render.median)}, p95 ${ms(render.p95)} (n=${render.n})`);
    console.log(
      `  render after one change, VEVENTs of a warm instance kept: median ${ms(changed.median)}, p95 ${ms(changed.p95)} (${(render.median / changed.median).toFixed(0)}× faster)`,
    );
    console.log(
      `  GET /utbildningar/kalender.ics, cold instance (read the collection + render): median ${ms(cold.median)}, p95 ${ms(cold.p95)}`,
    );
    console.log(
      `  GET /utbildningar/kalender.ics, warm instance, feed unchanged: median ${ms(warm.median)}, p95 ${ms(warm.p95)} (${(cold.median / warm.median).toFixed(1)}× faster than cold)`,
    );
  });
}

async function registrations(store: Store, trainings: number, total: number, clients: number, instances = 1) {
  const d = await deps(store);
  const apps = Array.from({ length: instances }, () => createCalendarApp(d));
  const issuer = await createLocalIssuer({ now: () => new Date(NOW) });
  const token = `Bearer ${await issuer.sign({ sub: 'bench', roles: ['admin'] })}`;
  const appWithToken = createCalendarApp({ ...d, auth: issuer.auth });
  const ids: string[] = [];
  for (let t = 0; t < trainings; t++) {
    const res = await appWithToken.request('/api/calendar/events', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: token },
      body: JSON.stringify({
        title: `T${t}`,
        topic: 'mi',
        organizer: '0512',
        start: '2026-03-10T09:00',
        end: '2026-03-10T16:00',
        location: { place: 'X' },
        capacity: Math.ceil(total / trainings / 2),
        registrationDeadline: '2026-03-01T12:00',
      }),
    });
    ids.push(((await res.json()) as { id: string }).id);
  }
  let next = 0;
  if (store instanceof CountingStore) store.take();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let n = next++; n < total; n = next++) {
        const res = await apps[c % instances]!.request(`/api/calendar/events/${ids[n % trainings]}/registrations`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ name: `P${n}`, email: `p${n}@ydre.se`, org: '0512' }),
        });
        if (res.status !== 201) throw new Error(`registration failed: ${res.status}`);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: total / seconds, requests: store instanceof CountingStore ? store.total / total : 0 };
}

async function registrationBench(): Promise<void> {
  const one = await withTemp((dir) => registrations(new FsStore(dir), 1, 1000, 50));
  const ten = await withTemp((dir) => registrations(new FsStore(dir), 10, 1000, 50));
  const two = await withTemp((dir) => registrations(new FsStore(dir), 1, 1000, 50, 2));
  console.log(`registrations per second, filesystem store, 50 concurrent clients, 1,000 registrations:`);
  console.log(
    `  one training: ${one.perSecond.toFixed(0)}/s; spread over 10 trainings: ${ten.perSecond.toFixed(0)}/s (${(ten.perSecond / one.perSecond).toFixed(2)}×)`,
  );
  console.log(
    `  one training, two app instances (two containers): ${two.perSecond.toFixed(0)}/s (${(two.perSecond / one.perSecond).toFixed(2)}× one instance)`,
  );
  const seq = await withTemp((dir) => registrations(new CountingStore(new FsStore(dir)), 1, 100, 1));
  const burst = await withTemp((dir) => registrations(new CountingStore(new FsStore(dir)), 1, 100, 50));
  const burst2 = await withTemp((dir) => registrations(new CountingStore(new FsStore(dir)), 1, 100, 50, 2));
  console.log(
    `store (S3) requests per registration: one at a time ${seq.requests.toFixed(1)}; 50 at once, one instance ${burst.requests.toFixed(1)}; 50 at once over two instances ${burst2.requests.toFixed(1)}`,
  );
}

/** One county's trainings, and ten times that. */
const SIZES = [300, 3000] as const;
/** Estimated S3 latency per call (milliseconds). */
const S3_LATENCY = { get: 15, put: 15, list: 30, delete: 15 };

const fmt = (c: CallCounts) =>
  [c.get && `${c.get} GET`, c.put && `${c.put} PUT`, c.list && `${c.list} LIST`, c.delete && `${c.delete} DEL`]
    .filter(Boolean)
    .join(' + ') || '0';

let person = 0;
const registration = (app: ReturnType<typeof createCalendarApp>) =>
  app.request('/api/calendar/events/seed-3/registrations', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Bo Berg', email: `bo-${++person}@ydre.se`, org: '0512' }),
  });

/** The requests measured: every public read, a registration and a cancellation. */
const REQUESTS: { label: string; send: (app: ReturnType<typeof createCalendarApp>) => Response | Promise<Response> }[] = [
  ...PUBLIC_READS.map((path) => ({ label: `GET ${path}`, send: (app: ReturnType<typeof createCalendarApp>) => app.request(path) })),
  { label: 'POST registration', send: registration },
];

/** Calls per request at one data size: cold (a fresh instance) and warm (its next request, cache window 0). */
async function callsAt(size: number): Promise<Map<string, { cold: CallCounts; warm: CallCounts }>> {
  return withTemp(async (dir) => {
    const d = await deps(new FsStore(dir));
    await seedCalendar(d, size);
    const store = new CountingStore(d.store);
    const out = new Map<string, { cold: CallCounts; warm: CallCounts }>();
    for (const r of REQUESTS) {
      const app = createCalendarApp({ ...d, store }, { collectionWindowMs: 0 });
      store.take();
      await (await r.send(app)).arrayBuffer();
      const cold = store.take();
      await (await r.send(app)).arrayBuffer();
      out.set(r.label, { cold, warm: store.take() });
    }
    const app = createCalendarApp({ ...d, store }, { collectionWindowMs: 0 });
    store.take();
    await app.request('/api/calendar/events/seed-6/registrations/token-seed-6', { method: 'DELETE' });
    const cancel = store.take();
    out.set('DELETE registration (cancel link)', { cold: cancel, warm: cancel });
    return out;
  });
}

/** Median response time per request with an S3-like latency per call, one county's data. */
async function latencyAt(size: number): Promise<Map<string, { cold: number; warm: number }>> {
  return withTemp(async (dir) => {
    const d = await deps(new FsStore(dir));
    await seedCalendar(d, size);
    const store = new CountingStore(d.store, { latencyMs: S3_LATENCY });
    const out = new Map<string, { cold: number; warm: number }>();
    for (const r of REQUESTS) {
      const cold = summarize(
        await timeRuns(async () => (await r.send(createCalendarApp({ ...d, store }, { collectionWindowMs: 0 }))).arrayBuffer(), 3, 0),
      );
      const app = createCalendarApp({ ...d, store }, { collectionWindowMs: 0 });
      const warm = summarize(await timeRuns(async () => (await r.send(app)).arrayBuffer(), 5, 1));
      out.set(r.label, { cold: cold.median, warm: warm.median });
    }
    return out;
  });
}

/** Storage calls per request at two data sizes, and the response time they cost on S3. */
async function storageCostBench(): Promise<void> {
  const [small, large] = [await callsAt(SIZES[0]), await callsAt(SIZES[1])];
  const times = await latencyAt(SIZES[0]);
  console.log(
    `storage calls per request, cold (fresh instance) and warm (next request; inside the 1 s cache window a warm read makes none), at ${SIZES[0]} and ${SIZES[1]} trainings;`,
  );
  console.log(`median time with ${S3_LATENCY.get} ms per GET/PUT and ${S3_LATENCY.list} ms per LIST, ${SIZES[0]} trainings:`);
  console.log('| request | cold, 300 | warm, 300 | cold, 3,000 | warm, 3,000 | time cold | time warm |');
  console.log('|---|---|---|---|---|---|---|');
  for (const [label, s] of small) {
    const l = large.get(label)!;
    const t = times.get(label);
    console.log(
      `| ${label} | ${fmt(s.cold)} | ${fmt(s.warm)} | ${fmt(l.cold)} | ${fmt(l.warm)} | ${t ? ms(t.cold) : '–'} | ${t ? ms(t.warm) : '–'} |`,
    );
  }
}

/** Benchmarks of the calendar: storage calls per request, feed generation, registration throughput. */
export async function run(): Promise<void> {
  await storageCostBench();
  await feedBench();
  await registrationBench();
}
