import { describe, expect, test } from 'vitest';
import { SESSION_COOKIE } from '../../functions/core/session/cookie.js';
import { CLIENT_ID, CookieJar, mockCognito, ORIGIN, type MockCognito } from './helpers.js';

const html = { accept: 'text/html' };

/** Start at `/logga-in`, go through the stand-in's authorize endpoint, return the callback URL it sends back. */
async function toProvider(m: MockCognito, jar: CookieJar, tillbaka = '/personal') {
  const start = await m.app.request(`/logga-in?${new URLSearchParams({ tillbaka })}`, { headers: { cookie: jar.header() } });
  jar.take(start);
  expect(start.status).toBe(302);
  const authorize = new URL(start.headers.get('location')!);
  const answer = await fetch(authorize, { redirect: 'manual' });
  return { authorize, callback: new URL(answer.headers.get('location')!) };
}

async function callback(m: MockCognito, jar: CookieJar, url: URL) {
  const res = await m.app.request(`${url.pathname}${url.search}`, { headers: { ...html, cookie: jar.header() } });
  jar.take(res);
  return res;
}

async function signedIn(m: MockCognito, tillbaka = '/personal') {
  const jar = new CookieJar();
  const { callback: url } = await toProvider(m, jar, tillbaka);
  const res = await callback(m, jar, url);
  return { jar, res };
}

async function page(m: MockCognito, jar: CookieJar, path = '/personal'): Promise<Response> {
  const res = await m.app.request(path, { headers: { ...html, cookie: jar.header() } });
  jar.take(res);
  return res;
}

