import { describe, expect, test } from 'vitest';
import { EMPTY_INPUT } from '../../functions/feedback/form/input.js';
import { saveSubmission } from '../../functions/feedback/data/submissions.js';
import { sessionCookie } from '../support/session.js';
import { feedbackHarness, formBody, VALID, type FeedbackHarness } from './helpers.js';

const form = { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' };

async function signIn(h: FeedbackHarness, roles: ('moderator' | 'editor')[] = ['moderator']) {
  return { cookie: await sessionCookie(h.kit.deps, { sub: 'mod-anna', roles, org: '1490' }) };
}

describe('the moderators’ pages', () => {
  test('send a visitor without a session to sign in and back', async () => {
    const h = await feedbackHarness();
    const res = await h.app.request('/personal/tyck-till?status=new');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/logga-in?${new URLSearchParams({ tillbaka: '/personal/tyck-till?status=new' })}`);
  });

  test('the old address leads to the new page', async () => {
    const h = await feedbackHarness();
    const res = await h.app.request('/tyck-till/moderering');
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/personal/tyck-till');
    expect((await h.app.request('/tyck-till/moderering/logga-in', { method: 'POST', headers: form, body: 'token=x' })).status).toBe(404);
  });

  test('a session without the moderator role is refused', async () => {
    const h = await feedbackHarness();
    const { cookie } = await signIn(h, ['editor']);
    const res = await h.app.request('/personal/tyck-till', { headers: { cookie, accept: 'text/html' } });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('Behörighet saknas');
  });

  test('a signed-in moderator sees the submissions and publishes a quote', async () => {
    const h = await feedbackHarness();
    await h.send({ ...VALID, text: 'Personalen lyssnade på mig. Det var bra.' });
    const { cookie } = await signIn(h);
    const html = await (await h.app.request('/personal/tyck-till', { headers: { cookie } })).text();
    expect(html).toContain('Personalen lyssnade på mig. Det var bra.');
    const id = /action="\/personal\/tyck-till\/([^"]+)"/.exec(html)?.[1] ?? '';
    const res = await h.app.request(`/personal/tyck-till/${id}`, {
      method: 'POST',
      headers: { ...form, cookie },
      body: formBody({ etag: '"new"', status: 'published', tags: 'Bemotande, vantetid', quote: 'Personalen lyssnade på mig.' }),
    });
    expect(res.headers.get('location')).toBe('/personal/tyck-till?meddelande=saved');
    const summary = await (await h.app.request('/tyck-till/sammanstallning')).text();
    expect(summary).toContain('<blockquote>Personalen lyssnade på mig.</blockquote>');
  });

  test('in English the målbild filter says "Vision", never "goal image"', async () => {
    const h = await feedbackHarness();
    await h.send({ ...VALID });
    const { cookie } = await signIn(h);
    const html = await (await h.app.request('/personal/tyck-till?lang=en', { headers: { cookie } })).text();
    expect(html).toContain('<label for="f-malbild">Vision</label>');
    expect(html).not.toMatch(/goal image/i);
  });

  test('a change from another site is refused', async () => {
    const h = await feedbackHarness();
    await h.send({ ...VALID });
    const { cookie } = await signIn(h);
    const res = await h.app.request('/personal/tyck-till/1795424405000-abc', {
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
    const html = await (await h.app.request('/personal/tyck-till', { headers: { cookie } })).text();
    const id = /action="\/personal\/tyck-till\/([^"]+)"/.exec(html)?.[1] ?? '';
    const post = () =>
      h.app.request(`/personal/tyck-till/${id}`, {
        method: 'POST',
        headers: { ...form, cookie },
        body: formBody({ etag: '"new"', status: 'reviewed' }),
      });
    await post();
    expect((await post()).headers.get('location')).toContain('meddelande=stale');
  });

  test('a possible crisis is shown first across the whole queue, not only within its page', async () => {
    const h = await feedbackHarness();
    const start = h.clock.now().getTime();
    const save = (i: number, text: string) =>
      saveSubmission(h.kit.deps.store, { ...EMPTY_INPUT, categories: ['respekt'], text }, new Date(start - (30 - i) * 60_000), `t${i}`);
    for (let i = 0; i < 24; i++) await save(i, `Vanlig synpunkt nummer ${i}.`);
    // the newest submission of 25: oldest-first, the queue would show it on the second page
    await save(24, 'Ibland vill jag inte leva längre.');
    const { cookie } = await signIn(h);
    const first = await (await h.app.request('/personal/tyck-till', { headers: { cookie } })).text();
    const ids = [...first.matchAll(/action="\/personal\/tyck-till\/([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toHaveLength(21);
    expect(ids[0]).toMatch(/-t24$/);
    expect(first.indexOf('Ibland vill jag inte leva längre.')).toBeLessThan(first.indexOf('Vanlig synpunkt nummer 0.'));
    const next = /href="(\/personal\/tyck-till\?[^"]*cursor=[^"]+)"/.exec(first)?.[1]?.replaceAll('&amp;', '&') ?? '';
    expect(next).not.toBe('');
    const second = await (await h.app.request(next, { headers: { cookie } })).text();
    const rest = [...second.matchAll(/action="\/personal\/tyck-till\/([^"]+)"/g)].map((m) => m[1]);
    expect(rest).toHaveLength(4);
    expect(second).not.toContain('Ibland vill jag inte leva längre.');
    // once handled, it takes its place in the queue again
    const res = await h.app.request(`/personal/tyck-till/${ids[0] ?? ''}`, {
      method: 'POST',
      headers: { ...form, cookie },
      body: formBody({ etag: '"new"', action: 'reject', tags: '', quote: '' }),
    });
    expect(res.headers.get('location')).toBe('/personal/tyck-till?meddelande=rejected');
    const after = await (await h.app.request('/personal/tyck-till', { headers: { cookie } })).text();
    expect([...after.matchAll(/action="\/personal\/tyck-till\/([^"]+)"/g)]).toHaveLength(20);
    expect(after).not.toContain('Ibland vill jag inte leva längre.');
  });
});
