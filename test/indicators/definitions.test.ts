import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { definitionProblems } from '../../functions/core/config/rules.js';
import { DEFAULT_INDICATORS } from '../../functions/core/domain/indicators.js';
import { problemsOf, lineOf } from '../core/config-helpers.js';
import { indicatorsKit, json, putReport, release, sipReport } from './helpers.js';

const base = readFileSync('config/norrbotten.yaml', 'utf8');
const FILE = 'config/norrbotten.yaml';

/** Norrbotten with one own indicator, `lines` being its keys after the id (indented six spaces). */
const withCustom = (lines: string[]) =>
  base.replace('  custom: []', ['  custom:', '    - id: naloxone-kits', ...lines.map((l) => `      ${l}`)].join('\n'));
const HEAD = ['sv: Utdelade naloxonkit', 'en: Naloxone kits handed out', 'unit: count', 'aggregate: sum', 'frequency: quarter'];
const MEANING = [
  'definition:',
  '  counted: { sv: Utlämnade kit, en: Kits handed out }',
  '  reporter: both',
  '  period: { sv: Kvartal, en: Quarter }',
  '  sourceSystem: { sv: Utlämningslista, en: Hand-out list }',
  '  limits: { sv: Räknar kit, en: Counts kits }',
];

describe('indicator definitions in the config', () => {
  it('every default indicator has a complete definition that passes the rules', () => {
    for (const def of DEFAULT_INDICATORS) {
      expect(definitionProblems(def), def.id).toEqual([]);
      for (const part of [def.definition.counted, def.definition.period, def.definition.sourceSystem, def.definition.limits])
        expect(part.sv.length > 20 && part.en.length > 20, def.id).toBe(true);
    }
    expect(DEFAULT_INDICATORS.find((d) => d.id === 'sip-established')).toMatchObject({
      counting: 'single-reporter',
      definition: { reporter: 'convener' },
    });
    expect(DEFAULT_INDICATORS.find((d) => d.id === 'persons-in-treatment')?.koladaKpi).toBe('N35807');
  });

  it('accepts an own indicator with a definition', () => {
    expect(problemsOf(withCustom([...HEAD, ...MEANING]), FILE)).toEqual([]);
  });

  it('refuses an own indicator without a definition, naming file, line and key in Swedish and English', () => {
    const source = withCustom(HEAD);
    const problems = problemsOf(source, FILE);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      file: FILE,
      key: 'indicators.custom[0].definition',
      line: lineOf(source, 'id: naloxone-kits'),
    });
    expect(problems[0]?.sv).toContain('En egen indikator måste ha en definition');
    expect(problems[0]?.en).toContain('An own indicator must have a definition');
  });

  it('refuses a share without its denominator, and a single-reporter rule without a convener', () => {
    const share = withCustom([
      ...HEAD.map((l) => l.replace('unit: count', 'unit: percent').replace('aggregate: sum', 'aggregate: median-of-reported')),
      ...MEANING,
    ]);
    expect(problemsOf(share, FILE).map((p) => [p.key, p.en])).toEqual([
      ['indicators.custom[0].definition.denominator', expect.stringContaining('needs definition.denominator')],
    ]);
    const single = withCustom([...HEAD, 'counting: single-reporter', ...MEANING]);
    expect(problemsOf(single, FILE).map((p) => [p.key, p.sv])).toEqual([
      ['indicators.custom[0].definition.reporter', expect.stringContaining('single-reporter hör ihop med reporter: convener')],
    ]);
  });

  it('refuses a definition with any required part missing, naming that part', () => {
    const parts = ['counted', 'reporter', 'period', 'sourceSystem', 'limits'];
    fc.assert(
      fc.property(fc.subarray(parts, { minLength: 1 }), (missing) => {
        const lines = MEANING.filter((l) => !missing.some((m) => l.startsWith(`  ${m}:`)));
        const keys = problemsOf(withCustom([...HEAD, ...lines]), FILE).map((p) => p.key);
        // with every part gone the key itself is empty, and that is what is named
        const expected = missing.length === parts.length ? ['definition'] : missing.map((m) => `definition.${m}`);
        expect(keys.sort()).toEqual(expected.map((k) => `indicators.custom[0].${k}`).sort());
      }),
      { numRuns: 20 },
    );
  });

  it('refuses a definition given in one language only', () => {
    const source = withCustom([...HEAD, ...MEANING.map((l) => l.replace('{ sv: Räknar kit, en: Counts kits }', '{ sv: Räknar kit }'))]);
    expect(problemsOf(source, FILE).map((p) => p.key)).toEqual(['indicators.custom[0].definition.limits.en']);
  });
});

