import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../functions/core/config/load.js';
import { indicatorDefinitions } from '../../functions/core/config/rules.js';

const base = readFileSync('config/norrbotten.yaml', 'utf8');
const withIndicators = (yaml: string) => `${base.replace(/^indicators:[\s\S]*?(?=^\S)/m, '')}\nindicators:\n${yaml}`;
/** A complete definition of the naloxone indicator, as an area writes it. */
const DEFINITION = `      definition:
        counted:
          sv: Naloxonkit som lämnats ut under perioden
          en: Naloxone kits handed out in the period
        reporter: both
        period:
          sv: Kvartal, utlämningsdagen avgör
          en: Quarter, the day handed out decides
        sourceSystem:
          sv: Mottagningens utlämningslista
          en: The reception's hand-out list
        limits:
          sv: Räknar kit, inte personer
          en: Counts kits, not persons
`;
const custom = (extra: string) =>
  withIndicators(`  custom:
    - id: naloxone-kits
      sv: Utdelade naloxonkit
      en: Naloxone kits handed out
      unit: count
      aggregate: sum
      frequency: quarter
${DEFINITION}${extra}`);

function problems(yaml: string): string[] {
  try {
    parseConfig(yaml, 'norrbotten.yaml');
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.problems.map((p) => `${p.key}: ${p.en}`);
  }
}

describe('indicator rules of the county config', () => {
  it('accepts an area indicator of its own and applies the thresholds to it', () => {
    const config = parseConfig(custom('      breakdown: [gender]\n'), 'norrbotten.yaml');
    const def = indicatorDefinitions(config).find((d) => d.id === 'naloxone-kits');
    expect(def).toMatchObject({ breakdown: ['gender'], suppression: { minCount: 5, minDenominator: 10 } });
  });

  it('rejects a weighted mean without its weight', () => {
    const yaml = custom('').replace('unit: count\n      aggregate: sum', 'unit: percent\n      aggregate: weighted-mean');
    expect(problems(yaml).join('\n')).toMatch(/indicators\.custom\[0\]\.weight: A weighted mean needs a weight/);
  });

  it('rejects an unknown breakdown', () => {
    expect(problems(custom('      breakdown: [shoe-size]\n')).join('\n')).toMatch(/indicators\.custom\[0\]\.breakdown\[0\]/);
  });

  it('rejects two indicators with the same id', () => {
    const yaml = custom('').replace(
      '  custom:\n',
      `  custom:\n    - id: naloxone-kits\n      sv: Kit\n      en: Kits\n      unit: count\n      aggregate: sum\n      frequency: year\n${DEFINITION}`,
    );
    expect(problems(yaml).join('\n')).toMatch(/Duplicate indicator "naloxone-kits"/);
  });

  it('rejects an own indicator that reuses a default id', () => {
    expect(problems(custom('').replace('id: naloxone-kits', 'id: sip-established')).join('\n')).toMatch(
      /already exists among the default indicators/,
    );
  });

  it('lets an indicator set its own suppression threshold', () => {
    const config = parseConfig(custom('      suppression:\n        minCount: 10\n'), 'norrbotten.yaml');
    expect(indicatorDefinitions(config).find((d) => d.id === 'naloxone-kits')?.suppression).toEqual({ minCount: 10, minDenominator: 10 });
  });
});
