import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { sessionCookie } from '../support/session.js';
import { feedbackHarness } from './helpers.js';

const runs = { numRuns: 60 };
const text = fc.string({ unit: 'grapheme', maxLength: 60 });
const formFields = fc.dictionary(
  fc.constantFrom(
    'malbild',
    'text',
    'municipality',
    'service',
    'writer',
    'rating',
    'contact',
    'consent',
    'token',
    'action',
    'pd',
    'webbplats',
    'other',
  ),
  fc.oneof(
    text,
    fc.array(text, { maxLength: 3 }),
    fc.constantFrom('respekt', 'helhet', '1490', 'send', 'review', 'edit', 'yes', 'shown', '3'),
  ),
);

describe('no route answers 500, and bad input stores nothing', () => {
  test('POST /tyck-till with any fields', async () => {
    const h = await feedbackHarness({ clientAddress: () => undefined });
    await fc.assert(
      fc.asyncProperty(formFields, fc.boolean(), async (fields, withToken) => {
        const before = (await h.keys('feedback/submissions/')).length;
        const token = withToken ? await h.token() : undefined;
        h.clock.advance(700);
        const res = await h.post(token ? { ...fields, token } : fields);
        expect(res.status).toBeLessThan(500);
        const after = (await h.keys('feedback/submissions/')).length;
        if (res.status !== 303) expect(after).toBe(before);
      }),
      runs,
    );
  });

  test('POST /tyck-till with any body and content type', async () => {
    const h = await feedbackHarness();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('application/x-www-form-urlencoded', 'application/json', 'text/plain', 'multipart/form-data', ''),
        fc.string({ maxLength: 300 }),
        async (type, body) => {
          const res = await h.app.request('/tyck-till', { method: 'POST', headers: type ? { 'content-type': type } : {}, body });
          expect(res.status).toBeLessThan(500);
          expect(await h.keys('feedback/submissions/')).toEqual([]);
        },
      ),
      runs,
    );
  });

  test('GET of every public page and summary with any query', async () => {
    const h = await feedbackHarness();
    const paths = [
      '/tyck-till',
      '/tyck-till/moderering',
      '/personal/tyck-till',
      '/tyck-till/teckenraknare.js',
      '/tyck-till/tack',
      '/tyck-till/sammanstallning',
      '/api/feedback/summary',
      '/api/feedback/summary.csv',
      '/api/feedback/openapi.json',
      '/api/feedback/health',
      '/api/feedback/audit',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths),
        fc.dictionary(fc.constantFrom('period', 'lang', 'x'), fc.string({ maxLength: 20 })),
        async (path, query) => {
          const res = await h.app.request(`${path}?${new URLSearchParams(query)}`);
          expect(res.status).toBeLessThan(500);
        },
      ),
      runs,
    );
  });

  test('the moderators’ page posts with any fields', async () => {
    const h = await feedbackHarness();
    await h.send({ malbild: ['respekt'], text: 'En synpunkt', action: 'send' });
    const cookie = await sessionCookie(h.kit.deps, { roles: ['moderator'] });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('logga-in', 'logga-ut', '')),
        formFields,
        async (id, fields) => {
          const body = new URLSearchParams();
          for (const [k, v] of Object.entries(fields)) for (const one of typeof v === 'string' ? [v] : v) body.append(k, one);
          const res = await h.app.request(`/personal/tyck-till/${encodeURIComponent(id)}`, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost', cookie },
            body: body.toString(),
          });
          expect(res.status).toBeLessThan(500);
        },
      ),
      runs,
    );
    expect(await h.keys('feedback/submissions/')).toHaveLength(1);
  });

  test('the moderators’ API with any id, query and body', async () => {
    const h = await feedbackHarness();
    await h.send({ malbild: ['respekt'], text: 'En synpunkt', action: 'send' });
    const auth = await h.kit.bearer({ roles: ['moderator'] });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'PATCH', 'DELETE'),
        fc.oneof(fc.string({ maxLength: 30 }), fc.constant('1795424405000-abc')),
        fc.dictionary(fc.constantFrom('malbild', 'municipality', 'period', 'status', 'cursor', 'limit'), fc.string({ maxLength: 20 })),
        fc.jsonValue({ maxDepth: 2 }),
        fc.constantFrom('"new"', '"x"', undefined),
        async (method, id, query, body, ifMatch) => {
          const path =
            method === 'DELETE'
              ? `/api/feedback/submissions/${encodeURIComponent(id)}/contact`
              : method === 'GET' && id.length % 2 === 0
                ? `/api/feedback/submissions?${new URLSearchParams(query)}`
                : `/api/feedback/submissions/${encodeURIComponent(id)}`;
          const res = await h.app.request(path, {
            method,
            headers: { authorization: auth, 'content-type': 'application/json', ...(ifMatch ? { 'if-match': ifMatch } : {}) },
            body: method === 'PATCH' ? JSON.stringify(body) : undefined,
          });
          expect(res.status).toBeLessThan(500);
        },
      ),
      runs,
    );
    expect(await h.keys('feedback/submissions/')).toHaveLength(1);
  });
});
