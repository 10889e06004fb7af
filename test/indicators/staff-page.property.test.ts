import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createIndicatorsContext } from '../../functions/indicators/context.js';
import { readReport } from '../../functions/indicators/data/repository.js';
import { formToReport } from '../../functions/indicators/routes/staff-page.js';
import { sessionCookie } from '../support/session.js';
import { indicatorsKit, putReport } from './helpers.js';

const FIELDS = [
  'value',
  'breakdown.gender.K',
  'breakdown.gender.M',
  'breakdown.age.0-17',
  'breakdown.age.18-25',
  'breakdown.age.26-64',
  'breakdown.age.65+',
] as const;
const form = { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost', accept: 'text/html' };

/** What a person may type into a figure: empty, figures (negative, decimal comma), words, control and odd characters. */
const typed = fc.oneof(
  fc.constant(''),
  fc.integer({ min: -3, max: 20 }).map(String),
  fc.constantFrom('0', '1,5', ' 7 ', '1e3', 'tre', '12abc', '\u0000', '٣', '1 000'),
  fc.string({ maxLength: 6 }),
);

describe('the reporting form keeps the API rules (any typed input)', () => {
  test('the page stores exactly what PUT /api/indicators/values/… would store, or nothing with 400; never a 500', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record(Object.fromEntries(FIELDS.map((f) => [f, typed])) as Record<(typeof FIELDS)[number], fc.Arbitrary<string>>),
        fc.constantFrom('reported', 'not-applicable', 'zero', ''),
        async (fields, status) => {
          const kit = await indicatorsKit({ area: 'jamtland' });
          const cookie = await sessionCookie(kit.deps, { roles: ['admin'] });
          const body = new URLSearchParams({ ...fields, ...(status ? { status } : {}) }).toString();
          const page = await kit.app.request('/personal/uppfoljning/rapport/sip-established/2026-Q3/2380', {
            method: 'POST',
            headers: { ...form, cookie },
            body,
          });
          const ctx = createIndicatorsContext(kit.deps);
          const input = formToReport(ctx.definition('sip-established')!, ctx.categories, Object.fromEntries(new URLSearchParams(body)));
          const api = await putReport(kit, 'sip-established/2026-Q3/2361', input, await kit.bearer({ roles: ['admin'] }));
          expect([303, 400]).toContain(page.status);
          expect(page.status === 303).toBe(api.status === 201);
          const mine = await readReport(kit.deps.store, { indicator: 'sip-established', period: '2026-Q3', organization: '2380' });
          const theirs = await readReport(kit.deps.store, { indicator: 'sip-established', period: '2026-Q3', organization: '2361' });
          if (page.status === 400) expect(mine).toBeUndefined();
          else expect(mine?.report.current.cells).toEqual(theirs?.report.current.cells);
        },
      ),
      { numRuns: 40 },
    );
  }, 60_000);
});
