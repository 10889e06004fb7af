import { describe, expect, test } from 'vitest';
import { parseSubmissionKey } from '../../functions/feedback/data/keys.js';
import { issueTimeToken } from '../../functions/feedback/guard/time-token.js';
import { FORM_ID } from '../../functions/feedback/guard/middleware.js';
import { feedbackHarness, TEST_SECRET, VALID } from './helpers.js';

describe('storage of submissions', () => {
  test('1,000 concurrent submissions are all there afterwards, each under its own key', async () => {
    const h = await feedbackHarness({ clientAddress: (c) => c.req.header('x-client') });
    // each form shown once: a token is good for one submission
    const tokens = Array.from({ length: 1000 }, () => issueTimeToken(TEST_SECRET, FORM_ID, h.clock.now()));
    h.clock.advance(5);
    const answers = await Promise.all(
      tokens.map((token, i) => h.post({ ...VALID, token, text: `Synpunkt nummer ${i}` }, { 'x-client': `10.0.${i >> 8}.${i & 255}` })),
    );
    expect(answers.map((r) => r.status).filter((s) => s !== 303)).toEqual([]);
    const keys = await h.keys('feedback/submissions/');
    expect(keys).toHaveLength(1000);
    expect(new Set(keys.map((k) => parseSubmissionKey(k)?.id)).size).toBe(1000);
  }, 60_000);

  test('two submissions in the same millisecond with the same id part cannot overwrite each other', async () => {
    const h = await feedbackHarness();
    Object.assign(h.kit.deps, { ids: () => 'same' });
    const { createFeedbackApp } = await import('../../functions/feedback/app.js');
    const app = createFeedbackApp(h.kit.deps, { secret: new Uint8Array(32).fill(7), clientAddress: () => 'a' });
    const first = await h.token();
    const second = await h.token();
    h.clock.advance(5);
    const post = (token: string) =>
      app.request('/tyck-till', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
        body: new URLSearchParams({ token, malbild: 'respekt', text: 'x', action: 'send' }).toString(),
      });
    expect((await post(first)).status).toBe(303);
    expect((await post(second)).status).toBe(503);
    expect(await h.keys('feedback/submissions/')).toHaveLength(1);
  });

  test('the key says the quarter, municipality and målbilder, so counts need no reads', async () => {
    const h = await feedbackHarness();
    await h.send({ ...VALID, malbild: ['respekt', 'helhet'], municipality: '1490' });
    const [key] = await h.keys('feedback/submissions/');
    expect(parseSubmissionKey(key ?? '')).toMatchObject({ period: '2026-Q4', municipality: '1490', categories: ['helhet', 'respekt'] });
  });
});
