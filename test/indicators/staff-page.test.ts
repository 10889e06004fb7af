import { describe, expect, test } from 'vitest';
import type { Role } from '../../functions/core/auth/auth.js';
import { readReport } from '../../functions/indicators/data/repository.js';
import { sessionCookie } from '../support/session.js';
import { indicatorsKit } from './helpers.js';

const OWN = '2380';
const OTHER = '2361';
const PERIOD = '2026-Q3';
const form = { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost', accept: 'text/html' };
const SIP = {
  status: 'reported',
  value: '12',
  'breakdown.gender.K': '3',
  'breakdown.gender.M': '9',
  'breakdown.age.0-17': '0',
  'breakdown.age.18-25': '2',
  'breakdown.age.26-64': '10',
  'breakdown.age.65+': '0',
};
const body = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const sipId = (org = OWN) => ({ indicator: 'sip-established', period: PERIOD, organization: org });

async function setup() {
  const kit = await indicatorsKit({ area: 'jamtland' });
  const cookie = (roles: readonly Role[], org: string = OWN) => sessionCookie(kit.deps, { roles, org });
  const post = async (path: string, fields: Record<string, string>, c: string) =>
    kit.app.request(path, { method: 'POST', headers: { ...form, cookie: c }, body: body(fields) });
  return { kit, cookie, post };
}

describe('/personal/uppfoljning: reporting', () => {
  test('shows every indicator of the period with unit, definition, counting rule and breakdown cells', async () => {
    const { kit, cookie } = await setup();
    const res = await kit.app.request(`/personal/uppfoljning?period=${PERIOD}`, { headers: { cookie: await cookie(['editor']) } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const html = await res.text();
    expect(html).toContain('Östersund');
    expect(html).toContain('Räkneregel');
    expect(html).toContain('En rapportör per fall');
    expect(html).toContain('name="breakdown.gender.K"');
    expect(html).toContain('Inte rapporterat');
    expect(html).toContain('Ett tomt fält betyder');
  });

  test('a period that has not begun shows no forms', async () => {
    const { kit, cookie } = await setup();
    const html = await (
      await kit.app.request('/personal/uppfoljning?period=2027-Q1', { headers: { cookie: await cookie(['editor']) } })
    ).text();
    expect(html).toContain('perioden har inte börjat');
    expect(html).not.toContain('/personal/uppfoljning/rapport/');
  });

  test('a report is stored through the API rules; empty cells stay not reported, 0 is a figure', async () => {
    const { kit, cookie, post } = await setup();
    const res = await post(`/personal/uppfoljning/rapport/sip-established/${PERIOD}/${OWN}`, SIP, await cookie(['editor']));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toContain('meddelande=saved');
    const stored = await readReport(kit.deps.store, sipId());
    expect(stored?.report.current.cells).toMatchObject({ T: 12, 'gender:K': 3, 'age:0-17': 0 });
    const api = await kit.app.request(`/api/indicators/values/sip-established/${PERIOD}/${OWN}`, {
      headers: { authorization: await kit.bearer({ roles: ['editor'], org: OWN }) },
    });
    expect(api.status).toBe(200);
  });

  test('bad input: the message stands next to the field, the typed text is kept, nothing is stored', async () => {
    const { kit, cookie, post } = await setup();
    const res = await post(
      `/personal/uppfoljning/rapport/sip-established/${PERIOD}/${OWN}`,
      { ...SIP, 'breakdown.gender.K': 'tre', value: '12' },
      await cookie(['editor']),
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('id="sip-established--breakdown-gender-K-error"');
    expect(html).toContain('Ange ett antal');
    expect(html).toContain('value="tre"');
    expect(html).toMatch(/<title>Fel: /);
    expect(await readReport(kit.deps.store, sipId())).toBeUndefined();
  });

  test('the sum rule of the API applies (T = K + M) and a not-applicable form is not zero', async () => {
    const { kit, cookie, post } = await setup();
    const c = await cookie(['editor']);
    const bad = await post(`/personal/uppfoljning/rapport/sip-established/${PERIOD}/${OWN}`, { ...SIP, value: '13' }, c);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Totalen (13) ska vara lika med summan av kategorierna (12)');
    const na = await post(`/personal/uppfoljning/rapport/sip-established/${PERIOD}/${OWN}`, { status: 'not-applicable' }, c);
    expect(na.status).toBe(303);
    expect((await readReport(kit.deps.store, sipId()))?.report.current).toMatchObject({ status: 'not-applicable', cells: {} });
  });

  test('a correction keeps the earlier version with its reason; a stale form shows the stored version and keeps the typed one', async () => {
    const { kit, cookie, post } = await setup();
    const c = await cookie(['editor']);
    const path = `/personal/uppfoljning/rapport/sip-established/${PERIOD}/${OWN}`;
    await post(path, SIP, c);
    const first = (await readReport(kit.deps.store, sipId()))!;
    const fixed = { ...SIP, value: '13', 'breakdown.gender.K': '4', 'breakdown.age.26-64': '11', reason: 'Ett ärende kom in sent' };
    expect((await post(path, { ...fixed, etag: first.etag }, c)).status).toBe(303);
    const second = (await readReport(kit.deps.store, sipId()))!;
    expect(second.report.history).toHaveLength(1);
    expect(second.report.current).toMatchObject({ reason: 'Ett ärende kom in sent', cells: { T: 13 } });
    const page = await (await kit.app.request(`/personal/uppfoljning?period=${PERIOD}`, { headers: { cookie: c } })).text();
    expect(page).toContain('Tidigare versioner');
    expect(page).toContain('Ett ärende kom in sent');
    // a form opened before the correction
    const stale = await post(path, { ...SIP, value: '14', 'breakdown.gender.K': '5', 'breakdown.age.26-64': '12', etag: first.etag }, c);
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toContain('Någon annan ändrade rapporten');
    expect(html).toContain('value="14"');
    expect(html).toContain(`value="${second.etag.replace(/"/g, '&quot;')}"`);
    expect((await readReport(kit.deps.store, sipId()))!.etag).toBe(second.etag);
  });
});

describe('/personal/uppfoljning/publicering (admin)', () => {
  test('who has reported, reported against released, and the release with its refusals', async () => {
    const { kit, cookie, post } = await setup();
    const admin = await cookie(['admin']);
    const refused = await post('/personal/uppfoljning/publicering', { period: PERIOD }, admin);
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('Ingen organisation har rapporterat något för 2026-Q3');
    const early = await post('/personal/uppfoljning/publicering', { period: '2026-Q4' }, admin);
    expect(early.status).toBe(409);
    expect(await early.text()).toContain('Rapporteringstiden för 2026-Q4 har inte gått ut');
    await post(`/personal/uppfoljning/rapport/sip-established/${PERIOD}/${OWN}`, SIP, await cookie(['editor']));
    const before = await (
      await kit.app.request(`/personal/uppfoljning/publicering?period=${PERIOD}`, { headers: { cookie: admin } })
    ).text();
    expect(before).toContain('Har inte rapporterat');
    expect(before).toContain('Perioden är inte publicerad');
    const made = await post('/personal/uppfoljning/publicering', { period: PERIOD }, admin);
    expect(made.status).toBe(303);
    const after = await (
      await kit.app.request(`/personal/uppfoljning/publicering?period=${PERIOD}`, { headers: { cookie: admin } })
    ).text();
    expect(after).toContain('revidering 1');
    const pub = await kit.app.request(`/api/indicators/releases`);
    expect(((await pub.json()) as { items: { period: string }[] }).items.map((r) => r.period)).toContain(PERIOD);
  });
});

const ROLE_SETS: Array<readonly Role[]> = [['admin'], ['editor'], ['moderator'], []];
describe('who may use the section (role × organisation × cookie)', () => {
  const cases = ROLE_SETS.flatMap((roles) =>
    [OWN, OTHER].flatMap((org) => [true, false].map((withCookie) => ({ roles, org, withCookie }))),
  );
  test.each(cases)('roles $roles, organisation $org, cookie $withCookie', async ({ roles, org, withCookie }) => {
    const { kit, cookie, post } = await setup();
    const c = withCookie ? await cookie(roles, org) : '';
    const page = await kit.app.request(`/personal/uppfoljning?period=${PERIOD}&org=${OWN}`, { headers: c ? { cookie: c } : {} });
    const report = await post(`/personal/uppfoljning/rapport/sip-established/${PERIOD}/${OWN}`, SIP, c);
    const admin = await kit.app.request(`/personal/uppfoljning/publicering?period=${PERIOD}`, { headers: c ? { cookie: c } : {} });
    const release = await post('/personal/uppfoljning/publicering', { period: PERIOD }, c);
    for (const res of [page, report, admin, release]) expect(res.headers.get('cache-control')).toBe('private, no-store');
    const stored = await readReport(kit.deps.store, sipId());
    if (!withCookie) {
      expect([page.status, report.status, admin.status, release.status]).toEqual([303, 401, 303, 401]);
      expect(stored).toBeUndefined();
      return;
    }
    const isAdmin = roles.includes('admin');
    const mayReport = isAdmin || (roles.includes('editor') && org === OWN);
    const staffRole = isAdmin || roles.includes('editor');
    expect(page.status).toBe(staffRole ? 200 : 403);
    expect(report.status).toBe(mayReport ? 303 : 403);
    expect(stored !== undefined).toBe(mayReport);
    expect(admin.status).toBe(isAdmin ? 200 : 403);
    expect(release.status).toBe(isAdmin ? 303 : 403);
    if (staffRole && !isAdmin) expect(await page.text()).toContain(org === OWN ? 'Östersund' : 'Härjedalen');
  });
});
