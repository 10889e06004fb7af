import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indicatorsKit, jsonHeaders, storedKeys } from './helpers.js';

const segment = fc.oneof(
  fc.constantFrom(
    'sip-established',
    'wait-days-first-visit',
    'feedback-received',
    '2026-Q3',
    '2026',
    '2026-13',
    '2580',
    '0180',
    'region',
    '..',
    '%20',
  ),
  fc.string({ maxLength: 12 }).map(encodeURIComponent),
);
const anyJson = fc.oneof(
  fc.jsonValue(),
  fc.record(
    {
      value: fc.oneof(fc.double(), fc.integer(), fc.string(), fc.constant(null)),
      breakdown: fc.jsonValue(),
      denominator: fc.jsonValue(),
      status: fc.jsonValue(),
    },
    { requiredKeys: [] },
  ),
);

describe('every route under arbitrary input', () => {
  it('never answers 500 to a report, and stores nothing it refused', async () => {
    const kit = await indicatorsKit();
    const auth = await kit.bearer({ roles: ['editor'], org: '2580' });
    await fc.assert(
      fc.asyncProperty(segment, segment, segment, anyJson, async (indicator, period, org, body) => {
        const res = await kit.app.request(`/api/indicators/values/${indicator}/${period}/${org}`, {
          method: 'PUT',
          headers: jsonHeaders(auth),
          body: JSON.stringify(body),
        });
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400) expect(res.headers.get('content-type')).toContain('problem+json');
        if (res.status >= 300) expect(await storedKeys(kit)).toEqual([]);
        else await kit.deps.store.delete(`indicators/reports/${indicator}/${period}/${org}.json`);
      }),
      { numRuns: 150 },
    );
  });

  it('never answers 500 to a query', async () => {
    const kit = await indicatorsKit();
    const paths = [
      '/api/indicators/values',
      '/api/indicators/area',
      '/api/indicators/compare',
      '/api/indicators/series',
      '/api/indicators/export.csv',
      '/api/indicators/export.json',
      '/uppfoljning/sip-established',
      '/uppfoljning',
      '/api/indicators/releases',
      '/api/indicators/releases/2026-Q3',
    ];
    const param = fc.tuple(
      fc.constantFrom('indicator', 'period', 'org', 'cursor', 'limit', 'locale', 'lang', 'x'),
      fc.oneof(segment, fc.string({ maxLength: 8 })),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), fc.array(param, { maxLength: 4 }), async (path, params) => {
        const query = new URLSearchParams(params).toString();
        const res = await kit.app.request(`${path}?${query}`);
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
  });

  it('never answers 500 to an upload, and stores nothing from a refused one', async () => {
    const kit = await indicatorsKit();
    const auth = await kit.bearer({ roles: ['admin'] });
    const header = 'indikator;organisation;period;nedbrytning;kategori;värde;status';
    const cell = fc.oneof(
      segment,
      fc.constantFrom('total', 'T', 'gender', 'K', '3', '4,5', '..', '.', '', '"x;y"'),
      fc.string({ maxLength: 6 }),
    );
    const line = fc.array(cell, { minLength: 0, maxLength: 8 }).map((cells) => cells.join(';'));
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 6 }), fc.boolean(), async (lines, withHeader) => {
        const body = [...(withHeader ? [header] : []), ...lines].join('\r\n');
        const res = await kit.app.request('/api/indicators/import.csv', {
          method: 'POST',
          headers: { authorization: auth, 'content-type': 'text/csv' },
          body,
        });
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400) expect(await storedKeys(kit)).toEqual([]);
        else for (const key of await storedKeys(kit)) await kit.deps.store.delete(key);
      }),
      { numRuns: 150 },
    );
  });
});
