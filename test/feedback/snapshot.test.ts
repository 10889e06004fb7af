import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Logger } from '../../functions/core/log.js';
import { getJson } from '../../functions/core/store/json.js';
import { isScheduledEvent } from '../../functions/core/lambda.js';
import { feedbackHousekeeping } from '../../functions/feedback/scheduled.js';
import { SUMMARY_KEY, type SummarySnapshot } from '../../functions/feedback/summary/snapshot.js';
import { bodyOf, feedbackHarness, releaseQuarter, VALID, type FeedbackHarness } from './helpers.js';

/** A logger that keeps its lines. */
function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const keep = (level: string) => (message: string, fields?: object) =>
    void lines.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`);
  return { lines, info: keep('info'), warn: keep('warn'), error: keep('error') };
}

async function sendMany(h: FeedbackHarness, n: number) {
  for (let i = 0; i < n; i++) {
    h.clock.advance(700);
    await h.send({ ...VALID, municipality: '1490' });
  }
}

/** Six submissions in 1490, counted and released as the indicator store does. */
async function released(h: FeedbackHarness) {
  await sendMany(h, 6);
  await releaseQuarter(h);
}

const respekt1490 = (summary: { cells: { malbild: string; municipality: string | null; count: number | null }[] }) =>
  summary.cells.find((c) => c.malbild === 'respekt' && c.municipality === '1490')?.count;

describe('the summary snapshot', () => {
  test('missing: the summaries still show the released counts, and the next scheduled run rebuilds it with a log line', async () => {
    const h = await feedbackHarness();
    await released(h);
    await h.kit.deps.store.delete(SUMMARY_KEY);
    const res = await h.app.request('/api/feedback/summary?period=2026-Q4');
    expect(res.status).toBe(200);
    expect(respekt1490(await bodyOf(res))).toBe(6);
    const log = recordingLogger();
    expect(await feedbackHousekeeping({ ...h.kit.deps, log })).toMatchObject({ snapshot: 'missing' });
    expect(log.lines.some((l) => l.startsWith('warn feedback summary snapshot rebuilt') && l.includes('"reason":"missing"'))).toBe(true);
    expect((await getJson<SummarySnapshot>(h.kit.deps.store, SUMMARY_KEY))?.value.version).toBe(1);
  });

  test('corrupt (any bytes or any JSON): never a 500, and the next scheduled run rewrites it', async () => {
    const h = await feedbackHarness();
    await released(h);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 200 }),
          fc.json().map((j) => new TextEncoder().encode(j)),
          fc.constant(
            new TextEncoder().encode(
              '{"version":1,"builtAt":"x","publishedEtag":null,"published":{"releases":[],"periods":{}},"quotes":[{}]}',
            ),
          ),
        ),
        async (bytes) => {
          await h.kit.deps.store.put(SUMMARY_KEY, bytes);
          for (const path of ['/api/feedback/summary', '/api/feedback/summary.csv', '/tyck-till/sammanstallning']) {
            const res = await h.app.request(path);
            expect(res.status).toBe(200);
            await res.arrayBuffer();
          }
          const log = recordingLogger();
          const { snapshot } = await feedbackHousekeeping({ ...h.kit.deps, log });
          // bytes that happen to be a valid snapshot are only stale or changed
          expect(['corrupt', 'stale', 'changed']).toContain(snapshot);
          expect(log.lines.some((l) => l.includes('feedback summary snapshot rebuilt'))).toBe(true);
          expect(respekt1490(await bodyOf(h.app.request('/api/feedback/summary?period=2026-Q4')))).toBe(6);
        },
      ),
      { numRuns: 25 },
    );
  }, 60_000);

  test('older than its sources (a new release): rebuilt by the next run, which then leaves it alone', async () => {
    const h = await feedbackHarness();
    await h.housekeeping();
    await released(h);
    expect((await h.housekeeping()).snapshot).toBe('stale');
    expect((await h.housekeeping()).snapshot).toBe('current');
  });

  test('moderators publishing quotes while the scheduled run rebuilds: every quote is kept', async () => {
    const h = await feedbackHarness();
    await sendMany(h, 8);
    await h.housekeeping();
    const auth = await h.kit.bearer({ roles: ['moderator'] });
    const list = await bodyOf(h.app.request('/api/feedback/submissions', { headers: { authorization: auth } }));
    const ids: string[] = list.items.map((i: { id: string }) => i.id);
    const publish = (id: string) =>
      h.app.request(`/api/feedback/submissions/${id}`, {
        method: 'PATCH',
        headers: { authorization: auth, 'content-type': 'application/json', 'if-match': '"new"' },
        body: JSON.stringify({ status: 'published', quote: 'Personalen lyssnade' }),
      });
    const answers = await Promise.all([...ids.map(publish), h.housekeeping(), h.housekeeping()]);
    expect(answers.slice(0, ids.length).map((r) => (r as Response).status)).toEqual(ids.map(() => 200));
    const snapshot = (await getJson<SummarySnapshot>(h.kit.deps.store, SUMMARY_KEY))?.value;
    expect(snapshot?.quotes.map((q) => q.id).sort()).toEqual([...ids].sort());
    const page = await (await h.app.request('/tyck-till/sammanstallning')).text();
    expect(page.match(/<blockquote>Personalen lyssnade<\/blockquote>/g)).toHaveLength(ids.length);
  }, 30_000);

  test('a submission and a public summary never write or list the submissions', async () => {
    const h = await feedbackHarness();
    await sendMany(h, 3);
    expect(await getJson(h.kit.deps.store, 'feedback/public/counts.json')).toBeUndefined();
    expect(await getJson(h.kit.deps.store, SUMMARY_KEY)).toBeUndefined();
    expect((await h.app.request('/api/feedback/summary')).status).toBe(200);
  });

  test('the function tells a scheduled event from a request', () => {
    expect(isScheduledEvent({ source: 'aws.events', task: 'feedback-housekeeping' })).toBe(true);
    expect(isScheduledEvent({ rawPath: '/tyck-till', source: 'client' })).toBe(false);
  });
});
