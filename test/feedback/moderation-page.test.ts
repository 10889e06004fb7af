import { describe, expect, test } from 'vitest';
import { feedbackHarness, formBody, VALID, type FeedbackHarness } from './helpers.js';

const form = { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' };

async function signIn(h: FeedbackHarness, roles: ('moderator' | 'editor')[] = ['moderator']) {
  const token = (await h.kit.bearer({ sub: 'mod-anna', roles, org: '1490' })).slice('Bearer '.length);
  const res = await h.app.request('/tyck-till/moderering/logga-in', { method: 'POST', headers: form, body: formBody({ token }) });
  return { res, cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '' };
}

describe('the moderators’ pages', () => {
  test('ask for the staff token when not signed in', async () => {
    const h = await feedbackHarness();
    const html = await (await h.app.request('/tyck-till/moderering')).text();
    expect(html).toContain('Din personaltoken');
  });

  test('signing in keeps the token in an HttpOnly, SameSite=Strict cookie for these pages only', async () => {
    const h = await feedbackHarness();
    const { res } = await signIn(h);
    expect(res.status).toBe(303);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/tyck-till/moderering');
  });

  test('a token without the moderator role is refused', async () => {
    const h = await feedbackHarness();
    const { res } = await signIn(h, ['editor']);
    expect(res.headers.get('location')).toContain('meddelande=denied');
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  test('a signed-in moderator sees the submissions and publishes a quote', async () => {
    const h = await feedbackHarness();
    await h.send({ ...VALID, text: 'Personalen lyssnade på mig. Det var bra.' });
    const { cookie } = await signIn(h);
    const html = await (await h.app.request('/tyck-till/moderering', { headers: { cookie } })).text();
    expect(html).toContain('Personalen lyssnade på mig. Det var bra.');
    const id = /action="\/tyck-till\/moderering\/([^"]+)"/.exec(html)?.[1] ?? '';
    const res = await h.app.request(`/tyck-till/moderering/${id}`, {
      method: 'POST',
      headers: { ...form, cookie },
      body: formBody({ etag: '"new"', status: 'published', tags: 'Bemotande, vantetid', quote: 'Personalen lyssnade på mig.' }),
    });
    expect(res.headers.get('location')).toBe('/tyck-till/moderering?meddelande=saved');
    const summary = await (await h.app.request('/tyck-till/sammanstallning')).text();
    expect(summary).toContain('<blockquote>Personalen lyssnade på mig.</blockquote>');
  });

  test('in English the målbild filter says "Vision", never "goal image"', async () => {
    const h = await feedbackHarness();
    await h.send({ ...VALID });
    const { cookie } = await signIn(h);
    const html = await (await h.app.request('/tyck-till/moderering?lang=en', { headers: { cookie } })).text();
    expect(html).toContain('<label for="f-malbild">Vision</label>');
    expect(html).not.toMatch(/goal image/i);
  });

  test('a change from another site is refused', async () => {
    const h = await feedbackHarness();
    await h.send({ ...VALID });
    const { cookie } = await signIn(h);
    const res = await h.app.request('/tyck-till/moderering/1795424405000-abc', {
      method: 'POST',
      headers: { ...form, origin: 'https://evil.example', cookie },
      body: formBody({ etag: '"new"', status: 'hidden' }),
    });
    expect(res.status).toBe(403);
  });

  test('a stale version is not saved and the moderator is told', async () => {
    const h = await feedbackHarness();
    await h.send({ ...VALID });
    const { cookie } = await signIn(h);
    const html = await (await h.app.request('/tyck-till/moderering', { headers: { cookie } })).text();
    const id = /action="\/tyck-till\/moderering\/([^"]+)"/.exec(html)?.[1] ?? '';
    const post = () =>
      h.app.request(`/tyck-till/moderering/${id}`, {
        method: 'POST',
        headers: { ...form, cookie },
        body: formBody({ etag: '"new"', status: 'reviewed' }),
      });
    await post();
    expect((await post()).headers.get('location')).toContain('meddelande=stale');
  });
});
