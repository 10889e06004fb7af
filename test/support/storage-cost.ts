import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { createLocalIssuer } from '../../functions/core/auth/local-issuer.js';
import { loadConfigFile } from '../../functions/core/config/load.js';
import type { AppDeps, Clock } from '../../functions/core/deps.js';
import type { KitEnv } from '../../functions/core/http/staff.js';
import { silentLogger } from '../../functions/core/log.js';
import { FsStore } from '../../functions/core/store/fs-store.js';
import { putJson } from '../../functions/core/store/json.js';
import type { Store } from '../../functions/core/store/store.js';
import { createCalendarApp } from '../../functions/calendar/app.js';
import { createDirectoryApp } from '../../functions/directory/app.js';
import { COLLECTION_KEY, type Collection } from '../../functions/directory/model/collection.js';
import { writeSearchIndex } from '../../functions/directory/search/stored-index.js';
import { createFeedbackApp } from '../../functions/feedback/app.js';
import { EMPTY_INPUT } from '../../functions/feedback/form/input.js';
import { feedbackHousekeeping } from '../../functions/feedback/scheduled.js';
import { saveSubmission } from '../../functions/feedback/data/submissions.js';
import { writeState } from '../../functions/feedback/moderation/state.js';
import { createIndicatorsApp } from '../../functions/indicators/app.js';
import { NATIONAL_KEY, NATIONAL_SOURCE, type NationalStats } from '../../functions/indicators/national/model.js';
import { CountingStore, S3_LATENCY_MS, type CallCounts } from './counting-store.js';
import { PUBLIC_READS } from '../calendar/public-reads.js';
import { seedCalendar } from '../calendar/seed.js';
import { generateServices } from './directory-services.js';

/** One request whose storage calls are measured. */
export interface MeasuredRoute {
  readonly name: string;
  /** A GET path, or a function making the request (e.g. a form post with a fresh token). */
  readonly request: string | ((app: Hono<KitEnv>) => Promise<Response>);
  /** A write (reported apart from the public reads). */
  readonly write?: boolean;
}

/** A service seeded at one data size, ready to measure. */
export interface StorageScenario {
  readonly service: string;
  /** What the size counts, e.g. `3000 submissions`. */
  readonly size: string;
  readonly routes: readonly MeasuredRoute[];
  /** A fresh app instance (a cold function) over `store`. */
  app(store: Store): Hono<KitEnv>;
  /** Move the clock past every cache window (what a warm function sees a while later). */
  later(): void;
  readonly store: Store;
}

/** The storage calls of one route, cold and warm. */
export interface RouteCost {
  readonly route: string;
  readonly write: boolean;
  readonly status: number;
  readonly cold: CallCounts;
  readonly warm: CallCounts;
  /** Milliseconds of the cold request with S3-like latency per call (only when asked for). */
  readonly coldMs?: number;
  readonly warmMs?: number;
}

/** A clock that moves only when told (each scenario starts on 23 November 2026 unless told otherwise). */
function movable(start = '2026-11-23T10:00:00+01:00'): Clock & { advance(seconds: number): void } {
  let at = new Date(start).getTime();
  return { now: () => new Date(at), advance: (s) => void (at += s * 1000) };
}

async function baseDeps(area: string, clock: Clock): Promise<AppDeps> {
  const issuer = await createLocalIssuer({ now: () => clock.now() });
  const store = new FsStore(await mkdtemp(join(tmpdir(), `storage-cost-${area}-`)));
  return {
    config: loadConfigFile(join('config', `${area}.yaml`)),
    store,
    clock,
    auth: issuer.auth,
    log: silentLogger,
    publicOrigin: 'http://localhost',
  };
}

/**
 * The feedback service with `submissions` stored (one tenth of them moderated, one in fifty
 * published as a quote) and the scheduled housekeeping run once, as on AWS.
 */
