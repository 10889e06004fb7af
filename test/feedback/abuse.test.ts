import { describe, expect, test } from 'vitest';
import { FsStore } from '../../functions/core/store/fs-store.js';
import { clientKey, RATE_PREFIX } from '../../functions/feedback/guard/rate-limit.js';
import { loadOrCreateSecret, SECRET_KEY } from '../../functions/feedback/guard/secret.js';
import { checkTimeToken, issueTimeToken } from '../../functions/feedback/guard/time-token.js';
import { USED_TOKEN_PREFIX, usedTokenKey } from '../../functions/feedback/guard/token-use.js';
import { tempDir } from '../support/deps.js';
import { feedbackHarness, formBody, TEST_SECRET, VALID } from './helpers.js';

describe('the honeypot', () => {
  test('is off-screen, hidden from screen readers, out of the tab order and without autocomplete', async () => {
    const h = await feedbackHarness();
    const html = await (await h.app.request('/tyck-till')).text();
    expect(html).toContain('<div class="offscreen" aria-hidden="true"><label for="webbplats">Lämna tomt</label>');
    expect(html).toMatch(/name="webbplats" value="" tabindex="-1" autocomplete="off"/);
  });

  test('a filled honeypot gets the normal thank-you and nothing is stored', async () => {
    const h = await feedbackHarness();
    const res = await h.send({ ...VALID, webbplats: 'http://spam.example' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/tyck-till/tack');
    expect(await h.keys('feedback/')).toEqual([]);
  });
});

describe('the time token', () => {
  const secret = new Uint8Array(32).fill(1);
  const at = new Date('2026-11-23T10:00:00Z');
  const later = (s: number) => new Date(at.getTime() + s * 1000);

  test('a token checks out 5 seconds after it was issued', () => {
    expect(checkTimeToken(secret, 'f', issueTimeToken(secret, 'f', at), later(5)).ok).toBe(true);
  });

  test('a post within 4 seconds is too fast', () => {
    expect(checkTimeToken(secret, 'f', issueTimeToken(secret, 'f', at), later(3))).toEqual({ ok: false, reason: 'too-fast' });
  });

  test('a token older than a day has expired', () => {
    expect(checkTimeToken(secret, 'f', issueTimeToken(secret, 'f', at), later(86401))).toEqual({ ok: false, reason: 'expired' });
  });

  test('a token with a changed time is forged', () => {
    const [, nonce, mac] = issueTimeToken(secret, 'f', at).split('.');
    expect(checkTimeToken(secret, 'f', `${at.getTime() - 60000}.${nonce}.${mac}`, later(5))).toEqual({ ok: false, reason: 'forged' });
  });

  test('a token with a changed nonce is forged', () => {
    const [issued, , mac] = issueTimeToken(secret, 'f', at, 'a'.repeat(22)).split('.');
    expect(checkTimeToken(secret, 'f', `${issued}.${'b'.repeat(22)}.${mac}`, later(5))).toEqual({ ok: false, reason: 'forged' });
  });

  test('a token signed with another secret is forged', () => {
    expect(checkTimeToken(secret, 'f', issueTimeToken(new Uint8Array(32), 'f', at), later(5))).toEqual({ ok: false, reason: 'forged' });
  });

  test('two forms shown in the same millisecond get different tokens', async () => {
    const h = await feedbackHarness();
    expect(await h.token()).not.toBe(await h.token());
  });

  test('a form sent too fast is rejected with a message and the text kept', async () => {
    const h = await feedbackHarness();
    const res = await h.post({ ...VALID, token: await h.token() });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Det gick för fort att skicka');
    expect(html).toContain(VALID.text);
    expect(await h.keys('feedback/submissions/')).toEqual([]);
  });

  test('a forged token is rejected with a message, the text kept and a new token', async () => {
    const h = await feedbackHarness();
    const res = await h.post({ ...VALID, token: '123.abc' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Formuläret kunde inte kontrolleras');
    expect(html).toContain(VALID.text);
    expect(await h.keys('feedback/')).toEqual([]);
  });

  test('a very old token shows the form again with the text kept, not an error', async () => {
    const h = await feedbackHarness();
    const token = await h.token();
    h.clock.advance(2 * 86400);
    const res = await h.post({ ...VALID, token });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Formuläret hade varit öppet länge');
    expect(html).toContain(VALID.text);
    expect(html).not.toContain(`value="${token}"`);
    expect(await h.keys('feedback/')).toEqual([]);
  });
});

describe('a token is good for one submission', () => {
  test('the same token sent again from another address 20 seconds later is refused, the text kept and a new token given', async () => {
    let address = '192.0.2.1';
    const h = await feedbackHarness({ clientAddress: () => address });
    const token = await h.token();
    h.clock.advance(5);
    expect((await h.post({ ...VALID, token })).status).toBe(303);
    address = '198.51.100.7';
    h.clock.advance(20);
    const res = await h.post({ ...VALID, token, text: 'Samma token igen' });
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain('Det här formuläret har redan skickats en gång');
    expect(html).toContain('Samma token igen');
    expect(html).not.toContain(`value="${token}"`);
    expect(await h.keys('feedback/submissions/')).toHaveLength(1);
  });

  test('of ten concurrent posts of one token exactly one is accepted', async () => {
    let n = 0;
    const h = await feedbackHarness({ clientAddress: () => `192.0.2.${++n}` });
    const token = await h.token();
    h.clock.advance(5);
    const all = await Promise.all(Array.from({ length: 10 }, () => h.post({ ...VALID, token })));
    expect(all.map((r) => r.status).sort()).toEqual([303, ...Array<number>(9).fill(409)]);
    expect(await h.keys('feedback/submissions/')).toHaveLength(1);
  });

  test('a token may not outlive the one-day marks of used tokens', async () => {
    await expect(feedbackHarness({ tokenLimits: { minSeconds: 4, maxSeconds: 2 * 86400 } })).rejects.toThrow(RangeError);
  });

  test('reviewing does not use the token up', async () => {
    const h = await feedbackHarness();
    const token = await h.token();
    h.clock.advance(5);
    expect((await h.post({ ...VALID, token, action: 'review' })).status).toBe(200);
    expect((await h.post({ ...VALID, token, action: 'review' })).status).toBe(200);
    expect((await h.post({ ...VALID, token })).status).toBe(303);
  });

  test('the mark of a used token holds only a random claim id, under the rate prefix, keyed by neither the token nor the address', async () => {
    const h = await feedbackHarness({ clientAddress: () => '203.0.113.99' });
    const token = await h.token();
    h.clock.advance(5);
    await h.post({ ...VALID, token });
    const marks = await h.keys(USED_TOKEN_PREFIX);
    expect(marks).toHaveLength(1);
    const nonce = token.split('.')[1] ?? '';
    expect(marks[0]).toBe(usedTokenKey(TEST_SECRET, nonce));
    expect(marks[0]).not.toContain(nonce);
    expect(marks[0]?.startsWith(RATE_PREFIX)).toBe(true);
    const found = await h.kit.deps.store.get(marks[0] ?? '');
    // a random id of this claim (so a retried claim knows its own write), nothing of the token, text or sender
    const body = found && found !== 'not-modified' ? new TextDecoder().decode(found.body) : '';
    expect(body).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  test('when the submission cannot be stored the token is given back', async () => {
    const h = await feedbackHarness();
    const store = h.kit.deps.store;
    const put = store.put.bind(store);
    let fail = true;
    store.put = (key, body, options) =>
      fail && key.startsWith('feedback/submissions/') ? Promise.reject(new Error('disk full')) : put(key, body, options);
    const token = await h.token();
    h.clock.advance(5);
    expect((await h.post({ ...VALID, token })).status).toBe(500);
    fail = false;
    expect((await h.post({ ...VALID, token })).status).toBe(303);
    expect(await h.keys('feedback/submissions/')).toHaveLength(1);
  });
});

describe('the rate limit', () => {
  test('the sixth post within ten minutes from one client is refused with the text kept', async () => {
    const h = await feedbackHarness();
    for (let i = 0; i < 5; i++) expect((await h.send({ ...VALID })).status).toBe(303);
    const res = await h.send({ ...VALID, text: 'Den sjätte' });
    expect(res.status).toBe(429);
    expect(await res.text()).toContain('Den sjätte');
    expect(await h.keys('feedback/submissions/')).toHaveLength(5);
  });

  test('a refused post says in Retry-After how many seconds to wait, and then it is accepted', async () => {
    const h = await feedbackHarness();
    for (let i = 0; i < 5; i++) {
      expect((await h.send({ ...VALID })).status).toBe(303);
      h.clock.advance(55);
    }
    // five sends at 5, 65, 125, 185 and 245 s; this one at 305 s: the first mark leaves at 605 s
    const res = await h.send({ ...VALID });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('300');
    expect(await res.text()).toContain('Vänta 5 minuter');
    const token = await h.token();
    h.clock.advance(299);
    expect((await h.post({ ...VALID, token })).status).toBe(429);
    h.clock.advance(1);
    expect((await h.post({ ...VALID, token })).status).toBe(303);
  });

  test('another client is not affected', async () => {
    let address = '192.0.2.1';
    const h = await feedbackHarness({ clientAddress: () => address });
    for (let i = 0; i < 5; i++) await h.send({ ...VALID });
    address = '198.51.100.7';
    expect((await h.send({ ...VALID })).status).toBe(303);
  });

  test('after ten minutes the client may post again', async () => {
    const h = await feedbackHarness();
    for (let i = 0; i < 5; i++) await h.send({ ...VALID });
    h.clock.advance(600);
    expect((await h.send({ ...VALID })).status).toBe(303);
  });

  test('no raw address is stored, only a keyed hash of it', async () => {
    const h = await feedbackHarness({ clientAddress: () => '203.0.113.99' });
    await h.send({ ...VALID });
    const keys = await h.keys('feedback/');
    expect(keys.join(' ')).not.toContain('203.0.113.99');
    for (const key of keys) {
      const found = await h.kit.deps.store.get(key);
      expect(found && found !== 'not-modified' ? new TextDecoder().decode(found.body) : '').not.toContain('203.0.113');
    }
  });

  test('the same address gets another key the next day', () => {
    const secret = new Uint8Array(32).fill(3);
    expect(clientKey(secret, '192.0.2.1', new Date('2026-11-23T10:00Z'))).not.toBe(
      clientKey(secret, '192.0.2.1', new Date('2026-11-24T10:00Z')),
    );
  });
});

describe('the form post itself', () => {
  test('a body over the size limit is refused with 413 and nothing stored', async () => {
    const h = await feedbackHarness({ maxBodyBytes: 1024 });
    const res = await h.send({ ...VALID, text: 'x'.repeat(2000) });
    expect(res.status).toBe(413);
    expect(await h.keys('feedback/')).toEqual([]);
  });

  test('a JSON body is refused with 415', async () => {
    const h = await feedbackHarness();
    const res = await h.app.request('/tyck-till', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(415);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  test('a post from another site (Origin) is refused with 403', async () => {
    const h = await feedbackHarness();
    const res = await h.send({ ...VALID }, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(await h.keys('feedback/')).toEqual([]);
  });

  test('a post whose Referer is another site is refused when there is no Origin', async () => {
    const h = await feedbackHarness();
    const token = await h.token();
    h.clock.advance(5);
    const res = await h.app.request('/tyck-till', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', referer: 'https://evil.example/page' },
      body: formBody({ ...VALID, token }),
    });
    expect(res.status).toBe(403);
  });
});

describe('the secret', () => {
  test('is created once in the store and then always read back', async () => {
    const store = new FsStore(await tempDir());
    const first = await loadOrCreateSecret(store);
    const second = await loadOrCreateSecret(store, () => new Uint8Array(32).fill(9));
    expect(Buffer.from(second)).toEqual(Buffer.from(first));
    expect(await store.get(SECRET_KEY)).toBeDefined();
  });

  test('concurrent first starts agree on one secret', async () => {
    const store = new FsStore(await tempDir());
    const all = await Promise.all(Array.from({ length: 10 }, () => loadOrCreateSecret(store)));
    expect(new Set(all.map((s) => Buffer.from(s).toString('hex'))).size).toBe(1);
  });
});

describe('what a caught bot leaves behind', () => {
  test('only a log line with the reason, never the content', async () => {
    const lines: string[] = [];
    const h = await feedbackHarness();
    Object.assign(h.kit.deps, {
      log: { info: (m: string, f?: object) => lines.push(`${m} ${JSON.stringify(f)}`), warn: () => undefined, error: () => undefined },
    });
    await h.send({ ...VALID, text: 'Köp billiga klockor', webbplats: 'http://spam.example' });
    expect(lines).toEqual(['feedback discarded {"reason":"honeypot"}']);
  });
});
