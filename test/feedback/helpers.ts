import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { fixedClock, type Clock } from '../../functions/core/deps.js';
import { createIndicatorsApp } from '../../functions/indicators/app.js';
import type { KitEnv } from '../../functions/core/http/staff.js';
import { createFeedbackApp } from '../../functions/feedback/app.js';
import type { FeedbackOptions } from '../../functions/feedback/context.js';
import { FsStore } from '../../functions/core/store/fs-store.js';
import { feedbackHousekeeping, type FeedbackHousekeeping } from '../../functions/feedback/scheduled.js';
import { tempDir, testKit, type TestKit } from '../support/deps.js';

/** A clock tests can move forward. */
export interface MovableClock extends Clock {
  advance(seconds: number): void;
}

/** A clock starting at `start` that moves only when told. */
export function movableClock(start = '2026-11-23T10:00:00+01:00'): MovableClock {
  let at = new Date(start).getTime();
  return { now: () => new Date(at), advance: (s) => void (at += s * 1000) };
}

/** The shared secret of the test apps (so tests need not read the store). */
export const TEST_SECRET = new Uint8Array(32).fill(7);

/** A feedback app on a temporary store with a movable clock. */
export interface FeedbackHarness {
  readonly kit: TestKit;
  readonly app: Hono<KitEnv>;
  readonly clock: MovableClock;
  /** GET the form and return its time token. */
  token(): Promise<string>;
  /** POST the form (URL-encoded) with a same-origin Origin header. */
  post(fields: Record<string, string | readonly string[]>, headers?: Record<string, string>): Promise<Response>;
  /** GET the form, wait 5 s on the clock, and send `fields` straight away. */
  send(fields: Record<string, string | readonly string[]>, headers?: Record<string, string>): Promise<Response>;
  /** Every key under `prefix`. */
  keys(prefix: string): Promise<string[]>;
  /** The text of every file the store has written on disk (temporary files included). */
  filesOnDisk(): Promise<string[]>;
  /** Run the scheduled housekeeping once (what EventBridge does on AWS). */
  housekeeping(): Promise<FeedbackHousekeeping>;
}

/** URL-encode fields, repeating names for arrays. */
export function formBody(fields: Record<string, string | readonly string[]>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of typeof v === 'string' ? [v] : v) p.append(k, one);
  return p.toString();
}

/** A valid submission's fields. */
export const VALID = { malbild: ['respekt'], text: 'Personalen lyssnade på mig.', action: 'send' } as const;

/** Build a feedback app for a test. */
export async function feedbackHarness(options: FeedbackOptions & { area?: string } = {}): Promise<FeedbackHarness> {
  const clock = movableClock();
  const root = await tempDir('feedback-store-');
  const kit = await testKit({ area: options.area ?? 'sjuharad', clock, store: new FsStore(root) });
  // no cache window: each summary asks the store whether the snapshot changed
  const app = createFeedbackApp(kit.deps, { secret: TEST_SECRET, clientAddress: () => '192.0.2.1', summaryMaxAgeSeconds: 0, ...options });
  const post = async (fields: Record<string, string | readonly string[]>, headers: Record<string, string> = {}) =>
    app.request('/tyck-till', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost', accept: 'text/html', ...headers },
      body: formBody(fields),
    });
  const token = async () => {
    const html = await (await app.request('/tyck-till')).text();
    return /name="token" value="([^"]+)"/.exec(html)?.[1] ?? '';
  };
  return {
    kit,
    app,
    clock,
    token,
    post,
    send: async (fields, headers) => {
      const t = await token();
      clock.advance(5);
      return post({ token: t, ...fields }, headers);
    },
    keys: async (prefix) => {
      const out: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await kit.deps.store.list(prefix, { cursor });
        out.push(...page.items.map((i) => i.key));
        cursor = page.cursor;
      } while (cursor);
      return out;
    },
    filesOnDisk: async () => {
      const entries = await readdir(root, { recursive: true, withFileTypes: true });
      const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
      return Promise.all(files.map((f) => readFile(f, 'utf8')));
    },
    housekeeping: () => feedbackHousekeeping(kit.deps),
  };
}

/** A JSON body as tests read it: loosely typed on purpose, the assertions check its shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- assertions check the shape
export type Loose = any;

/** Read a response's JSON body. */
export const bodyOf = async (res: Response | Promise<Response>): Promise<Loose> => (await res).json();

/** Count (scheduled run), then release 2026-Q4 as the indicator store does after its deadline; the indicators app. */
export async function releaseQuarter(h: FeedbackHarness): Promise<ReturnType<typeof createIndicatorsApp>> {
  await h.housekeeping();
  const indicators = createIndicatorsApp({ ...h.kit.deps, clock: fixedClock('2027-02-15T10:00:00+01:00') }, { cacheWindowMs: 0 });
  const res = await indicators.request('/api/indicators/releases', {
    method: 'POST',
    headers: { authorization: await h.kit.bearer({ roles: ['admin'] }), 'content-type': 'application/json' },
    body: JSON.stringify({ period: '2026-Q4' }),
  });
  if (res.status !== 201) throw new Error(`release answered ${res.status}`);
  return indicators;
}