export async function feedbackScenario(submissions: number): Promise<StorageScenario> {
  const clock = movable();
  const deps = await baseDeps('sjuharad', clock);
  const codes = deps.config.municipalities.map((m) => m.code);
  const cats = ['tidig-hjalp', 'respekt', 'helhet'];
  const base = new Date('2026-10-01T08:00:00+02:00').getTime();
  for (let i = 0; i < submissions; i += 200) {
    await Promise.all(
      Array.from({ length: Math.min(200, submissions - i) }, async (_, j) => {
        const n = i + j;
        const saved = await saveSubmission(
          deps.store,
          {
            ...EMPTY_INPUT,
            categories: [cats[n % cats.length] ?? 'respekt'],
            municipality: codes[n % codes.length] ?? '',
            text: 'Bra bemötande',
          },
          new Date(base + n * 60_000),
          `s${n}`,
        );
        if (n % 10 === 0) {
          const published = n % 50 === 0;
          const state = {
            status: published ? ('published' as const) : ('reviewed' as const),
            tags: [],
            quote: published ? 'Bra' : null,
            updatedAt: null,
            updatedBy: null,
            categories: saved.categories,
          };
          await writeState(deps.store, saved.id, state, '"new"');
        }
      }),
    );
  }
  await feedbackHousekeeping(deps);
  // the form's secret is created once per area, by the first request ever
  await createFeedbackApp(deps).request('/tyck-till');
  // each form post needs a token issued at least 4 s earlier by the same secret
  const post = async (app: Hono<KitEnv>) => {
    const html = await (await app.request('/tyck-till')).text();
    const token = /name="token" value="([^"]+)"/.exec(html)?.[1] ?? '';
    clock.advance(5);
    return app.request('/tyck-till', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'http://localhost',
        accept: 'text/html',
        'x-client': `c${clock.now().getTime()}`,
      },
      body: new URLSearchParams({ token, malbild: 'respekt', text: 'Personalen lyssnade.', action: 'send' }).toString(),
    });
  };
  return {
    service: 'feedback',
    size: `${submissions} submissions`,
    store: deps.store,
    app: (store) => createFeedbackApp({ ...deps, store }, { clientAddress: (c) => c.req.header('x-client') }),
    later: () => clock.advance(120),
    routes: [
      { name: 'GET /tyck-till', request: '/tyck-till' },
      { name: 'GET /tyck-till/sammanstallning', request: '/tyck-till/sammanstallning' },
      { name: 'GET /api/feedback/summary', request: '/api/feedback/summary' },
      { name: 'GET /api/feedback/summary.csv', request: '/api/feedback/summary.csv' },
      { name: 'POST /tyck-till (send)', request: post, write: true },
    ],
  };
}

/** The directory with `services` services in its collection. */
export async function directoryScenario(services: number): Promise<StorageScenario> {
  const clock = movable();
  const deps = await baseDeps('ostergotland', clock);
  const collection: Collection = {
    schemaVersion: 1,
    services: generateServices(deps.config, services),
    groups: [],
    agreements: [],
    plans: [],
  };
  await putJson(deps.store, COLLECTION_KEY, collection);
  // as the collection's writer leaves it: the prebuilt search index beside the collection
  await writeSearchIndex(deps.store, collection, deps.config);
  let now = 0;
  return {
    service: 'directory',
    size: `${services} services`,
    store: deps.store,
    app: (store) => createDirectoryApp({ ...deps, store }, { monotonicNow: () => now, cacheWindowMs: 5000 }),
    later: () => void (now += 10_000),
    routes: [
      { name: 'GET /hitta-stod', request: '/hitta-stod' },
      { name: 'GET /hitta-stod?q=mini maria', request: '/hitta-stod?q=mini%20maria' },
      { name: 'GET /api/directory/services?q=spel', request: '/api/directory/services?q=spel' },
      { name: 'GET /hitta-stod/tjanst/{id}', request: '/hitta-stod/tjanst/bench-1' },
    ],
  };
}

/** A stored Kolada import of N35807 for `codes`, 2020–2025. */
function nationalSample(codes: readonly string[]): NationalStats {
  const years = Object.fromEntries([2020, 2021, 2022, 2023, 2024, 2025].map((y) => [String(y), { T: { value: 40 + y - 2020 } }]));
  const values = Object.fromEntries(codes.map((c) => [c, years]));
  const kpi = { kpi: 'N35807', indicators: ['persons-in-treatment'], retrieved: '2026-03-02', importedAt: '2026-03-02T10:00:00Z', values };
  return { kind: 'national-statistics', source: NATIONAL_SOURCE, kpis: { N35807: kpi } };
}

