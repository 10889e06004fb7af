import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toCsv } from '../../functions/core/csv/index.js';
import { getJson } from '../../functions/core/store/json.js';
import { COLLECTION_KEY, HISTORY_PREFIX } from '../../functions/directory/model/collection.js';
import { calendarKit } from '../calendar/helpers.js';
import { directoryApp, json, jsonInit, kindaService, type J } from '../directory/helpers.js';
import { indicatorsKit, putReport, release, sipReport } from '../indicators/helpers.js';

/**
 * Every CSV export survives a Swedish spreadsheet: LibreOffice Calc (headless) opens the file with
 * the Swedish import filter (`;`, `"`, UTF-8, from row 1, default column types, sv-SE) and saves it
 * with the matching export filter; the service then reads it back unchanged. Without `soffice` the
 * test is skipped with a message, except under CI=true, where it fails.
 */

const exec = promisify(execFile);
const SOFFICE = ['/usr/bin/soffice', '/usr/local/bin/soffice'].find((p) => existsSync(p));
const FILTER = 'Text - txt - csv (StarCalc):59,34,76,1,,1053';
const ci = process.env['CI'] === 'true';

if (!SOFFICE && !ci) console.warn('spreadsheet round trip skipped: soffice (Debian libreoffice-calc-nogui) is not installed');

/** Open each file in LibreOffice Calc and save it as CSV again, all in one (slow) soffice run with a private profile. */
async function throughCalc(work: string, files: Record<string, string>): Promise<Record<string, string>> {
  const names = Object.keys(files);
  for (const name of names) await writeFile(join(work, `${name}.csv`), files[name]!);
  await exec(
    SOFFICE!,
    [
      `-env:UserInstallation=file://${join(work, 'profile')}`,
      '--headless',
      '--norestore',
      `--infilter=${FILTER}`,
      '--convert-to',
      `csv:${FILTER}`,
      '--outdir',
      join(work, 'saved'),
      ...names.map((n) => join(work, `${n}.csv`)),
    ],
    { timeout: 180_000, env: { ...process.env, HOME: work } },
  );
  const saved: Record<string, string> = {};
  for (const name of names) saved[name] = await readFile(join(work, 'saved', `${name}.csv`), 'utf8');
  return saved;
}

/** Services whose text a spreadsheet would run or convert: formulas, codes with leading zeros, `65+`, quotes, line breaks. */
const TRICKY_SERVICES = [
  kindaService({ name: '=HYPERLINK("http://evil.example","klicka")', source: '65+' }),
  kindaService({ name: "=cmd|' /C calc'!A0", description: 'Rad ett; med "citat"\nrad två\n\nrad fyra', organizationId: '0513' }),
  kindaService({ name: '-Öppenvården', description: '+46 är numret', municipalities: ['0509', '0512', '0513'], source: '@källa' }),
  kindaService({ name: 'Mottagning 0580', steward: 'Anna', ageNote: 'Från 18 år', minimumAge: 18, maximumAge: 120 }),
];

const PROGRAMME_HEADER = [
  'titel',
  'beskrivning',
  'ämne',
  'arrangör',
  'start',
  'slut',
  'plats',
  'länk',
  'språk',
  'platser',
  'sista anmälningsdag',
  'målgrupp',
];
/** A term's programme as the core writer writes it: formulas, codes, code lists, dates and times. */
const PROGRAMME = toCsv([
  PROGRAMME_HEADER,
  [
    '=1+1 MI',
    'Dag 1; dag 2\nmed "övningar"',
    'mi',
    '0512',
    '2026-04-14 09:00',
    '2026-04-14 16:00',
    'Kommunhuset',
    '',
    'sv',
    25,
    '2026-04-01 12:00',
    '0512,0513',
  ],
  [
    'SIP',
    '-punkt ett\n-punkt två',
    'sip',
    '0512',
    '2026-05-05 13:00',
    '2026-05-05 15:30',
    '',
    'https://meet.example/sip',
    'sv',
    8,
    '2026-05-01 12:00',
    '',
  ],
]);

