import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCalendarApp } from '../functions/calendar/app.js';
import { renderFeed } from '../functions/calendar/feed/ical.js';
import type { CalendarEvent } from '../functions/calendar/model/event.js';
import { trainingTopics } from '../functions/calendar/model/vocabulary.js';
import { createLocalIssuer } from '../functions/core/auth/local-issuer.js';
import { loadConfigFile } from '../functions/core/config/load.js';
import { fixedClock, type AppDeps } from '../functions/core/deps.js';
import { toStockholmIso } from '../functions/core/i18n.js';
import { silentLogger } from '../functions/core/log.js';
import { FsStore } from '../functions/core/store/fs-store.js';
import { putJson } from '../functions/core/store/json.js';
import type { Store } from '../functions/core/store/store.js';
import { CountingStore } from '../test/support/counting-store.js';
import { ms, summarize, timeRuns } from './stats.js';

const config = loadConfigFile(join('config', 'ostergotland.yaml'));
const NOW = '2026-02-10T10:00:00+01:00';

function events(n: number): CalendarEvent[] {
  const topics = trainingTopics(config);
  const orgs = config.municipalities.map((m) => m.code);
  return Array.from({ length: n }, (_, i) => {
    const start = new Date(Date.parse('2026-01-05T08:00:00Z') + i * 4 * 3600_000);
    return {
      id: `bench-${i}`,
      title: `Utbildning ${i}`,
      description: 'En dag om metoden, med övningar och fika.',
      topic: topics[i % topics.length]!.id,
      organizer: orgs[i % orgs.length]!,
      audienceOrgs: [],
      audienceRoles: [],
      start: toStockholmIso(start),
      end: toStockholmIso(new Date(start.getTime() + 3 * 3600_000)),
      location: { place: 'Kommunhuset', address: 'Storgatan 1' },
      language: 'sv',
      capacity: 30,
      registrationDeadline: toStockholmIso(new Date(start.getTime() - 86400_000)),
      status: i % 50 === 0 ? 'cancelled' : 'scheduled',
      sequence: i % 3,
      createdAt: NOW,
      updatedAt: NOW,
    };
  });
}

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
  const list = events(2000);
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
    const store = new FsStore(dir);
    for (const e of list) await putJson(store, `calendar/events/${e.id}.json`, e);
    const d = await deps(store);
    // A fresh app per run: a cold instance reads the trainings and renders.
    const cold = summarize(await timeRuns(async () => (await createCalendarApp(d).request('/utbildningar/kalender.ics')).text(), 10, 1));
    const app = createCalendarApp(d);
    const warm = summarize(await timeRuns(async () => (await app.request('/utbildningar/kalender.ics')).text(), 15));
    console.log(`feed of 2,000 trainings: render all median ${ms(render.median)}, p95 ${ms(render.p95)} (n=${render.n})`);
    console.log(
      `  render after one change, VEVENTs of a warm instance kept: median ${ms(changed.median)}, p95 ${ms(changed.p95)} (${(render.median / changed.median).toFixed(0)}× faster)`,
    );
    console.log(
      `  GET /utbildningar/kalender.ics, cold instance (read 2,000 objects + render): median ${ms(cold.median)}, p95 ${ms(cold.p95)}`,
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
  const before = store instanceof CountingStore ? store.total : 0;
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
  return { perSecond: total / seconds, requests: store instanceof CountingStore ? (store.total - before) / total : 0 };
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

/** Benchmarks of the calendar: feed generation, registration throughput, store requests per registration. */
export async function run(): Promise<void> {
  await feedBench();
  await registrationBench();
}