describe('sign-in against a stand-in for Cognito (authorization code with PKCE)', () => {
  test('sends the browser to the provider with PKCE (S256), state, nonce and the callback address', async () => {
    const m = await mockCognito();
    const jar = new CookieJar();
    const { authorize, callback: url } = await toProvider(m, jar);
    expect(authorize.origin).toBe(new URL(m.issuer).origin);
    expect(authorize.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${ORIGIN}/auth/callback`);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    expect(url.pathname).toBe('/auth/callback');
    expect(jar.get('kit-sign-in')).toBeTruthy();
  });

  test('the callback makes a session cookie and goes back; /personal shows who is signed in', async () => {
    const m = await mockCognito();
    const { jar, res } = await signedIn(m, '/personal/tyck-till');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/personal/tyck-till');
    const set = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))!;
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/Secure/);
    expect(set).toMatch(/SameSite=Lax/);
    expect(set).toMatch(/Path=\//);
    expect(jar.get('kit-sign-in')).toBeUndefined();
    const res2 = await page(m, jar);
    expect(res2.status).toBe(200);
    expect(res2.headers.get('cache-control')).toBe('private, no-store');
    const text = await res2.text();
    expect(text).toContain('Anna Andersson');
    expect(text).toContain('Moderator');
    expect(text).toContain('Östersund');
    expect(text).toContain('href="/personal/tyck-till"');
  });

  test('the cookie is an encrypted JWE: nothing in it is readable', async () => {
    const m = await mockCognito();
    const { jar } = await signedIn(m);
    const value = jar.get(SESSION_COOKIE)!;
    expect(value.split('.')).toHaveLength(5);
    expect(JSON.parse(Buffer.from(value.split('.')[0]!, 'base64url').toString())).toEqual({ alg: 'dir', enc: 'A256GCM' });
    expect(Buffer.from(value.split('.')[3]!, 'base64url').toString('latin1')).not.toContain('cognito-anna');
  });

  test('after an hour the roles are confirmed again with the refresh token, and a changed group takes effect', async () => {
    const m = await mockCognito();
    const { jar } = await signedIn(m);
    m.clock.advance(61 * 60);
    const stale = await page(m, jar);
    expect(stale.status).toBe(303);
    expect(stale.headers.get('location')).toBe('/logga-in?tillbaka=%2Fpersonal');
    m.claims.groups = ['editor'];
    const refreshed = await page(m, jar, '/logga-in?tillbaka=%2Fpersonal');
    expect(refreshed.status).toBe(303);
    expect(refreshed.headers.get('location')).toBe('/personal');
    const text = await (await page(m, jar)).text();
    expect(text).toContain('Redaktör');
    expect(text).not.toContain('href="/personal/tyck-till"');
  });

  test('a working person stays signed in for the day; 12 hours after sign-in the session ends', async () => {
    const m = await mockCognito();
    const { jar } = await signedIn(m);
    for (let i = 0; i < 10; i++) {
      m.clock.advance(50 * 60);
      let res = await page(m, jar);
      if (res.status === 303) {
        expect((await page(m, jar, res.headers.get('location')!)).status).toBe(303);
        res = await page(m, jar);
      }
      expect(res.status).toBe(200);
    }
    m.clock.advance(4 * 3600);
    const late = await page(m, jar);
    expect(late.status).toBe(303);
    expect(late.headers.get('location')).toMatch(/^\/logga-in/);
  });

  test('sign-out clears the session, revokes the refresh token and continues to the provider’s logout', async () => {
    const m = await mockCognito();
    const { jar } = await signedIn(m);
    let revoked = 0;
    m.server.service.once('beforeRevoke', () => void revoked++);
    const res = await m.app.request('/logga-ut', {
      method: 'POST',
      headers: { origin: ORIGIN, cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(303);
    const logout = new URL(res.headers.get('location')!);
    expect(`${logout.origin}${logout.pathname}`).toBe(`${m.issuer}/logout`);
    expect(logout.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(logout.searchParams.get('logout_uri')).toBe(`${ORIGIN}/`);
    expect(revoked).toBe(1);
    jar.take(res);
    expect(jar.get(SESSION_COOKIE)).toBeUndefined();
    expect((await page(m, jar)).status).toBe(303);
  });
});

describe('bad input to the sign-in', () => {
  test('a replayed callback (same code, state and cookie) is refused with a page', async () => {
    const m = await mockCognito();
    const jar = new CookieJar();
    const { callback: url } = await toProvider(m, jar);
    const loginCookie = jar.get('kit-sign-in')!;
    expect((await callback(m, jar, url)).status).toBe(303);
    const replay = new CookieJar();
    replay.set('kit-sign-in', loginCookie);
    const res = await callback(m, replay, url);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Inloggningen kunde inte slutföras');
    expect(replay.get(SESSION_COOKIE)).toBeUndefined();
  });

  test('a callback without the sign-in cookie is refused', async () => {
    const m = await mockCognito();
    const { callback: url } = await toProvider(m, new CookieJar());
    const res = await callback(m, new CookieJar(), url);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Börja om och logga in igen');
  });

  test.each([
    ['state', (u: URL) => u.searchParams.set('state', 'forged-state')],
    ['code', (u: URL) => u.searchParams.set('code', 'forged-code')],
    ['missing code', (u: URL) => u.searchParams.delete('code')],
    ['provider error', (u: URL) => u.searchParams.set('error', 'access_denied')],
  ])('a tampered callback (%s) is refused and no session is made', async (_name, tamper) => {
    const m = await mockCognito();
    const jar = new CookieJar();
    const { callback: url } = await toProvider(m, jar);
    tamper(url);
    const res = await callback(m, jar, url);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(jar.get(SESSION_COOKIE)).toBeUndefined();
  });

  test('without a browser the problem is problem+json in Swedish and English', async () => {
    const m = await mockCognito();
    const res = await m.app.request('/auth/callback?code=x&state=y');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await res.json()).toMatchObject({
      status: 400,
      title: 'Inloggningen kunde inte slutföras',
      detail: expect.stringContaining('Start again'),
    });
  });

  test.each(['https://evil.example', '//evil.example', '/\\evil.example', '\\\\evil.example', '/\t/evil.example'])(
    'tillbaka=%j leads back to /personal, never off the site',
    async (tillbaka) => {
      const m = await mockCognito();
      const { res } = await signedIn(m, tillbaka);
      expect(res.headers.get('location')).toBe('/personal');
    },
  );

  test('an ID token for another app client is refused', async () => {
    const m = await mockCognito();
    m.server.service.on('beforeTokenSigning', (token: { payload: Record<string, unknown> }) => {
      token.payload.aud = 'another-client';
    });
    const jar = new CookieJar();
    const { callback: url } = await toProvider(m, jar);
    const res = await callback(m, jar, url);
    expect(res.status).toBe(400);
    expect(jar.get(SESSION_COOKIE)).toBeUndefined();
  });

  test('sign-out from another site is refused and the session stays', async () => {
    const m = await mockCognito();
    const { jar } = await signedIn(m);
    const res = await m.app.request('/logga-ut', { method: 'POST', headers: { origin: 'https://evil.example', cookie: jar.header() } });
    expect(res.status).toBe(403);
    expect(res.headers.getSetCookie()).toEqual([]);
  });
});
