import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, test } from 'vitest';
import { SESSION_COOKIE } from '../../functions/core/session/cookie.js';
import { createLocalApp } from '../../functions/local-server.js';
import { createStaffApp } from '../../functions/staff/app.js';
import { oidcClient } from '../../functions/staff/oidc.js';
import { bundleSettings, esbuildOptions } from '../../infra/bundling.js';
import { areaConfig, testKit } from '../support/deps.js';

const form = { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost', accept: 'text/html' };
/** Words only the local sign-in page has. */
const LOCAL_ONLY = 'Logga in på den lokala servern';

async function local() {
  const kit = await testKit({ area: 'jamtland' });
  return { kit, app: createLocalApp(kit.deps, { issuer: kit.issuer }) };
}

describe('the local sign-in page (npm start)', () => {
  test('offers role and the area’s organisations', async () => {
    const { app } = await local();
    const res = await app.request('/logga-in?tillbaka=%2Fpersonal%2Ftyck-till');
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain(LOCAL_ONLY);
    expect(html).toContain('<option value="2380">Östersund</option>');
    expect(html).toContain('value="moderator"');
    expect(html).toContain('action="/logga-in?tillbaka=%2Fpersonal%2Ftyck-till"');
  });

  test('signs in with the same session cookie, verified through the local issuer', async () => {
    const { app } = await local();
    const res = await app.request('/logga-in?tillbaka=%2Fpersonal', {
      method: 'POST',
      headers: form,
      body: new URLSearchParams({ name: 'Eva Ek', role: 'editor', org: '2380' }).toString(),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/personal');
    const set = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))!;
    expect(set).toMatch(/HttpOnly/);
    const cookie = set.split(';')[0]!;
    const page = await (await app.request('/personal', { headers: { cookie } })).text();
    expect(page).toContain('Eva Ek');
    expect(page).toContain('Redaktör');
    expect(page).toContain('Östersund');
  });

  test.each([
    [{ name: '', role: 'editor', org: '2380' }, 'Skriv ditt namn'],
    [{ name: 'Eva', role: 'root', org: '' }, 'Välj en roll'],
    [{ name: 'Eva', role: 'editor', org: '' }, 'En redaktör behöver en organisation'],
    [{ name: 'Eva', role: 'admin', org: '9999' }, 'Välj en organisation i området'],
    [{ name: 'Eva\u202e', role: 'admin', org: '' }, 'Skriv ditt namn'],
  ])('refuses %j with the field named and no cookie', async (fields, message) => {
    const { app } = await local();
    const res = await app.request('/logga-in', { method: 'POST', headers: form, body: new URLSearchParams(fields).toString() });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain(message);
    expect(res.headers.getSetCookie().filter((c) => c.startsWith(SESSION_COOKIE))).toEqual([]);
  });

  test('refuses a post from another site', async () => {
    const { app } = await local();
    const res = await app.request('/logga-in', {
      method: 'POST',
      headers: { ...form, origin: 'https://evil.example' },
      body: 'name=Eva&role=admin&org=',
    });
    expect(res.status).toBe(403);
  });

  test('sign-out locally clears the cookie and returns to the start page', async () => {
    const { app, kit } = await local();
    const { sessionCookie } = await import('../support/session.js');
    const cookie = await sessionCookie(kit.deps, { roles: ['admin'] });
    const res = await app.request('/logga-ut', { method: 'POST', headers: { ...form, cookie } });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/');
    expect(res.headers.getSetCookie().some((c) => c.startsWith(`${SESSION_COOKIE}=;`))).toBe(true);
  });
});

describe('on AWS the local sign-in does not exist', () => {
  const work = mkdtempSync(join(tmpdir(), 'kit-staff-bundle-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test('the Lambda app answers 404 to the local form', async () => {
    const kit = await testKit({ area: 'jamtland' });
    const app = createStaffApp(kit.deps, {
      oidc: oidcClient({ issuer: 'https://cognito-idp.eu-north-1.amazonaws.com/x', clientId: 'c', logoutEndpoint: 'https://x/logout' }),
    });
    const res = await app.request('/logga-in', { method: 'POST', headers: form, body: 'name=Eva&role=admin&org=' });
    expect(res.status).toBe(404);
    expect(res.headers.getSetCookie().filter((c) => c.startsWith(SESSION_COOKIE))).toEqual([]);
  });

  test.each(['staff', 'feedback'])(
    'the %s function bundle (the stack’s esbuild settings) holds none of the local sign-in page',
    async (service) => {
      const entry = fileURLToPath(new URL(`../../functions/${service}/handler.ts`, import.meta.url));
      const outfile = join(work, `${service}.mjs`);
      const result = await build(esbuildOptions(bundleSettings(areaConfig('jamtland')), entry, outfile));
      const inputs = Object.keys(result.metafile!.inputs);
      expect(inputs.some((i) => i.includes('local-sign-in') || i.includes('local-issuer') || i.includes('local-server'))).toBe(false);
      const code = readFileSync(outfile, 'utf8');
      expect(code).toContain(SESSION_COOKIE);
      expect(code).not.toContain(LOCAL_ONLY);
      expect(code).not.toContain('county-kit-local');
    },
    60_000,
  );
});
