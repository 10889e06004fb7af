import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { importKolada } from '../../../functions/indicators/kolada/import.js';
import { NATIONAL_KEY, readNational } from '../../../functions/indicators/kolada/store.js';
import { indicatorsKit, putReport, release, storedKeys } from '../helpers.js';

const FILE = 'test/indicators/kolada/jamtland-n35807.json';
const text = readFileSync(FILE, 'utf8');
const NOW = new Date('2026-11-23T09:00:00Z');

/** The fixture with one change to its first entry. */
const changed = (change: (first: Record<string, unknown>) => void) => {
  const data = JSON.parse(text) as { values: Record<string, unknown>[] };
  change(data.values[0] as Record<string, unknown>);
  return JSON.stringify(data);
};

async function jamtland() {
  return indicatorsKit({ area: 'jamtland' });
}

describe('npm run kolada: national statistics in Kolada API v3 shape', () => {
  it('stores a Kolada-shaped file apart from reported values, with source and retrieval date', async () => {
    const kit = await jamtland();
    const result = await importKolada({ config: kit.deps.config, store: kit.deps.store, text, now: NOW, retrievedAt: '2026-11-20' });
    expect(result).toEqual({ stored: 6, retrievedAt: '2026-11-20' });
    expect(await storedKeys(kit)).toEqual([NATIONAL_KEY]);
    const national = await readNational(kit.deps.store);
    expect(national?.source).toBe('Kolada (RKA), CC BY 4.0');
    expect(national?.values.find((v) => v.municipality === '2380' && v.gender === 'T')).toMatchObject({
      indicator: 'persons-in-treatment',
      year: 2025,
      value: 69,
    });
    expect(national?.values.find((v) => v.municipality === '2309' && v.gender === 'K')).toMatchObject({ value: null, status: 'Missing' });
  });

  it.each([
    ['an unknown KPI', changed((f) => (f.kpi = 'N00945')), 'values[0].kpi', 'Unknown KPI "N00945"'],
    [
      'a municipality outside the area',
      changed((f) => (f.municipality = '0180')),
      'values[0].municipality',
      'not a municipality of this area',
    ],
    ['a period in the future', changed((f) => (f.period = 2031)), 'values[0].period', 'Expected a year from 1990 to 2026'],
    ['a period that is not a year', changed((f) => (f.period = '2025-Q1')), 'values[0].period', 'Expected a year'],
    [
      'a gender Kolada does not have',
      changed((f) => ((f.values as { gender: string }[])[0]!.gender = 'X')),
      'values[0].values[0].gender',
      'T, K or M',
    ],
    ['a file that is not JSON', '{"values": [', '(file)', 'not valid JSON'],
    ['JSON without a values list', '{"data": []}', 'values', 'Kolada API v3 data'],
  ])('refuses %s, naming the place in the file, and stores nothing', async (_what, body, field, message) => {
    const kit = await jamtland();
    const result = await importKolada({ config: kit.deps.config, store: kit.deps.store, text: body, now: NOW });
    expect('errors' in result).toBe(true);
    const errors = 'errors' in result ? result.errors : [];
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]?.field).toBe(field);
    expect(errors[0]?.message).toContain(message);
    expect(errors[0]?.sv?.length).toBeGreaterThan(5);
    expect(await storedKeys(kit)).toEqual([]);
  });

  it('shows the national figure beside the municipality’s own released figure, labelled with source and date', async () => {
    const kit = await jamtland();
    await importKolada({ config: kit.deps.config, store: kit.deps.store, text, now: NOW, retrievedAt: '2026-11-20' });
    const admin = await kit.bearer({ roles: ['admin'] });
    expect((await putReport(kit, 'persons-in-treatment/2025-Q4/2380', { value: 55 }, admin)).status).toBe(201);
    expect((await release(kit, '2025-Q4')).status).toBe(201);
    const page = await (await kit.app.request('/uppfoljning/persons-in-treatment')).text();
    expect(page).toContain('Nationell jämförelse');
    expect(page).toContain('Källa: Kolada (RKA), CC BY 4.0, hämtad 2026-11-20');
    const row = page.slice(page.indexOf('id="national-2380-2025"'), page.indexOf('</tr>', page.indexOf('id="national-2380-2025"')));
    expect(row).toContain('<td class="num">69</td><td class="num">21</td><td class="num">48</td><td class="num">55 (2025-Q4)</td>');
    const english = await (await kit.app.request('/uppfoljning/persons-in-treatment?lang=en')).text();
    expect(english).toContain('National statistics, not reported in Follow-up');
    expect(await (await kit.app.request('/uppfoljning/sip-established')).text()).not.toContain('id="national"');
  });

  it('the command names each error by its place in the file and exits 1 without storing', async () => {
    const run = promisify(execFile);
    const dir = mkdtempSync(join(tmpdir(), 'kolada-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      changed((f) => (f.kpi = 'N00945')),
    );
    const failed = await run('npx', ['tsx', 'scripts/kolada.ts', '--area', 'jamtland', bad]).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed).toMatchObject({ code: 1 });
    const stderr = (failed as { stderr: string }).stderr;
    expect(stderr).toContain('Nothing was stored; 1 error(s).');
    expect(stderr).toContain(`${bad}: values[0].kpi`);
    expect(stderr).toContain('Okänt nyckeltal "N00945"');
    const missing = await run('npx', ['tsx', 'scripts/kolada.ts', '--area', 'jamtland', join(dir, 'not-there.json')]).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(missing).toMatchObject({ code: 2 });
  }, 60_000);
});
