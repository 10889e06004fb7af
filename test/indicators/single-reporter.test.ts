import { describe, expect, it } from 'vitest';
import { getJson, putJson } from '../../functions/core/store/json.js';
import type { Store } from '../../functions/core/store/store.js';
import { createIndicatorsApp } from '../../functions/indicators/app.js';
import { reportKey, type StoredReport } from '../../functions/indicators/model/report.js';
import { sessionCookie } from '../support/session.js';
import { indicatorsKit, json, putReport, release, sipReport, storedKeys } from './helpers.js';

const SIP = 'sip-established/2026-Q3';
const OSTERSUND = '2380';

/** Jämtland: Östersund (2380) and the region share SIPs. */
async function jamtland() {
  const kit = await indicatorsKit({ area: 'jamtland' });
  return {
    kit,
    admin: await kit.bearer({ roles: ['admin'] }),
    ostersund: await kit.bearer({ roles: ['editor'], org: OSTERSUND }),
    region: await kit.bearer({ roles: ['editor'], org: 'region' }),
  };
}

function expectSingleReporterRefusal(body: Record<string, unknown> & { errors: { field: string; message: string; sv: string }[] }) {
  expect(body.type).toBe('urn:county-kit:indicators:single-reporter');
  expect(body.title).toContain('En rapportör per fall');
  expect(body.detail).toContain('single-reporter');
  expect(body.errors).toHaveLength(1);
  expect(body.errors[0]?.field).toBe('value');
  expect(body.errors[0]?.message).toContain('Counting rule single-reporter');
  expect(body.errors[0]?.sv).toContain('Räkneregeln en rapportör per fall');
}

