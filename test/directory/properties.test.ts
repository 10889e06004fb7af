import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../functions/core/store/store.js';
import { COLLECTION_KEY } from '../../functions/directory/model/collection.js';
import { directoryApp } from './helpers.js';

const GET_ROUTES = [
  '/api/directory/services',
  '/api/directory/services/mini-maria-mjolby',
  '/api/directory/services.csv',
  '/api/directory/organizations',
  '/api/directory/organizations/0513',
  '/api/directory/groups',
  '/api/directory/agreements',
  '/api/directory/hsds/',
  '/api/directory/hsds/services',
  '/api/directory/hsds/organizations',
  '/api/directory/coordinator/gaps',
  '/hitta-stod',
  '/hitta-stod/samverkan',
  '/hitta-stod/tjanst/mini-maria-mjolby',
];
const WRITE_ROUTES: [string, string][] = [
  ['POST', '/api/directory/services'],
  ['PUT', '/api/directory/services/mini-maria-mjolby'],
  ['DELETE', '/api/directory/services/mini-maria-mjolby'],
  ['POST', '/api/directory/groups'],
  ['PUT', '/api/directory/groups/vastergruppen'],
  ['POST', '/api/directory/agreements'],
  ['POST', '/api/directory/services.csv'],
];

const QUERY_KEYS = [
  'q',
  'municipality',
  'targetGroup',
  'substance',
  'principal',
  'careLevel',
  'noReferral',
  'openNow',
  'language',
  'age',
  'cursor',
  'limit',
  'expiringWithinDays',
  'expired',
  'page',
  'per_page',
  'search',
  'targetGroup',
  'lang',
];
const queryString = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constantFrom(...QUERY_KEYS), fc.string()),
      fc.oneof(fc.string(), fc.constantFrom('0513', 'true', '-1', '%', '', 'youth', '99999')),
    ),
    { maxLength: 6 },
  )
  .map((pairs) => new URLSearchParams(pairs).toString());
const body = fc.oneof(
  fc.json(),
  fc.string(),
  fc
    .record({ name: fc.string(), organizationId: fc.string(), principal: fc.string(), municipalities: fc.anything() }, { requiredKeys: [] })
    .map((o) => JSON.stringify(o)),
);

async function snapshot(store: Store): Promise<string> {
  const found = await store.get(COLLECTION_KEY);
  const history = await store.list('directory/history/');
  return `${found && found !== 'not-modified' ? found.etag : 'none'} ${history.items.length}`;
}

describe('random input never breaks the directory', () => {
  let ctx: Awaited<ReturnType<typeof directoryApp>>;
  let admin: string;
  beforeAll(async () => {
    ctx = await directoryApp('ostergotland');
    admin = await ctx.kit.bearer({ roles: ['admin'] });
    await ctx.app.request('/api/directory/services');
  });

  it('answers random query strings on every public route without a 500', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...GET_ROUTES), queryString, async (route, query) => {
        const res = await ctx.app.request(`${route}?${query}`, { headers: { authorization: admin, accept: 'text/html' } });
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 300 },
    );
  });

  it('answers random bodies on every write route without a 500 and stores nothing unless it succeeds', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...WRITE_ROUTES),
        body,
        fc.constantFrom('application/json', 'text/csv', 'text/plain', 'application/xml'),
        fc.constantFrom('"stale"', '*', ''),
        async ([method, route], text, type, ifMatch) => {
          const before = await snapshot(ctx.deps.store);
          const headers: Record<string, string> = { authorization: admin, 'content-type': type };
          if (ifMatch) headers['if-match'] = ifMatch;
          const res = await ctx.app.request(route, { method, body: text, headers });
          expect(res.status).toBeLessThan(500);
          if (res.status >= 300) expect(await snapshot(ctx.deps.store)).toBe(before);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses an oversized body with 413', async () => {
    const res = await ctx.app.request('/api/directory/services', {
      method: 'POST',
      body: JSON.stringify({ name: 'x'.repeat(300_000) }),
      headers: { authorization: admin, 'content-type': 'application/json' },
    });
    expect(res.status).toBe(413);
  });

  it('refuses a body that is not JSON with 400 naming the body', async () => {
    const res = await ctx.app.request('/api/directory/services', {
      method: 'POST',
      body: '{nope',
      headers: { authorization: admin, 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe('(body)');
  });

  it('refuses a field of the wrong type with 400 naming the field', async () => {
    const res = await ctx.app.request('/api/directory/services', {
      method: 'POST',
      body: JSON.stringify({ name: 'Test', organizationId: '0513', principal: 'municipality', dropIn: 'ja' }),
      headers: { authorization: admin, 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['dropIn']);
  });
});