/** Indicators with every organisation's SIP report for `quarters` quarters, released. */
export async function indicatorsScenario(quarters: number): Promise<StorageScenario> {
  const clock = movable();
  const deps = await baseDeps('norrbotten', clock);
  const issuer = await createLocalIssuer({ now: () => clock.now() });
  const setup = createIndicatorsApp({ ...deps, auth: issuer.auth }, { cacheWindowMs: 0 });
  const admin = `Bearer ${await issuer.sign({ sub: 'bench', roles: ['admin'] })}`;
  const periods = Array.from({ length: quarters }, (_, i) => {
    const q = 3 - (i % 4);
    return `${2026 - Math.floor(i / 4)}-Q${q}`;
  });
  for (const period of periods) {
    for (const m of deps.config.municipalities) {
      const body = { value: 11, breakdown: { gender: { K: 5, M: 6 }, age: { '0-17': 0, '18-25': 0, '26-64': 11, '65+': 0 } } };
      await setup.request(`/api/indicators/values/sip-established/${period}/${m.code}`, {
        method: 'PUT',
        headers: { authorization: admin, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    }
    await setup.request('/api/indicators/releases', {
      method: 'POST',
      headers: { authorization: admin, 'content-type': 'application/json' },
      body: JSON.stringify({ period }),
    });
  }
  // national figures from Kolada for the indicator that has a KPI: its page reads one more object
  await deps.store.put(NATIONAL_KEY, JSON.stringify(nationalSample(deps.config.municipalities.map((m) => m.code))));
  let now = 0;
  return {
    service: 'indicators',
    size: `${quarters} quarters × ${deps.config.municipalities.length} organisations`,
    store: deps.store,
    app: (store) => createIndicatorsApp({ ...deps, store, auth: issuer.auth }, { monotonicNow: () => now, cacheWindowMs: 15_000 }),
    later: () => void (now += 20_000),
    routes: [
      { name: 'GET /uppfoljning', request: '/uppfoljning' },
      { name: 'GET /uppfoljning/sip-established', request: '/uppfoljning/sip-established' },
      { name: 'GET /uppfoljning/persons-in-treatment', request: '/uppfoljning/persons-in-treatment' },
      { name: 'GET /api/indicators/area?indicator=sip-established', request: '/api/indicators/area?indicator=sip-established' },
      { name: 'GET /api/indicators/export.csv', request: '/api/indicators/export.csv' },
    ],
  };
}

/**
 * The calendar with `trainings` trainings (a ledger with one registration for every third) and its
 * collection; the writes are a registration and a cancellation.
 */
export async function calendarScenario(trainings: number): Promise<StorageScenario> {
  const clock = movable('2026-02-10T10:00:00+01:00');
  const deps = await baseDeps('ostergotland', clock);
  await seedCalendar(deps, trainings);
  let now = 0;
  let n = 0;
  const register = async (app: Hono<KitEnv>) =>
    await app.request('/api/calendar/events/seed-3/registrations', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Bo Berg', email: `bo${++n}@ydre.se`, org: '0512' }),
    });
  return {
    service: 'calendar',
    size: `${trainings} trainings`,
    store: deps.store,
    app: (store) => createCalendarApp({ ...deps, store }, { monotonicNow: () => now, collectionWindowMs: 1000 }),
    later: () => void (now += 2000),
    routes: [
      ...PUBLIC_READS.map((path) => ({ name: `GET ${path}`, request: path })),
      { name: 'POST /api/calendar/events/{id}/registrations', request: register, write: true },
      {
        name: 'DELETE /api/calendar/events/{id}/registrations/{token}',
        request: async (app: Hono<KitEnv>) =>
          await app.request('/api/calendar/events/seed-6/registrations/token-seed-6', { method: 'DELETE' }),
        write: true,
      },
    ],
  };
}

async function once(app: Hono<KitEnv>, route: MeasuredRoute): Promise<Response> {
  const res = typeof route.request === 'string' ? await app.request(route.request) : await route.request(app);
  await res.arrayBuffer();
  return res;
}

/**
 * Measure each route of a scenario: cold (a fresh app instance, its first request) and warm (the
 * same instance again, past its cache windows). With `latency`, each call waits as on S3
 * (`S3_LATENCY_MS`) and the times are reported beside the counts.
 */
export async function measureScenario(scenario: StorageScenario, options: { latency?: boolean } = {}): Promise<RouteCost[]> {
  const out: RouteCost[] = [];
  for (const route of scenario.routes) {
    const counting = new CountingStore(scenario.store, options.latency ? { latencyMs: S3_LATENCY_MS } : {});
    const app = scenario.app(counting);
    let started = performance.now();
    // a write needs a form first: count the write's own request, after the form was shown
    if (route.write && typeof route.request !== 'string') {
      const measured = countOnly(counting, app, route);
      const first = await measured;
      scenario.later();
      counting.reset();
      const second = await countOnly(counting, app, route);
      out.push({ route: route.name, write: true, status: first.status, cold: first.counts, warm: second.counts });
      continue;
    }
    const res = await once(app, route);
    const coldMs = performance.now() - started;
    const cold = { ...counting.counts };
    scenario.later();
    counting.reset();
    started = performance.now();
    await once(app, route);
    const warmMs = performance.now() - started;
    out.push({
      route: route.name,
      write: false,
      status: res.status,
      cold,
      warm: { ...counting.counts },
      ...(options.latency ? { coldMs, warmMs } : {}),
    });
  }
  return out;
}

/** A write's own calls: the form it needs is fetched first and not counted. */
async function countOnly(
  counting: CountingStore,
  app: Hono<KitEnv>,
  route: MeasuredRoute,
): Promise<{ status: number; counts: CallCounts }> {
  const make = route.request as (app: Hono<KitEnv>) => Promise<Response>;
  let before: CallCounts | undefined;
  const wrapped = Object.assign(Object.create(app) as Hono<KitEnv>, {
    request: async (...args: Parameters<Hono<KitEnv>['request']>) => {
      const init = args[1] as RequestInit | undefined;
      if (init?.method === 'POST') before = { ...counting.counts };
      return app.request(...args);
    },
  });
  const res = await make(wrapped);
  await res.arrayBuffer();
  const after = counting.counts;
  const start = before ?? { get: 0, put: 0, list: 0, delete: 0 };
  return {
    status: res.status,
    counts: { get: after.get - start.get, put: after.put - start.put, list: after.list - start.list, delete: after.delete - start.delete },
  };
}

/** Each service's scenario by name. */
export const STORAGE_SCENARIOS = {
  feedback: feedbackScenario,
  directory: directoryScenario,
  indicators: indicatorsScenario,
  calendar: calendarScenario,
} as const;