describe('single-reporter rule: a joint case is reported by one party only', () => {
  it('refuses a SIP value from the region when Östersund has reported its SIPs, naming the rule, and stores nothing', async () => {
    const { kit, ostersund, region } = await jamtland();
    expect((await putReport(kit, `${SIP}/${OSTERSUND}`, sipReport(3, 9), ostersund)).status).toBe(201);
    const res = await putReport(kit, `${SIP}/region`, sipReport(2, 3), region);
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const body = await json(res);
    expectSingleReporterRefusal(body);
    expect(body.errors[0].message).toContain('Östersund');
    expect(await storedKeys(kit)).toEqual([`indicators/reports/${SIP}/${OSTERSUND}.json`]);
  });

  it('refuses Östersund when the region reported first, naming the region', async () => {
    const { kit, ostersund, region } = await jamtland();
    expect((await putReport(kit, `${SIP}/region`, sipReport(2, 3), region)).status).toBe(201);
    const res = await putReport(kit, `${SIP}/${OSTERSUND}`, sipReport(3, 9), ostersund);
    expect(res.status).toBe(409);
    const body = await json(res);
    expectSingleReporterRefusal(body);
    expect(body.errors[0].message).toContain('Region Jämtland Härjedalen');
    expect(await storedKeys(kit)).toEqual([`indicators/reports/${SIP}/region.json`]);
  });

  it('accepts the other party with value 0 and its participation, keeps participation staff-only', async () => {
    const { kit, ostersund, region } = await jamtland();
    expect((await putReport(kit, `${SIP}/${OSTERSUND}`, sipReport(3, 9), ostersund)).status).toBe(201);
    const res = await putReport(kit, `${SIP}/region`, { ...sipReport(0, 0), participated: 12 }, region);
    expect(res.status).toBe(201);
    const body = await json(res);
    expect(body.current).toMatchObject({ participated: 12, counting: 'single-reporter' });
    expect(body.counting.rule).toBe('single-reporter');
    expect((await release(kit)).status).toBe(201);
    const published = JSON.stringify((await getJson(kit.deps.store, 'indicators/public/releases.json'))?.value);
    expect(published).toContain('sip-established');
    expect(published).not.toContain('participated');
    const exported = await (await kit.app.request('/api/indicators/export.json?indicator=sip-established')).text();
    expect(exported).not.toContain('participated');
    const area = await json(await kit.app.request('/api/indicators/area?indicator=sip-established&period=2026-Q3'));
    expect(area.items[0].cells.T.value).toBe(12);
    expect(area.items[0]).not.toHaveProperty('overlap');
  });

  it('does not count a zero as a report of the pair: both may report 0', async () => {
    const { kit, ostersund, region } = await jamtland();
    expect((await putReport(kit, `${SIP}/region`, sipReport(0, 0), region)).status).toBe(201);
    expect((await putReport(kit, `${SIP}/${OSTERSUND}`, sipReport(0, 0), ostersund)).status).toBe(201);
  });

  it('refuses a participation count on an indicator counted by each organisation', async () => {
    const { kit, ostersund } = await jamtland();
    const res = await putReport(kit, `persons-in-treatment/2026-Q3/${OSTERSUND}`, { value: 20, participated: 3 }, ostersund);
    expect(res.status).toBe(400);
    expect((await json(res)).errors.map((e: { field: string }) => e.field)).toContain('participated');
    expect(await storedKeys(kit)).toEqual([]);
  });

  it('refuses an upload holding both parties under the rule, naming each report, and stores none of it', async () => {
    const { kit, admin } = await jamtland();
    const header =
      'indikator;indikatornamn;organisation;organisationsnamn;period;nedbrytning;kategori;värde;status;förklaring;antal_personer;enhet;beräkning;täckning;definition';
    const line = (org: string, value: string) => `sip-established;;="${org}";;2026-Q3;total;T;${value};;;;count;;`;
    const res = await kit.app.request('/api/indicators/import.csv', {
      method: 'POST',
      headers: { authorization: admin, 'content-type': 'text/csv; charset=utf-8' },
      body: `\uFEFF${header}\r\n${line(OSTERSUND, '7')}\r\n${line('region', '4')}\r\n`,
    });
    expect(res.status).toBe(409);
    const body = await json(res);
    expect(body.type).toBe('urn:county-kit:indicators:single-reporter');
    expect(body.errors.map((e: { field: string }) => e.field)).toEqual([
      'sip-established 2026-Q3 2380, column värde/value',
      'sip-established 2026-Q3 region, column värde/value',
    ]);
    expect(await storedKeys(kit)).toEqual([]);
  });

  it('the staff form says which rule applies, offers participation and refuses a double report', async () => {
    const { kit, ostersund } = await jamtland();
    expect((await putReport(kit, `${SIP}/${OSTERSUND}`, sipReport(3, 9), ostersund)).status).toBe(201);
    const cookie = await sessionCookie(kit.deps, { roles: ['editor'], org: 'region' });
    const page = await (await kit.app.request('/personal/uppfoljning?period=2026-Q3&org=region', { headers: { cookie } })).text();
    expect(page).toContain('name="participated"');
    expect(page).toContain('<strong>Räkneregel:</strong> En rapportör per fall');
    const fields = {
      status: 'reported',
      value: '5',
      'breakdown.gender.K': '2',
      'breakdown.gender.M': '3',
      'breakdown.age.0-17': '0',
      'breakdown.age.18-25': '0',
      'breakdown.age.26-64': '5',
      'breakdown.age.65+': '0',
    };
    const res = await kit.app.request(`/personal/uppfoljning/rapport/${SIP}/region`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost', accept: 'text/html', cookie },
      body: new URLSearchParams(fields).toString(),
    });
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain('Räkneregeln en rapportör per fall');
    expect(html).toContain('Östersund');
    expect(await storedKeys(kit)).toEqual([`indicators/reports/${SIP}/${OSTERSUND}.json`]);
  });

  it('says so beside the area figure when both parties reported under an older rule', async () => {
    const { kit } = await jamtland();
    const old = (organization: string, t: number): StoredReport => ({
      indicator: 'sip-established',
      organization,
      period: '2026-Q3',
      current: { status: 'reported', cells: { T: t }, denominators: {}, reportedBy: 'x', reportedAt: '2026-10-02T10:00:00+02:00' },
      history: [],
    });
    await putJson(kit.deps.store, reportKey('sip-established', '2026-Q3', OSTERSUND), old(OSTERSUND, 12));
    await putJson(kit.deps.store, reportKey('sip-established', '2026-Q3', 'region'), old('region', 9));
    expect((await release(kit)).status).toBe(201);
    const area = await json(await kit.app.request('/api/indicators/area?indicator=sip-established&period=2026-Q3'));
    expect(area.items[0].overlap).toEqual([OSTERSUND, 'region']);
    const page = await (await kit.app.request('/uppfoljning/sip-established?period=2026-Q3')).text();
    expect(page).toContain('id="overlap"');
    expect(page).toContain('äldre räkneregel');
    const other = await (await kit.app.request('/uppfoljning/persons-in-treatment')).text();
    expect(other).not.toContain('id="overlap"');
  });

  describe('when the other party saves at the same moment', () => {
    /** A store that, right after the region's report is written, stores Östersund's report too (a save that passed its own check just before). */
    async function racing() {
      const { kit, admin } = await jamtland();
      const raced: Store = Object.create(kit.deps.store) as Store;
      let done = false;
      raced.put = async (key, body, options) => {
        const result = await kit.deps.store.put(key, body, options);
        if (!done && key === reportKey('sip-established', '2026-Q3', 'region')) {
          done = true;
          const other: StoredReport = {
            indicator: 'sip-established',
            organization: OSTERSUND,
            period: '2026-Q3',
            current: {
              status: 'reported',
              cells: { T: 7 },
              denominators: {},
              counting: 'single-reporter',
              reportedBy: 'x',
              reportedAt: '2026-11-23T10:00:00+01:00',
            },
            history: [],
          };
          await putJson(kit.deps.store, reportKey('sip-established', '2026-Q3', OSTERSUND), other);
        }
        return result;
      };
      return { kit, admin, app: createIndicatorsApp({ ...kit.deps, store: raced }, { cacheWindowMs: 0 }) };
    }

    it('puts a PUT back and refuses it, so the same cases are not stored twice', async () => {
      const { kit, admin, app } = await racing();
      const res = await putReport({ app }, `${SIP}/region`, sipReport(2, 3), admin);
      expect(res.status).toBe(409);
      expect((await json(res)).type).toBe('urn:county-kit:indicators:single-reporter');
      expect(await storedKeys(kit)).toEqual([`indicators/reports/${SIP}/${OSTERSUND}.json`]);
    });

    it('puts a whole upload back and refuses it', async () => {
      const { kit, admin, app } = await racing();
      const header =
        'indikator;indikatornamn;organisation;organisationsnamn;period;nedbrytning;kategori;värde;status;förklaring;antal_personer;enhet;beräkning;täckning;definition';
      const line = (indicator: string, org: string, value: string) => `${indicator};;="${org}";;2026-Q3;total;T;${value};;;;count;;`;
      const res = await app.request('/api/indicators/import.csv', {
        method: 'POST',
        headers: { authorization: admin, 'content-type': 'text/csv; charset=utf-8' },
        body: `\uFEFF${header}\r\n${line('sip-established', 'region', '4')}\r\n${line('completed-interventions', '2309', '9')}\r\n`,
      });
      expect(res.status).toBe(409);
      expect(await storedKeys(kit)).toEqual([`indicators/reports/${SIP}/${OSTERSUND}.json`]);
    });
  });
});
