import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfigFile } from '../../functions/core/config/load.js';
import { seedCollection } from '../../functions/directory/data/seed.js';
import { directoryApp } from './helpers.js';

/** The areas' source documents: `KIT_SOURCES_DIR`, else `shared/sources` beside the checkout or its worktree parent. */
const SOURCES = [process.env['KIT_SOURCES_DIR'], resolve('..', 'shared', 'sources'), resolve('..', '..', 'shared', 'sources')].find(
  (dir): dir is string => dir !== undefined && existsSync(dir),
);
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const configs = readdirSync('config')
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => ({ file: f, config: loadConfigFile(join('config', f)) }));

describe('seeded facts trace to their sources', () => {
  it('finds the source documents', () => {
    expect(SOURCES, 'set KIT_SOURCES_DIR to the folder of the areas’ source documents').toBeDefined();
  });

  it('every passage a seeded entry names occurs in the document it names', () => {
    let checked = 0;
    for (const { file, config } of configs) {
      const { units, groups, agreements } = config.directory.seed;
      for (const entry of [...units, ...groups, ...agreements]) {
        const source = 'source' in entry ? entry.source : undefined;
        if (!source) continue;
        const path = join(SOURCES ?? '', source.document);
        expect(existsSync(path), `${file}: ${entry.name} names ${source.document}`).toBe(true);
        expect(squash(readFileSync(path, 'utf8')), `${file}: ${entry.name}`).toContain(squash(source.passage));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(15);
  });

  it('Östergötland: every seeded group and agreement names its document and passage, and is unverified', () => {
    const config = configs.find((c) => c.file === 'ostergotland.yaml')!.config;
    const seeded = seedCollection(config, '2026-11-23T10:00:00+01:00');
    for (const entry of [...seeded.groups, ...seeded.agreements]) {
      expect(entry.source, 'id' in entry ? entry.id : '').toMatch(/\[003_c033900fa3dc0081\.txt\]: ".+"/);
      expect(entry.verified).toBeUndefined();
    }
    const county = seeded.agreements.find((a) => a.title.includes('länsövergripande'))!;
    expect(county.parties).toHaveLength(14);
    expect(county.ends).toBe('2017-12-31');
  });

  it('one unit serves several municipalities; Sjuhärad’s Mini-Maria needs no referral and serves all but Mark', () => {
    const seededOf = (file: string) => seedCollection(configs.find((c) => c.file === file)!.config, '2026-11-23T10:00:00+01:00');
    const ost = seededOf('ostergotland.yaml').services;
    expect(ost.find((u) => u.name === 'Mini Maria Mjölby')).toMatchObject({ municipalities: ['0586', '0560', '0509'], maximumAge: 25 });
    expect(ost.find((u) => u.name === 'Mini Maria Motala')?.municipalities).toEqual(['0583', '0584']);
    const sju = seededOf('sjuharad.yaml').services;
    const mini = sju.find((u) => u.name === 'Mini-Maria Södra Älvsborg')!;
    expect(mini.referralRequired).toBe(false);
    expect(mini.municipalities).toHaveLength(7);
    expect(mini.municipalities).not.toContain('1463');
    expect(mini.targetGroups).toEqual(expect.arrayContaining(['youth', 'relatives']));
    expect(mini.substances).toContain('gambling');
    expect(sju.map((u) => u.name)).toContain('Mobila teamet vuxenpsykiatriska kliniken');
  });

  it('Norrbotten: the political body, the county steering group under it and the project group under that', () => {
    const { groups, agreements } = seedCollection(configs.find((c) => c.file === 'norrbotten.yaml')!.config, '2026-11-23T10:00:00+01:00');
    const byName = (name: string) => groups.find((g) => g.name === name)!;
    expect(byName('Politisk samverkansberedning').level).toBe('politisk');
    expect(byName('Länsstyrgruppen').reportsTo).toBe(byName('Politisk samverkansberedning').id);
    expect(byName('Projektgrupp överenskommelse').reportsTo).toBe(byName('Länsstyrgruppen').id);
    expect(agreements).toHaveLength(1);
  });

  it('Östergötland: the page draws the structure as a tree with levels', async () => {
    const { app } = await directoryApp();
    const page = await (await app.request('/hitta-stod/samverkan')).text();
    const parent = page.indexOf('Strategisk samverkansgrupp region väst</a>');
    const child = page.indexOf('Västergruppen</a>');
    expect(parent).toBeGreaterThan(0);
    expect(page.slice(parent, child)).toContain('<ul class="tree">');
    expect(page).toContain('Operativ nivå');
    expect(page).toContain('Strategisk nivå');
  });
});