describe('definitions where people read and report', () => {
  async function released() {
    const kit = await indicatorsKit();
    await putReport(kit, 'sip-established/2026-Q3/2580', sipReport(3, 9), await kit.bearer({ roles: ['admin'] }));
    await release(kit);
    return kit;
  }

  it('shows the definition and counting rule on every indicator page, in Swedish and English', async () => {
    const kit = await released();
    for (const def of DEFAULT_INDICATORS) {
      const sv = await (await kit.app.request(`/uppfoljning/${def.id}`)).text();
      expect(sv, def.id).toContain('<h2 id="definition-heading">Definition</h2>');
      expect(sv).toContain('Vad räknas');
      expect(sv).toContain('Räkneregel');
      expect(sv).toContain(def.definition.limits.sv.slice(0, 40));
      const en = await (await kit.app.request(`/uppfoljning/${def.id}?lang=en`)).text();
      expect(en).toContain('Counting rule');
      expect(en).toContain(def.definition.counted.en.slice(0, 40).replace(/'/g, '&#39;'));
    }
    const sip = await (await kit.app.request('/uppfoljning/sip-established')).text();
    expect(sip).toContain('En rapportör per fall');
    const persons = await (await kit.app.request('/uppfoljning/persons-in-treatment')).text();
    expect(persons).toContain('Närmaste motsvarighet: N35807');
  });

  it('gives the definition in the definitions list, the tidy JSON and the reporting answers', async () => {
    const kit = await released();
    const list = await json(await kit.app.request('/api/indicators/definitions'));
    expect(list.items.find((d: { id: string }) => d.id === 'sip-established')).toMatchObject({
      counting: 'single-reporter',
      definition: { reporter: 'convener', counted: { sv: expect.stringContaining('Samordnade') } },
    });
    const tidy = await json(await kit.app.request('/api/indicators/export.json?indicator=sip-established'));
    expect(tidy.indicators).toEqual([expect.objectContaining({ id: 'sip-established', counting: 'single-reporter', koladaKpi: null })]);
    expect(tidy.indicators[0].definition.limits.en).toContain('No Kolada KPI corresponds');
    const admin = await kit.bearer({ roles: ['admin'] });
    const answer = await json(
      await kit.app.request('/api/indicators/values/sip-established/2026-Q3/2580', { headers: { authorization: admin } }),
    );
    expect(answer).toMatchObject({
      indicator: 'sip-established',
      counting: { rule: 'single-reporter' },
      definition: { reporter: 'convener' },
    });
    const put = await putReport(kit, 'sip-established/2026-Q3/2584', sipReport(1, 1), admin);
    expect(await json(put)).toMatchObject({ counting: { rule: 'single-reporter', en: expect.stringContaining('One reporter per case') } });
  });

  it('exports the definitions as CSV for Swedish Excel, and in English', async () => {
    const kit = await indicatorsKit();
    const res = await kit.app.request('/api/indicators/definitions.csv');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain('uppfoljning-definitioner-norrbotten.csv');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text.startsWith('\uFEFFindikator;indikatornamn;enhet;frekvens;beräkning;vad_räknas;nämnare;vem_rapporterar;räkneregel;')).toBe(
      true,
    );
    const lines = text.trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + DEFAULT_INDICATORS.length);
    expect(text).toMatch(/\r\npersons-in-treatment;[^\r\n]*;N35807\r\n/);
    const en = await (await kit.app.request('/api/indicators/definitions.csv?locale=en')).text();
    expect(en).toContain('indicator,indicator_name,unit,frequency,method,counted,denominator,reporter,counting_rule,');
    const bad = await kit.app.request('/api/indicators/definitions.csv?locale=de');
    expect(bad.status).toBe(400);
  });
});
