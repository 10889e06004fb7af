import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { newSession, sealSession, SESSION_COOKIE } from '../../functions/core/session/cookie.js';
import { SESSION_KEY } from '../../functions/core/session/key.js';
import { safeReturnPath } from '../../functions/core/session/return-path.js';
import { createStaffApp } from '../../functions/staff/app.js';
import { movableClock } from '../feedback/helpers.js';
import { testKit } from '../support/deps.js';
import { sessionCookie } from '../support/session.js';

async function setup() {
  const clock = movableClock();
  const kit = await testKit({ area: 'jamtland', clock });
  return { kit, clock, app: createStaffApp(kit.deps) };
}

const landing = (app: ReturnType<typeof createStaffApp>, cookie: string) =>
  app.request('/personal', { headers: { cookie, accept: 'text/html' } });

const cleared = (res: Response) => res.headers.getSetCookie().some((c) => c.startsWith(`${SESSION_COOKIE}=;`));

describe('the session cookie', () => {
  test('a current session opens /personal', async () => {
    const { kit, app } = await setup();
    const res = await landing(app, await sessionCookie(kit.deps, { roles: ['editor'], org: '2380', name: 'Eva Editor' }));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Eva Editor');
  });

  test.each([
    ['random text', 'kit-session=not-a-cookie'],
    ['a JWE under another key', ''],
  ])('a forged cookie (%s) is cleared and the person sent to sign in', async (_name, forged) => {
    const { kit, app } = await setup();
    await sessionCookie(kit.deps, { roles: ['admin'] }); // the area has a key
    const cookie =
      forged ||
      `${SESSION_COOKIE}=${await sealSession(newSession({ sub: 'x', roles: ['admin'] }, 'jamtland', kit.deps.clock.now()), new Uint8Array(32).fill(1))}`;
    const res = await landing(app, cookie);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/logga-in?tillbaka=%2Fpersonal');
    expect(cleared(res)).toBe(true);
  });

  test('a cookie of another area is refused, even under the same key', async () => {
    const { kit, app } = await setup();
    const cookie = await sessionCookie(kit.deps, { roles: ['admin'], with: { area: 'sjuharad' } });
    const res = await landing(app, cookie);
    expect(res.status).toBe(303);
    expect(cleared(res)).toBe(true);
  });

  test('idle for more than two hours, the session has ended', async () => {
    const { kit, app, clock } = await setup();
    const cookie = await sessionCookie(kit.deps, { roles: ['admin'] });
    clock.advance(2 * 3600 + 60);
    expect((await landing(app, cookie)).status).toBe(303);
  });

  test('12 hours after sign-in the session has ended', async () => {
    const { kit, app, clock } = await setup();
    const at = Math.floor(clock.now().getTime() / 1000);
    const cookie = await sessionCookie(kit.deps, { roles: ['admin'], with: { auth: at - 12 * 3600 - 1, seen: at, rolesAt: at } });
    expect((await landing(app, cookie)).status).toBe(303);
  });

  test('a request after some minutes renews the cookie (sliding), with the rest of the idle time', async () => {
    const { kit, app, clock } = await setup();
    const cookie = await sessionCookie(kit.deps, { roles: ['admin'] });
    expect((await landing(app, cookie)).headers.getSetCookie()).toEqual([]);
    clock.advance(10 * 60);
    const res = await landing(app, cookie);
    const renewed = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))!;
    expect(renewed).toMatch(/Max-Age=7200/);
    expect(renewed).toMatch(/HttpOnly/);
    expect(renewed).toMatch(/SameSite=Lax/);
    expect(renewed).not.toMatch(/Secure/); // plain http on localhost
  });

  test('rotating the key (deleting it) signs everyone out and nothing else breaks', async () => {
    const { kit, app, clock } = await setup();
    const cookie = await sessionCookie(kit.deps, { roles: ['admin'] });
    await kit.deps.store.delete(SESSION_KEY);
    clock.advance(6 * 60); // past the time a warm function keeps its copy of the key
    const res = await landing(app, cookie);
    expect(res.status).toBe(303);
    const fresh = await sessionCookie(kit.deps, { roles: ['admin'] });
    expect((await landing(app, fresh)).status).toBe(200);
  });
});

describe('the return path after sign-in', () => {
  test('keeps same-origin paths with their query', () => {
    expect(safeReturnPath('/personal/tyck-till?status=new')).toBe('/personal/tyck-till?status=new');
    expect(safeReturnPath('/hitta-stod')).toBe('/hitta-stod');
  });

  test.each([
    'https://evil.example',
    '//evil.example',
    '/\\evil.example',
    '\\/evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    'javascript:alert(1)',
    '',
    undefined,
  ])('refuses %j', (raw) => {
    expect(safeReturnPath(raw)).toBe('/personal');
  });

  test('never leads off the site, whatever the value', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.webUrl(),
          fc
            .tuple(fc.constantFrom('/', '//', '/\\', '\\', '/\t/', ' /', '/%2F'), fc.webUrl())
            .map(([a, b]) => a + b.replace(/^https?:\/\//, '')),
        ),
        (raw) => {
          const path = safeReturnPath(raw);
          expect(path.startsWith('/')).toBe(true);
          expect(path.startsWith('//')).toBe(false);
          expect(path).not.toContain('\\');
          expect(new URL(path, 'https://stod.example.se').origin).toBe('https://stod.example.se');
        },
      ),
      { numRuns: 2000 },
    );
  });
});
