import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FsStore } from '../../functions/core/store/fs-store.js';
import { createIndicatorsApp } from '../../functions/indicators/app.js';
import { testKit } from '../support/deps.js';
import { json, jsonHeaders } from './helpers.js';

interface Obs {
  organization: string;
  period: string;
  breakdown: string;
  category: string;
  value: number | null;
  status: string;
}

const AGES = ['0-17', '18-25', '26-64', '65+'];
const ORGS = ['2580', '2584', '2581', '2505'];
const report = fc.record({ k: fc.nat(12), m: fc.nat(12), young: fc.nat(3) }).map(({ k, m, young }) => {
  const total = k + m;
  const y = Math.min(young, total);
  return { value: total, breakdown: { gender: { K: k, M: m }, age: { '0-17': y, '18-25': 0, '26-64': total - y, '65+': 0 } } };
});
const dataset = fc.array(fc.record({ org: fc.constantFrom(...ORGS), period: fc.constantFrom('2026-Q2', '2026-Q3'), report }), {
  minLength: 1,
  maxLength: 8,
});

/** Every additive relation among published observations, as lists of cells. */
function relations(rows: Obs[]): Obs[][] {
  const at = (org: string, period: string, b: string, c: string) =>
    rows.find((r) => r.organization === org && r.period === period && r.breakdown === b && r.category === c);
  const out: Obs[][] = [];
  const periods = [...new Set(rows.map((r) => r.period))];
  for (const period of periods)
    for (const org of [...ORGS, 'area']) {
      const total = at(org, period, 'total', 'T');
      if (!total || total.status === 'not-reported') continue;
      out.push([total, ...['K', 'M'].map((c) => at(org, period, 'gender', c) as Obs)]);
      out.push([total, ...AGES.map((c) => at(org, period, 'age', c) as Obs)]);
    }
  for (const period of periods)
    for (const [b, c] of [['total', 'T'], ['gender', 'K'], ['gender', 'M'], ...AGES.map((a) => ['age', a])] as [string, string][]) {
      const members = ORGS.map((o) => at(o, period, b, c)).filter((o): o is Obs => !!o && o.status !== 'not-reported');
      if (members.length) out.push([at('area', period, b, c) as Obs, ...members]);
    }
  return out;
}

describe('no public route leaks a suppressed value', () => {
  it('holds for any set of released reports: no small count, no relation with one hidden cell, no labels, the CSV agrees', async () => {
    const kit = await testKit({ area: 'norrbotten' });
    const admin = await kit.bearer({ roles: ['admin'] });
    const base = await mkdtemp(join(tmpdir(), 'ind-leak-'));
    let run = 0;
    try {
      await fc.assert(
        fc.asyncProperty(dataset, async (items) => {
          const store = new FsStore(join(base, String(run++)));
          const app = createIndicatorsApp({ ...kit.deps, store }, { cacheWindowMs: 0 });
          const written = new Map<string, unknown>();
          for (const { org, period, report: r } of items) written.set(`${org}/${period}`, r);
          for (const [key, r] of written) {
            const [org, period] = key.split('/');
            const res = await app.request(`/api/indicators/values/sip-established/${period}/${org}`, {
              method: 'PUT',
              headers: jsonHeaders(admin),
              body: JSON.stringify(r),
            });
            expect(res.status).toBe(201);
          }
          for (const period of new Set(items.map((i) => i.period))) {
            const made = await app.request('/api/indicators/releases', {
              method: 'POST',
              headers: jsonHeaders(admin),
              body: JSON.stringify({ period }),
            });
            expect(made.status).toBe(201);
          }
          const { observations } = (await json(await app.request('/api/indicators/export.json?indicator=sip-established'))) as {
            observations: Obs[];
          };
          for (const o of observations) if (o.status === 'reported') expect(o.value === 0 || (o.value as number) >= 5).toBe(true);
          for (const rel of relations(observations)) {
            const hidden = rel.filter((o) => o.status === 'suppressed').length;
            expect(hidden).not.toBe(1);
          }
          const csv = (await (await app.request('/api/indicators/export.csv?indicator=sip-established')).text()).split('\r\n').slice(1, -1);
          expect(csv).toHaveLength(observations.length);
          csv.forEach((line, i) => {
            const cols = line.split(';');
            const o = observations[i] as Obs;
            expect(cols[7]).toBe(o.value === null ? '' : String(o.value));
          });
          const page = await (await app.request('/uppfoljning/sip-established')).text();
          for (const o of observations.filter((x) => x.status === 'suppressed')) expect(o).not.toHaveProperty('suppression');
          for (const o of observations.filter((x) => x.status === 'suppressed')) expect(o.value).toBeNull();
          expect(page).not.toMatch(/<td class="num">[1-4]<\/td>/);
        }),
        { numRuns: 25 },
      );
    } finally {
      await rm(base, { recursive: true, force: true });
    }
  }, 60_000);
});
