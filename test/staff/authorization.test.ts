import { describe, expect, test } from 'vitest';
import type { Role } from '../../functions/core/auth/auth.js';
import { readState } from '../../functions/feedback/moderation/state.js';
import { createStaffApp } from '../../functions/staff/app.js';
import { feedbackHarness, formBody, VALID } from '../feedback/helpers.js';
import { sessionCookie } from '../support/session.js';

const OWN = '1490';
const OTHER = '1442';
const ROLE_SETS: Array<readonly Role[]> = [['admin'], ['editor'], ['moderator'], []];
const form = { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost', accept: 'text/html' };

async function setup() {
  const h = await feedbackHarness();
  await h.send({ ...VALID, municipality: OWN });
  const cookie = await sessionCookie(h.kit.deps, { roles: ['moderator'] });
  const html = await (await h.app.request('/personal/tyck-till', { headers: { cookie } })).text();
  const id = /action="\/personal\/tyck-till\/([^"]+)"/.exec(html)![1]!;
  const staff = createStaffApp(h.kit.deps);
  return { h, id, staff };
}

/** What each role may do on the staff pages built here; the organisation does not matter for moderation. */
const expected = (roles: readonly Role[]) => ({
  landing: 200,
  queue: roles.some((r) => r === 'admin' || r === 'moderator') ? 200 : 403,
  change: roles.some((r) => r === 'admin' || r === 'moderator') ? 303 : 403,
});

describe('who may use which staff page (role × organisation × cookie)', async () => {
  const cases = ROLE_SETS.flatMap((roles) => [OWN, OTHER].flatMap((org) => [true, false].map((cookie) => ({ roles, org, cookie }))));

  test.each(cases)('roles $roles, organisation $org, cookie $cookie', async ({ roles, org, cookie }) => {
    const { h, id, staff } = await setup();
    const headers: Record<string, string> = cookie ? { cookie: await sessionCookie(h.kit.deps, { roles, org }) } : {};
    const landing = await staff.request('/personal', { headers: { ...headers, accept: 'text/html' } });
    const queue = await h.app.request('/personal/tyck-till', { headers: { ...headers, accept: 'text/html' } });
    const { etag } = await readState(h.kit.deps.store, id);
    const change = await h.app.request(`/personal/tyck-till/${id}`, {
      method: 'POST',
      headers: { ...form, ...headers },
      body: formBody({ etag, action: 'approve', tags: '', quote: '' }),
    });
    for (const res of [landing, queue, change]) expect(res.headers.get('cache-control')).toBe('private, no-store');
    const state = (await readState(h.kit.deps.store, id)).state;
    if (!cookie) {
      expect(landing.status).toBe(303);
      expect(landing.headers.get('location')).toBe('/logga-in?tillbaka=%2Fpersonal');
      expect(queue.status).toBe(303);
      expect(change.status).toBe(401);
      expect(await change.text()).toContain('Du är inte inloggad');
      expect(state.status).toBe('new');
      return;
    }
    const want = expected(roles);
    expect([landing.status, queue.status, change.status]).toEqual([want.landing, want.queue, want.change]);
    if (want.change === 303) {
      expect(change.headers.get('location')).toBe('/personal/tyck-till?meddelande=approved');
      expect(state.status).toBe('published');
    } else {
      expect(await change.text()).toContain('Behörighet saknas');
      expect(state.status).toBe('new');
    }
  });
});

describe('cookie-authenticated posts', () => {
  test('a cross-site post is refused before anything is read or stored', async () => {
    const { h, id } = await setup();
    const cookie = await sessionCookie(h.kit.deps, { roles: ['moderator'] });
    const res = await h.app.request(`/personal/tyck-till/${id}`, {
      method: 'POST',
      headers: { ...form, origin: 'https://evil.example', cookie },
      body: formBody({ etag: '"new"', action: 'approve' }),
    });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('Formuläret skickades från en annan webbplats');
    expect(await h.keys('feedback/moderation/')).toEqual([]);
  });

  test('a double submit changes once; the second is told the version is stale', async () => {
    const { h, id } = await setup();
    const cookie = await sessionCookie(h.kit.deps, { roles: ['moderator'] });
    const post = () =>
      h.app.request(`/personal/tyck-till/${id}`, {
        method: 'POST',
        headers: { ...form, cookie },
        body: formBody({ etag: '"new"', action: 'approve', tags: '', quote: '' }),
      });
    const [first, second] = [await post(), await post()];
    expect(first.headers.get('location')).toContain('meddelande=approved');
    expect(second.headers.get('location')).toContain('meddelande=stale');
    expect(await h.keys('feedback/audit/')).toHaveLength(1);
  });

  test('a change never answers GET', async () => {
    const { h, id } = await setup();
    const cookie = await sessionCookie(h.kit.deps, { roles: ['moderator'] });
    const res = await h.app.request(`/personal/tyck-till/${id}?etag=%22new%22&action=approve`, {
      headers: { cookie, accept: 'text/html' },
    });
    expect(res.status).toBe(404);
    expect((await readState(h.kit.deps.store, id)).state.status).toBe('new');
  });

  test('reject hides, and the audit trail names who did it', async () => {
    const { h, id } = await setup();
    const cookie = await sessionCookie(h.kit.deps, { sub: 'mod-bo', roles: ['moderator'] });
    await h.app.request(`/personal/tyck-till/${id}`, {
      method: 'POST',
      headers: { ...form, cookie },
      body: formBody({ etag: '"new"', action: 'reject', tags: '', quote: '' }),
    });
    expect((await readState(h.kit.deps.store, id)).state).toMatchObject({ status: 'hidden', updatedBy: 'mod-bo' });
    const html = await (await h.app.request('/personal/tyck-till', { headers: { cookie } })).text();
    expect(html).toContain('av mod-bo');
  });

  test('a possible crisis comes first in the queue', async () => {
    const h = await feedbackHarness();
    await h.send({ ...VALID, text: 'Personalen var vänlig.' });
    await h.send({ ...VALID, text: 'Jag vill inte leva längre.' });
    const cookie = await sessionCookie(h.kit.deps, { roles: ['moderator'] });
    const html = await (await h.app.request('/personal/tyck-till', { headers: { cookie } })).text();
    expect(html).toContain('Kan vara i kris');
    expect(html.indexOf('Jag vill inte leva längre.')).toBeLessThan(html.indexOf('Personalen var vänlig.'));
  });
});
