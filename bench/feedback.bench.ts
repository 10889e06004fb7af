import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalIssuer } from '../functions/core/auth/local-issuer.js';
import { loadConfigFile } from '../functions/core/config/load.js';
import type { AppDeps } from '../functions/core/deps.js';
import { silentLogger } from '../functions/core/log.js';
import { FsStore } from '../functions/core/store/fs-store.js';
import type { Store } from '../functions/core/store/store.js';
import { createFeedbackApp } from '../functions/feedback/app.js';
import { EMPTY_INPUT } from '../functions/feedback/form/input.js';
import { issueTimeToken } from '../functions/feedback/guard/time-token.js';
import { FORM_ID } from '../functions/feedback/guard/middleware.js';
import { saveSubmission } from '../functions/feedback/data/submissions.js';
import { feedbackHousekeeping } from '../functions/feedback/scheduled.js';
import { CountingStore } from '../test/support/counting-store.js';
import { ms, summarize, timeRuns } from './stats.js';

const secret = new Uint8Array(32).fill(5);
const config = loadConfigFile(join('config', 'sjuharad.yaml'));
const codes = config.municipalities.map((m) => m.code);
const ids = ['tidig-hjalp', 'respekt', 'latt-att-hitta', 'helhet', 'en-person'];

async function setup(store?: (fs: Store) => Store) {
  const dir = await mkdtemp(join(tmpdir(), 'feedback-bench-'));
  let now = new Date('2026-11-23T10:00:00+01:00').getTime();
  const clock = { now: () => new Date(now) };
  const issuer = await createLocalIssuer({ now: () => clock.now() });
  const fs = new FsStore(dir);
  const deps: AppDeps = {
    config,
    store: store ? store(fs) : fs,
    clock,
    auth: issuer.auth,
    log: silentLogger,
    publicOrigin: 'http://localhost',
  };
  const app = createFeedbackApp(deps, { secret, clientAddress: (c) => c.req.header('x-client') });
  const issuedAt = clock.now();
  now += 5000;
  let n = 0;
  const submit = () => {
    const i = n++;
    // a token is good for one submission: each simulated person has shown the form once
    const body = new URLSearchParams({
      token: issueTimeToken(secret, FORM_ID, issuedAt),
      text: `Synpunkt ${i} om bemötandet.`,
      municipality: codes[i % codes.length] ?? '',
      action: 'send',
    });
    body.append('malbild', ids[i % ids.length] ?? 'respekt');
    return app.request('/tyck-till', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'http://localhost',
        'x-client': `10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`,
      },
      body: body.toString(),
    });
  };
  return { dir, deps, submit, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

async function throughput(): Promise<void> {
  const { submit, cleanup } = await setup();
  const clients = 50;
  const perClient = 40;
  const latencies: number[] = [];
  const start = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = 0; i < perClient; i++) {
        const t = performance.now();
        const res = await submit();
        if (res.status !== 303) throw new Error(`status ${res.status}`);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  const s = summarize(latencies);
  console.log(
    `submissions through the app, filesystem store, ${clients} concurrent clients: ${((clients * perClient) / seconds).toFixed(0)} per second ` +
      `(${clients * perClient} in ${seconds.toFixed(2)} s); latency median ${ms(s.median)}, p95 ${ms(s.p95)}`,
  );
  await cleanup();
}

async function summaryTime(): Promise<void> {
  const { deps, cleanup } = await setup();
  const base = new Date('2026-10-01T08:00:00+02:00').getTime();
  for (let i = 0; i < 10_000; i += 200) {
    await Promise.all(
      Array.from({ length: 200 }, (_, j) =>
        saveSubmission(
          deps.store,
          {
            ...EMPTY_INPUT,
            categories: [ids[(i + j) % ids.length] ?? 'respekt'],
            municipality: codes[(i + j) % codes.length] ?? '',
            text: 'Text',
          },
          new Date(base + (i + j) * 60_000),
          `b${i + j}`,
        ),
      ),
    );
  }
  const housekeeping = summarize(await timeRuns(() => feedbackHousekeeping(deps), 5, 1));
  console.log(
    `scheduled housekeeping over 10,000 submissions (counts + summary snapshot, off the request path): median ${ms(housekeeping.median)}`,
  );
  const app = createFeedbackApp(deps, { secret });
  const samples = await timeRuns(() => app.request('/api/feedback/summary?period=2026-Q4'), 10, 1);
  const s = summarize(samples);
  console.log(`public summary of one quarter with 10,000 submissions stored: median ${ms(s.median)}, p95 ${ms(s.p95)} (n=${s.n})`);
  const counting = new CountingStore(deps.store);
  await createFeedbackApp({ ...deps, store: counting }, { secret }).request('/api/feedback/summary?period=2026-Q4');
  console.log(`  store requests for that summary, cold: ${JSON.stringify(counting.counts)} (one snapshot object; no submission is read)`);
  await cleanup();
}

async function requestsPerSubmission(): Promise<void> {
  let counting: CountingStore | undefined;
  const { submit, cleanup } = await setup((fs) => (counting = new CountingStore(fs)));
  await submit(); // the first submission also reads the service index once; count the steady state
  const before: Record<string, number> = { ...counting?.counts };
  const n = 100;
  for (let i = 0; i < n; i++) await submit();
  const per = Object.fromEntries(Object.entries(counting?.counts ?? {}).map(([k, v]) => [k, (v - (before[k] ?? 0)) / n]));
  const total = Object.values(per).reduce((a, b) => a + b, 0);
  console.log(`S3 requests per submission (steady state, no contact details): ${total.toFixed(2)} ${JSON.stringify(per)}`);
  await cleanup();
}

/** The feedback service's benchmarks. */
export async function run(): Promise<void> {
  await throughput();
  await summaryTime();
  await requestsPerSubmission();
}
