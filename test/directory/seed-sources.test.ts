import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfigFile } from '../../functions/core/config/load.js';
import { seedCollection } from '../../functions/directory/data/seed.js';
import { lineOf, problemsOf } from '../core/config-helpers.js';
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
      const { units, groups, agreements, plans } = config.directory.seed;
      const goals = agreements.flatMap((a) => a.goals.map((g) => ({ ...g, name: `${a.name}: ${g.text}` })));
      const meetings = groups.flatMap((g) => g.meetings.map((m) => ({ ...m, name: `${g.name}: ${m.date}` })));
      const entries = [...units, ...groups, ...meetings, ...agreements, ...goals, ...plans.map((p) => ({ ...p, name: p.title }))];
      for (const entry of entries) {
        const source = entry.source;
        if (!source) continue;
        const path = join(SOURCES ?? '', source.document);
        expect(existsSync(path), `${file}: ${entry.name} names ${source.document}`).toBe(true);
        expect(squash(readFileSync(path, 'utf8')), `${file}: ${entry.name}`).toContain(squash(source.passage));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(60);
  });

  it('every seeded entry of every area names its document and passage, and stays unverified', () => {
    expect(configs).toHaveLength(5);
    for (const { file, config } of configs) {
      const seeded = seedCollection(config, '2026-11-23T10:00:00+01:00');
      const entries = [...seeded.services, ...seeded.groups, ...seeded.agreements, ...seeded.plans];
      expect(entries.length, file).toBeGreaterThan(4);
      for (const entry of entries) {
        expect(entry.source, `${file}: ${entry.id}`).toMatch(/\[\d{3}_[0-9a-f]{16}\.txt\]: ".+"/);
        expect(entry.verified, `${file}: ${entry.id}`).toBeUndefined();
        // the stored `source` is a single line of at most 400 characters, so a later edit keeps it
        expect(entry.source!.length, `${file}: ${entry.id}`).toBeLessThanOrEqual(400);
      }
    }
  });

  it('check-config refuses a seed whose reporting line, plan or organisation does not resolve', () => {
    const norrbotten = readFileSync('config/norrbotten.yaml', 'utf8');
    const keys = (source: string) => problemsOf(source, 'config/norrbotten.yaml').map((p) => p.key);
    expect(keys(norrbotten)).toEqual([]);
    // a line to a group that is not seeded
    expect(keys(norrbotten.replace('reportsTo: Politisk samverkansberedning', 'reportsTo: Okänd grupp'))).toEqual([
      'directory.seed.groups[1].reportsTo',
    ]);
    // the political body reporting to the project group under it: a loop
    const loop = norrbotten.replace(
      '      - name: Politisk samverkansberedning\n        level: politisk',
      '      - name: Politisk samverkansberedning\n        level: politisk\n        reportsTo: Projektgrupp överenskommelse',
    );
    expect(keys(loop)).toEqual(
      expect.arrayContaining([
        'directory.seed.groups[0].reportsTo',
        'directory.seed.groups[1].reportsTo',
        'directory.seed.groups[2].reportsTo',
      ]),
    );
    // a plan of an agreement that is not seeded, and an item of an organisation outside the area
    const plan = norrbotten
      .replace('        agreement: Överenskommelse om missbruks- och beroendevården i Norrbotten', '        agreement: Ingen sådan')
      .replace(
        '            responsible: region\n            start: 2013-03-05',
        "            responsible: '0180'\n            start: 2013-03-05",
      );
    expect(keys(plan)).toEqual(['directory.seed.plans[0].agreement', 'directory.seed.plans[0].items[0].responsible']);
    // a unit kept by an organisation the area does not have
    expect(
      keys(norrbotten.replace('        principal: joint\n', '        principal: joint\n        organization: division-okand\n')),
    ).toEqual(['directory.seed.units[0].organization']);
  });

  it('every goal of a seeded agreement names its passage, follows indicators of the area and invents no target', () => {
    let goals = 0;
    for (const { file, config } of configs)
      for (const agreement of config.directory.seed.agreements)
        for (const goal of agreement.goals) {
          expect(goal.source, `${file}: ${goal.text}`).toBeDefined();
          // a target only where the passage itself has a number
          if (goal.target !== undefined) expect(goal.source!.passage, `${file}: ${goal.text}`).toContain(String(goal.target));
          goals++;
        }
    expect(goals).toBeGreaterThanOrEqual(4);
  });

  it('check-config refuses a seeded goal with an unknown indicator, a target-less maintain or a malformed baseline, naming file, line and key', () => {
    const file = 'config/ostergotland.yaml';
    const source = readFileSync(file, 'utf8');
    expect(problemsOf(source, file)).toEqual([]);
    const unknown = problemsOf(source.replace('              - sip-established\n', '              - sip-upprattade\n'), file);
    expect(unknown).toEqual([
      expect.objectContaining({
        file,
        line: lineOf(source, '              - sip-established'),
        key: 'directory.seed.agreements[0].goals[0].indicators[0]',
        sv: expect.stringContaining('"sip-upprattade"'),
        en: expect.stringContaining("not among the area's indicators"),
      }),
    ]);
    const maintain = problemsOf(source.replace('            direction: decrease\n', '            direction: maintain\n'), file);
    expect(maintain.map((p) => p.key)).toEqual(['directory.seed.agreements[0].goals[1].direction']);
    expect(maintain[0]?.sv).toContain('maintain behöver ett målvärde');
    const baseline = problemsOf(
      source.replace('              - integrated-receptions\n', '              - integrated-receptions\n            baseline: 2015-K1\n'),
      file,
    );
    expect(baseline.map((p) => p.key)).toEqual(['directory.seed.agreements[0].goals[2].baseline']);
    expect(baseline[0]?.en).toContain('2015-Q1');
  });

  it('seeds the 2014 agreement with its owning group, whose meetings carry the decisions the source records; check-config refuses an unknown group, a decision before its meeting or of an outside organisation', () => {
    const file = 'config/ostergotland.yaml';
    const source = readFileSync(file, 'utf8');
    const seeded = seedCollection(loadConfigFile(file), '2026-11-23T10:00:00+01:00');
    const agreement = seeded.agreements.find((a) => a.title.includes('länsövergripande'))!;
    const lgvo = seeded.groups.find((g) => g.name.includes('LGVO'))!;
    expect(agreement.groups).toEqual([lgvo.id]);
    expect(lgvo.meetings.map((m) => m.id)).toEqual(['2015-09-18', '2015-12-11']);
    expect(lgvo.meetings[0]?.decisions).toEqual([expect.objectContaining({ responsible: '0580', deadline: '2016-03-31', status: 'klar' })]);

    const unknownGroup = problemsOf(
      source.replace('          - Ledningsgruppen för vård och omsorg (LGVO)\n', '          - Okänd grupp\n'),
      file,
    );
    expect(unknownGroup.map((p) => p.key)).toEqual(['directory.seed.agreements[0].groups[0]']);
    expect(unknownGroup[0]?.line).toBe(lineOf(source, '          - Ledningsgruppen för vård och omsorg (LGVO)'));
    const early = problemsOf(source.replace('                deadline: 2016-03-31\n', '                deadline: 2015-09-01\n'), file);
    expect(early.map((p) => p.key)).toEqual([
      expect.stringMatching(/^directory\.seed\.groups\[\d+\]\.meetings\[0\]\.decisions\[0\]\.deadline$/),
    ]);
    expect(early[0]?.sv).toContain('före mötet');
    const outside = problemsOf(source.replace("                responsible: '0580'\n", "                responsible: '2380'\n"), file);
    expect(outside.map((p) => p.key)).toEqual([expect.stringMatching(/\.meetings\[0\]\.decisions\[0\]\.responsible$/)]);
  });

  it('every area names the region units of its source, and its seeded plans belong to a seeded group or agreement', () => {
    for (const { file, config } of configs) {
      expect(config.region.units.length, file).toBeGreaterThan(1);
      const seeded = seedCollection(config, '2026-11-23T10:00:00+01:00');
      for (const plan of seeded.plans) {
        const owners = [...seeded.groups.map((g) => g.id), ...seeded.agreements.map((a) => a.id)];
        expect(owners, `${file}: ${plan.title}`).toContain(plan.groupId ?? plan.agreementId);
        expect(plan.items.length, `${file}: ${plan.title}`).toBeGreaterThan(2);
      }
    }
  });

  it('services for relatives or gambling carry those target groups and topics', () => {
    const servicesOf = (file: string) => seedCollection(configs.find((c) => c.file === file)!.config, '2026-11-23T10:00:00+01:00').services;
    const byName = (file: string, name: string) => servicesOf(file).find((s) => s.name === name)!;
    expect(byName('jamtland.yaml', 'Nexus').targetGroups).toContain('relatives');
    expect(byName('jamtland.yaml', 'Gemensam mottagning (ett telefonnummer)').substances).toContain('gambling');
    expect(byName('ostergotland.yaml', 'Spelbehandling Norrköping').substances).toEqual(['gambling']);
    expect(byName('ostergotland.yaml', 'Mini Maria Linköping').targetGroups).toEqual(expect.arrayContaining(['youth', 'relatives']));
    expect(byName('sjuharad.yaml', 'Mini-Maria Södra Älvsborg').targetGroups).toContain('relatives');
    // a region-run unit is kept by its region unit, not by the municipality it lies in
    expect(byName('ostergotland.yaml', 'Beroendekliniken i Norrköping').organizationId).toBe('beroendekliniken-norrkoping');
    expect(byName('sjuharad.yaml', 'LARO-verksamheten').organizationId).toBe('region');
  });

  it('Västernorrland: the municipalities’ länssamordnare exists, the region’s is proposed; the plan runs in steps 1–3', () => {
    const { groups, plans } = seedCollection(configs.find((c) => c.file === 'vasternorrland.yaml')!.config, '2026-11-23T10:00:00+01:00');
    const coordinators = groups.find((g) => g.name.startsWith('Länssamordnare'))!;
    expect(coordinators.memberRoles.find((r) => r.organization === 'region')?.role).toMatch(/föreslagen/);
    expect(coordinators.memberRoles.filter((r) => /finns/.test(r.role))).toHaveLength(7);
    expect(plans).toHaveLength(1);
    expect(plans[0]!.groupId).toBe(coordinators.id);
    for (const step of ['Steg 1', 'Steg 2', 'Steg 3']) expect(plans[0]!.items.some((i) => i.what.startsWith(step))).toBe(true);
  });

  it('Jämtland: the steering group under SVOM and its plan in years 1–3', () => {
    const { groups, plans, agreements } = seedCollection(
      configs.find((c) => c.file === 'jamtland.yaml')!.config,
      '2026-11-23T10:00:00+01:00',
    );
    const steering = groups.find((g) => g.name === 'Styrgrupp för integrerad missbruksverksamhet')!;
    expect(steering.reportsTo).toBe(groups.find((g) => g.name === 'SVOM')!.id);
    expect(steering.members).toEqual(['region', '2380']);
    expect(plans).toHaveLength(1);
    expect(plans[0]!.groupId).toBe(steering.id);
    for (const year of ['År 1', 'År 2', 'År 3']) expect(plans[0]!.items.some((i) => i.what.startsWith(year))).toBe(true);
    expect(agreements.find((a) => a.title.startsWith('Gränsdragningsdokument'))!.parties).toEqual(['beroendeenheten', 'primarvarden']);
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
    expect(county.lifecycle.at(-1)?.status).toBe('gallande');
    const drafting = seeded.agreements.filter((a) => a.lifecycle.at(-1)?.status === 'under-utarbetande').map((a) => a.title);
    expect(drafting).toHaveLength(5);
    expect(drafting).toContain('Integrerad beroendemottagning för vuxna, Norrköping');
    expect(seeded.agreements.filter((a) => a.lifecycle.at(-1)?.status === 'under-revidering')).toHaveLength(2);
    const plan = seeded.plans.find((p) => p.agreementId === county.id)!;
    expect(plan.items.map((i) => i.deadline)).toEqual(['2017-12-31', '2017-12-31', '2017-12-31', '2017-12-31']);
    expect(seeded.groups.find((g) => g.name === 'Västergruppen')?.mandate).toMatch(/^operativa chefer/);
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
    const groups = seededOf('sjuharad.yaml').groups;
    expect(groups.map((g) => g.level)).toEqual(['strategisk', 'operativ', 'strategisk']);
    expect(groups[1]!.reportsTo).toBe(groups[0]!.id);
  });

  it('Norrbotten: the political body, the county steering group under it and the project group under that', () => {
    const { groups, agreements } = seedCollection(configs.find((c) => c.file === 'norrbotten.yaml')!.config, '2026-11-23T10:00:00+01:00');
    const byName = (name: string) => groups.find((g) => g.name === name)!;
    expect(byName('Politisk samverkansberedning').level).toBe('politisk');
    expect(byName('Länsstyrgruppen').reportsTo).toBe(byName('Politisk samverkansberedning').id);
    expect(byName('Projektgrupp överenskommelse').reportsTo).toBe(byName('Länsstyrgruppen').id);
    expect(byName('Projektgrupp överenskommelse').members).toHaveLength(3 + 14);
    expect(agreements).toHaveLength(1);
    expect(agreements[0]!.lifecycle.at(-1)?.status).toBe('under-utarbetande');
    expect(agreements[0]!.parties).toHaveLength(15);
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
