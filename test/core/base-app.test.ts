import { describe, expect, it } from 'vitest';
import { createBaseApp } from '../../functions/core/http/base-app.js';
import { ProblemError } from '../../functions/core/http/problem.js';
import { requireStaff } from '../../functions/core/http/staff.js';
import { createLogger } from '../../functions/core/log.js';
import { TooMuchContentionError } from '../../functions/core/store/json.js';
import { StoreUnavailableError } from '../../functions/core/store/store.js';
import { testKit } from '../support/deps.js';

async function makeApp() {
  const lines: string[] = [];
  const kit = await testKit({ area: 'jamtland' });
  const deps = { ...kit.deps, log: createLogger({ service: 'test', write: (_level, line) => lines.push(line) }) };
  const app = createBaseApp(deps, 'directory');
  app.post('/api/directory/things', requireStaff(deps.auth, 'admin', 'editor'), (c) => c.json({ ok: true, staff: c.get('staff')?.org }));
  app.get('/api/directory/boom', () => {
    throw new Error('secret detail at /home/app/x.ts:12');
  });
  app.get('/api/directory/bad', () => {
    throw new ProblemError({ status: 400, title: 'Ogiltig begäran', errors: [{ field: 'q', message: 'Too long' }] });
  });
  return { app, kit, lines };
}

describe('the base app every service starts from', () => {
  it('serves the start page with the area name and its municipalities', async () => {
    const { app } = await makeApp();
    const res = await app.request('/');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain('Stöd vid beroende – Jämtland Härjedalen');
    for (const name of ['Ragunda', 'Bräcke', 'Krokom', 'Strömsund', 'Åre', 'Berg', 'Härjedalen', 'Östersund']) expect(html).toContain(name);
    for (const path of ['/hitta-stod', '/utbildningar', '/uppfoljning', '/tyck-till']) expect(html).toContain(`href="${path}"`);
  });

  it('switches the page to English with ?lang=en and remembers it', async () => {
    const { app } = await makeApp();
    const res = await app.request('/?lang=en');
    expect(await res.text()).toContain('<html lang="en">');
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toContain('lang=en');
    const again = await app.request('/', { headers: { cookie: 'lang=en' } });
    expect(await again.text()).toContain('The municipalities in the collaboration');
  });

  it('answers health as JSON', async () => {
    const { app } = await makeApp();
    const res = await app.request('/api/directory/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', service: 'directory', area: 'jamtland' });
  });

  it('sends security headers with a CSP that allows no inline script', async () => {
    const { app } = await makeApp();
    const res = await app.request('/');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(await res.text()).toContain(`<style nonce="${nonce}">`);
  });

  it('sends HSTS only over TLS', async () => {
    const { app } = await makeApp();
    expect((await app.request('/')).headers.get('strict-transport-security')).toBeNull();
    const tls = await app.request('/', { headers: { 'x-forwarded-proto': 'https' } });
    expect(tls.headers.get('strict-transport-security')).toContain('max-age=');
  });

  it('answers an unknown API path with 404 problem+json', async () => {
    const { app } = await makeApp();
    const res = await app.request('/api/directory/nope');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await res.json()).toMatchObject({ status: 404, title: 'Hittades inte' });
  });

  it('answers an unknown page with a 404 page in the layout for browsers', async () => {
    const { app } = await makeApp();
    const res = await app.request('/hitta-stod/nope', { headers: { accept: 'text/html' } });
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Sidan finns inte');
  });

  it('hides an unexpected error behind a 500 problem without stack or message, and logs only its kind', async () => {
    const { app, lines } = await makeApp();
    const res = await app.request('/api/directory/boom');
    expect(res.status).toBe(500);
    const body = await res.text();
    expect(body).not.toContain('secret detail');
    expect(body).not.toContain('.ts:');
    expect(JSON.parse(body)).toMatchObject({ status: 500, title: 'Något gick fel' });
    expect(lines.join('\n')).not.toContain('secret detail');
    expect(lines.join('\n')).toContain('unhandled error');
  });

  it('passes a problem thrown by a route through with its fields', async () => {
    const { app } = await makeApp();
    const res = await app.request('/api/directory/bad');
    expect(await res.json()).toMatchObject({ status: 400, errors: [{ field: 'q' }] });
  });
});

describe('writes need a verified staff token', () => {
  it('answers 401 without a token', async () => {
    const { app } = await makeApp();
    const res = await app.request('/api/directory/things', { method: 'POST' });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('answers 401 for an expired token', async () => {
    const { app, kit } = await makeApp();
    const token = await kit.bearer({ roles: ['admin'], issuedAt: new Date('2026-11-22T00:00:00Z'), ttlSeconds: 3600 });
    const res = await app.request('/api/directory/things', { method: 'POST', headers: { authorization: token } });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { detail: string }).detail).toContain('expired');
  });

  it('answers 401 for a garbage token', async () => {
    const { app } = await makeApp();
    const res = await app.request('/api/directory/things', { method: 'POST', headers: { authorization: 'Bearer abc.def.ghi' } });
    expect(res.status).toBe(401);
  });

  it('answers 403 for a token without the role', async () => {
    const { app, kit } = await makeApp();
    const res = await app.request('/api/directory/things', {
      method: 'POST',
      headers: { authorization: await kit.bearer({ roles: ['moderator'] }) },
    });
    expect(res.status).toBe(403);
  });

  it('lets an editor through with its organisation', async () => {
    const { app, kit } = await makeApp();
    const res = await app.request('/api/directory/things', {
      method: 'POST',
      headers: { authorization: await kit.bearer({ roles: ['editor'], org: '2380' }) },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, staff: '2380' });
  });
});

describe('when the data store fails', () => {
  it('answers 503 problem+json for a missing bucket, never a stack', async () => {
    const kit = await testKit({ area: 'jamtland' });
    const app = createBaseApp(kit.deps, 'directory');
    app.get('/api/directory/data', () => {
      throw new StoreUnavailableError('S3 store unavailable: NoSuchBucket');
    });
    const res = await app.request('/api/directory/data');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 503, title: 'Tjänsten är inte tillgänglig just nu' });
  });

  it('answers 503 with Retry-After when a write keeps losing to concurrent writers', async () => {
    const kit = await testKit({ area: 'jamtland' });
    const app = createBaseApp(kit.deps, 'directory');
    app.post('/api/directory/data', () => {
      throw new TooMuchContentionError('directory/x.json');
    });
    const res = await app.request('/api/directory/data', { method: 'POST' });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
  });
});