describe.skipIf(!SOFFICE && !ci)('round trip through LibreOffice Calc (Swedish filter)', () => {
  let work = '';
  let saved: Record<string, string> = {};
  let directory: Awaited<ReturnType<typeof directoryApp>>;
  let admin = '';
  let exported = '';
  let planId = '';
  let planCsv = '';
  let indicators: Awaited<ReturnType<typeof indicatorsKit>>;
  let indicatorsAdmin = '';
  const indicatorExports: Record<string, string> = {};

  beforeAll(async () => {
    if (!SOFFICE) throw new Error('CI=true but soffice is missing: install libreoffice-calc-nogui (see .ci/run)');
    work = await mkdtemp(join(tmpdir(), 'kit-calc-'));
    directory = await directoryApp();
    admin = await directory.kit.bearer({ roles: ['admin'] });
    for (const service of TRICKY_SERVICES) {
      const res = await directory.app.request('/api/directory/services', jsonInit('POST', service, admin));
      expect(res.status).toBe(201);
    }
    exported = await (await directory.app.request('/api/directory/services.csv')).text();
    // an action plan of the area's seed: item ids, organisation codes, dates and statuses
    planId = ((await json(await directory.app.request('/api/directory/plans'))) as J).items[0].id;
    planCsv = await (await directory.app.request(`/api/directory/plans/${planId}/items.csv`)).text();
    // Uppföljning: counts with small cells (suppressed in public), decimals, a yearly period, "not applicable"
    indicators = await indicatorsKit();
    indicatorsAdmin = await indicators.bearer({ roles: ['admin'] });
    for (const [path, body] of [
      ['sip-established/2026-Q3/2580', sipReport(3, 9)],
      ['sip-established/2026-Q3/2581', sipReport(20, 30)],
      ['wait-days-first-visit/2026-Q3/2580', { value: 12.5, denominator: 40 }],
      ['structured-follow-up-share/2026-Q3/2581', { value: 66.67, denominator: 30 }],
      ['completed-interventions/2026-Q3/2582', { status: 'not-applicable' }],
      ['integrated-receptions/2025/2580', { value: 2 }],
      // a region count split by municipality of residence (breakdown `residence`, codes as category)
      ['persons-in-treatment/2026-Q3/region', { value: 90, breakdown: { residence: { '2580': 40, '2584': 30 } } }],
    ] as const) {
      const res = await putReport(indicators, path, body, indicatorsAdmin);
      expect(res.status, await res.clone().text()).toBe(201);
    }
    expect((await release(indicators)).status).toBe(201);
    expect((await release(indicators, '2025')).status).toBe(201);
    indicatorExports['indicators-public'] = await (await indicators.app.request('/api/indicators/export.csv')).text();
    indicatorExports['indicators-staff'] = await (
      await indicators.app.request('/api/indicators/export.csv', { headers: { authorization: indicatorsAdmin } })
    ).text();
    for (const csv of Object.values(indicatorExports)) expect(csv).toContain(';2026-Q3;residence;');
    saved = await throughCalc(work, { services: exported, plan: planCsv, programme: PROGRAMME, ...indicatorExports });
  }, 240_000);

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('keeps codes and neutralised formulas as text in the spreadsheet (its own CSV shows them unconverted)', () => {
    const text = saved['services']!;
    expect(text).toContain(`'=HYPERLINK(""http://evil.example"",""klicka"")`);
    expect(text).toContain("'0513");
    expect(text).toContain("'65+");
    expect(text).toContain("'0509, 0512, 0513");
    expect(saved['programme']).toContain("'0512,0513");
  });

  it('directory services.csv, opened and saved, is accepted and changes nothing: no write, no history', async () => {
    const { deps } = directory;
    const history = async () => (await deps.store.list(HISTORY_PREFIX)).items.length;
    const collection = async () => (await getJson(deps.store, COLLECTION_KEY))?.etag;
    const before = { history: await history(), collection: await collection(), export: exported };
    expect(before.history).toBeGreaterThan(0);
    expect(before.collection).toBeTruthy();
    const res = await directory.app.request('/api/directory/services.csv', {
      method: 'POST',
      body: saved['services']!,
      headers: { 'content-type': 'text/csv', authorization: admin },
    });
    const body = (await json(res)) as J;
    expect(res.status, JSON.stringify(body).slice(0, 2000)).toBe(200);
    expect(body.changed).toBe(0);
    expect(body.imported).toBeGreaterThanOrEqual(TRICKY_SERVICES.length);
    expect(await history()).toBe(before.history);
    expect(await collection()).toBe(before.collection);
    expect(await (await directory.app.request('/api/directory/services.csv')).text()).toBe(before.export);
  });

  it("an action plan's items.csv, opened and saved, is accepted and changes nothing: no write, no history", async () => {
    const { deps } = directory;
    const history = async () => (await deps.store.list(HISTORY_PREFIX)).items.length;
    const plan = await directory.app.request(`/api/directory/plans/${planId}`);
    const etag = plan.headers.get('etag') ?? '';
    const before = { history: await history(), collection: (await getJson(deps.store, COLLECTION_KEY))?.etag };
    expect(saved['plan']).toContain("'20");
    const res = await directory.app.request(`/api/directory/plans/${planId}/items.csv`, {
      method: 'POST',
      body: saved['plan']!,
      headers: { 'content-type': 'text/csv', authorization: admin, 'if-match': etag },
    });
    expect(res.status, (await res.clone().text()).slice(0, 2000)).toBe(200);
    expect(res.headers.get('etag')).toBe(etag);
    expect(await history()).toBe(before.history);
    expect((await getJson(deps.store, COLLECTION_KEY))?.etag).toBe(before.collection);
    expect(await (await directory.app.request(`/api/directory/plans/${planId}/items.csv`)).text()).toBe(planCsv);
  });

  it('calendar programme, opened and saved, imports the same trainings as the file itself', async () => {
    const read = async (file: string) => {
      const { app, editor } = await calendarKit();
      const res = await app.request('/api/calendar/import', {
        method: 'POST',
        headers: { 'content-type': 'text/csv; charset=utf-8', authorization: editor },
        body: file,
      });
      expect(res.status, await res.clone().text()).toBe(201);
      const list = (await (await app.request('/api/calendar/events')).json()) as { items: Record<string, unknown>[] };
      return list.items.map(
        ({ title, description, topic, organizer, start, end, location, language, capacity, registrationDeadline, audienceOrgs }) => ({
          title,
          description,
          topic,
          organizer,
          start,
          end,
          location,
          language,
          capacity,
          registrationDeadline,
          audienceOrgs,
        }),
      );
    };
    const direct = await read(PROGRAMME);
    expect(direct.map((e) => e['title'])).toEqual(['=1+1 MI', 'SIP']);
    expect(direct[0]).toMatchObject({ organizer: '0512', audienceOrgs: ['0512', '0513'], description: 'Dag 1; dag 2\nmed "övningar"' });
    expect(await read(saved['programme']!)).toEqual(direct);
  });

  it.each(['indicators-public', 'indicators-staff'])(
    'Uppföljning %s export, opened and saved, is accepted and changes nothing: 0 changed, no history, nothing marked corrected',
    async (name) => {
      const { app, deps } = indicators;
      const text = saved[name]!;
      expect(text).toContain("'2580");
      expect(text).toContain("'65+");
      expect(text).toContain(";residence;'2584;");
      const state = async () => {
        const out: Record<string, string> = {};
        for (const { key } of (await deps.store.list('indicators/reports/')).items)
          out[key] = JSON.stringify(await getJson(deps.store, key));
        return out;
      };
      const before = await state();
      expect(Object.keys(before)).toHaveLength(7);
      const res = await app.request('/api/indicators/import.csv', {
        method: 'POST',
        body: text,
        headers: { 'content-type': 'text/csv', authorization: indicatorsAdmin },
      });
      const body = (await res.json()) as J;
      expect(res.status, JSON.stringify(body).slice(0, 2000)).toBe(200);
      expect(body).toMatchObject({ changed: 0, stored: 0 });
      expect(body.unchanged).toBeGreaterThanOrEqual(name === 'indicators-staff' ? 7 : 6);
      expect(await state()).toEqual(before);
      const values = (await (
        await app.request('/api/indicators/values?period=2026-Q3', { headers: { authorization: indicatorsAdmin } })
      ).json()) as { items: { revised?: boolean }[] };
      expect(values.items.length).toBeGreaterThan(0);
      expect(values.items.filter((o) => o.revised)).toEqual([]);
    },
  );
});
