import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countyJsonSchemaText } from '../../functions/core/config/json-schema.js';
import { parseConfig } from '../../functions/core/config/load.js';
import { indicatorDefinitions } from '../../functions/core/config/rules.js';
import { AREAS, areaConfig } from '../support/deps.js';
import { lineOf, problemsOf } from './config-helpers.js';

const jamtland = readFileSync('config/jamtland.yaml', 'utf8');

describe('the shipped config files', () => {
  it.each(AREAS)('%s parses and validates', (area) => {
    const config = areaConfig(area);
    expect(config.id).toBe(area);
    expect(config.languages).toEqual(expect.arrayContaining(['sv', 'en']));
  });

  it('gives Jämtland its eight municipalities and Norrbotten its fourteen', () => {
    expect(areaConfig('jamtland').municipalities.map((m) => m.name)).toContain('Östersund');
    expect(areaConfig('jamtland').municipalities).toHaveLength(8);
    expect(areaConfig('norrbotten').municipalities).toHaveLength(14);
  });

  it('gives Östergötland its three parts of the county', () => {
    expect(areaConfig('ostergotland').areas.map((a) => a.id)).toEqual(['vast', 'central', 'ost']);
  });

  it('fills defaults for keys a coordinator leaves out', () => {
    const minimal = jamtland.replace(/^modules:\n( {2}.*\n)+/m, '').replace(/^aws:\n( {2}.*\n)+/m, '');
    const config = parseConfig(minimal, 'config/jamtland.yaml');
    expect(config.modules).toEqual({ directory: true, calendar: true, indicators: true, feedback: true });
    expect(config.aws.region).toBe('eu-north-1');
  });

  it('uses all default indicators unless told otherwise', () => {
    const ids = indicatorDefinitions(areaConfig('jamtland')).map((d) => d.id);
    expect(ids).toContain('sip-established');
    expect(ids).toContain('feedback-received');
    expect(indicatorDefinitions(areaConfig('jamtland')).every((d) => d.suppression?.minCount === 5)).toBe(true);
  });

  it('keeps config/county.schema.json in step with the schema (run npm run config-schema)', () => {
    expect(readFileSync('config/county.schema.json', 'utf8')).toBe(countyJsonSchemaText());
  });

  it('points every config file at the JSON Schema for editor completion', () => {
    for (const area of AREAS)
      expect(readFileSync(`config/${area}.yaml`, 'utf8')).toMatch(/^# yaml-language-server: \$schema=\.\/county\.schema\.json/);
  });
});

describe('a broken config file', () => {
  it('names an unknown key with its line', () => {
    const source = jamtland.replace("countyCode: '23'", 'countyCode: "23"\ncolour: red');
    const [p] = problemsOf(source);
    expect(p).toMatchObject({ file: 'config/jamtland.yaml', key: 'colour', line: lineOf(source, 'colour: red') });
    expect(p?.sv).toContain('Okänd nyckel');
    expect(p?.en).toContain('Unknown key');
  });

  it('names a misspelt nested key', () => {
    const source = jamtland.replace('  logoText:', '  logotext:');
    const keys = problemsOf(source).map((p) => p.key);
    expect(keys).toContain('branding.logotext');
    expect(keys).toContain('branding.logoText');
  });

  it('rejects a municipality code written as a number or with the wrong length', () => {
    const source = jamtland.replace("code: '2303'", 'code: 2303').replace("code: '2305'", "code: '235'");
    const problems = problemsOf(source);
    expect(problems.map((p) => p.key)).toEqual(['municipalities[0].code', 'municipalities[1].code']);
    expect(problems[0]?.line).toBe(lineOf(source, 'code: 2303'));
    expect(problems[1]?.sv).toContain('fyra siffror');
  });

  it('rejects a duplicate municipality code', () => {
    const source = jamtland.replace("code: '2305'", "code: '2303'");
    const [p] = problemsOf(source);
    expect(p).toMatchObject({ key: 'municipalities[1].code', line: lineOf(source, "code: '2303'") + 2 });
    expect(p?.en).toContain('Duplicate municipality code "2303"');
  });

  it('rejects a missing region', () => {
    const source = jamtland.replace(/^region:\n( {2}.*\n)+/m, '');
    const [p] = problemsOf(source);
    expect(p).toMatchObject({ key: 'region' });
    expect(p?.sv).toContain('saknas');
  });

  it('rejects a retention period out of range', () => {
    const source = jamtland.replace('feedbackDays: 730', 'feedbackDays: 5');
    const [p] = problemsOf(source);
    expect(p).toMatchObject({ key: 'retention.feedbackDays', line: lineOf(source, 'feedbackDays: 5') });
    expect(p?.en).toContain('at least 30');
  });

  it('rejects an unknown indicator id', () => {
    const source = jamtland.replace('include: all', 'include:\n    - sip-established\n    - sip-establised');
    const [p] = problemsOf(source);
    expect(p).toMatchObject({ key: 'indicators.include[1]', line: lineOf(source, 'sip-establised') });
    expect(p?.sv).toContain('ingen standardindikator');
  });

  it('rejects a weighted mean without its weight and an unknown breakdown', () => {
    const custom = [
      'custom:',
      '    - id: share-with-plan',
      '      sv: Andel med plan',
      '      en: Share with a plan',
      '      unit: percent',
      '      aggregate: weighted-mean',
      '      frequency: quarter',
      '      breakdown: [gender, shoe-size]',
      '      definition:',
      '        counted: { sv: Avslutade med plan, en: Completed with a plan }',
      '        denominator: { sv: Avslutade, en: Completed }',
      '        reporter: both',
      '        period: { sv: Kvartal, en: Quarter }',
      '        sourceSystem: { sv: Journal, en: Record }',
      '        limits: { sv: Inga kända, en: None known }',
    ].join('\n');
    const problems = problemsOf(jamtland.replace('custom: []', custom));
    expect(problems.map((p) => p.key)).toEqual(expect.arrayContaining(['indicators.custom[0].breakdown[1]']));
    const weight = problemsOf(jamtland.replace('custom: []', custom.replace(', shoe-size', '')));
    expect(weight.map((p) => p.key)).toEqual(['indicators.custom[0].weight']);
  });

  it('rejects invalid YAML with the line of the fault', () => {
    const source = jamtland.replace('name: Jämtland Härjedalen', 'name: "Jämtland Härjedalen');
    const [p] = problemsOf(source);
    expect(p?.sv).toContain('inte giltig YAML');
    expect(p?.line).toBeGreaterThan(0);
  });

  it('rejects the same key twice', () => {
    const source = jamtland.replace('kind: county', 'kind: county\nkind: subregion');
    const [p] = problemsOf(source);
    expect(p?.sv).toContain('samma nyckel');
    expect(p?.line).toBe(lineOf(source, 'kind: subregion'));
  });

  it('rejects a seed unit in a municipality outside the area', () => {
    const source = jamtland.replace("municipality: '2380'", "municipality: '0580'");
    const [p] = problemsOf(source);
    expect(p?.key).toBe('directory.seed.units[1].municipality');
  });

  it('rejects an area that lists a municipality the config does not have', () => {
    const ost = readFileSync('config/ostergotland.yaml', 'utf8');
    const source = ost.replace("- '0509'\n", "- '9999'\n");
    const problems = problemsOf(source, 'config/ostergotland.yaml');
    expect(problems.map((p) => p.key)).toContain('areas[0].municipalities[4]');
  });

  it('rejects an invalid alarm e-mail', () => {
    const source = jamtland.replace('alarmEmail: larm@jamtland.example', 'alarmEmail: larm-at-jamtland');
    expect(problemsOf(source).map((p) => p.key)).toEqual(['alarmEmail']);
  });

  it('rejects a brand colour too light for white text', () => {
    const [p] = problemsOf(jamtland.replace("'#1c5a2e'", "'#ffee00'"));
    expect(p?.key).toBe('branding.colour');
    expect(p?.en).toContain('contrast');
  });

  it('rejects a language list without Swedish', () => {
    const source = jamtland.replace('  - sv\n  - en\n', '  - en\n');
    expect(problemsOf(source).map((p) => p.key)).toEqual(['languages']);
  });

  it('rejects an id that does not match the file name', () => {
    const [p] = problemsOf(jamtland, 'config/jamtland-test.yaml');
    expect(p).toMatchObject({ key: 'id', line: lineOf(jamtland, 'id: jamtland') });
  });

  it('reports every problem at once, in file order', () => {
    const source = jamtland
      .replace("countyCode: '23'", 'countyCode: 23')
      .replace('feedbackDays: 730', 'feedbackDays: -1')
      .replace('kind: county', 'kind: län');
    const lines = problemsOf(source).map((p) => p.line);
    expect(lines).toHaveLength(3);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });

  it('formats each problem as file:line:column, key and both languages', () => {
    const source = jamtland.replace('feedbackDays: 730', 'feedbackDays: 5');
    try {
      parseConfig(source, 'config/jamtland.yaml');
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toMatch(/^config\/jamtland\.yaml:\d+:\d+ retention\.feedbackDays\n {2}sv: .+\n {2}en: .+$/);
    }
  });
});
