import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COUNTIES, MUNICIPALITIES } from '../../functions/core/domain/municipalities.js';
import { AREAS, areaConfig } from '../support/deps.js';
import { lineOf, problemsOf } from './config-helpers.js';

const jamtland = readFileSync('config/jamtland.yaml', 'utf8');
const ostergotland = readFileSync('config/ostergotland.yaml', 'utf8');

/** Replace the first line containing `needle` with `line`; fails loudly if the needle is gone. */
function withLine(source: string, needle: string, line: string): string {
  const lines = source.split('\n');
  const at = lines.findIndex((l) => l.includes(needle));
  if (at < 0) throw new Error(`no line with ${needle}`);
  lines[at] = line;
  return lines.join('\n');
}

describe('a value of the wrong type', () => {
  it('says that a municipality code written without quotes is a number, and how to write it', () => {
    const source = withLine(ostergotland, "- code: '0580'", '  - code: 0580');
    const [p, ...rest] = problemsOf(source, 'config/ostergotland.yaml');
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ file: 'config/ostergotland.yaml', line: lineOf(source, 'code: 0580'), key: 'municipalities[7].code' });
    expect(p?.sv).toContain('här ska stå text, men det står ett tal ("0580")');
    expect(p?.sv).toContain("'0580'");
    expect(p?.en).toContain('expected text, found a number ("0580")');
    expect(p?.en).toContain('YAML reads 0580 as the number 580');
  });

  it('says so for an unquoted county code', () => {
    const source = jamtland.replace("countyCode: '23'", 'countyCode: 23');
    const [p] = problemsOf(source, 'config/jamtland.yaml');
    expect(p).toMatchObject({ key: 'countyCode', line: lineOf(source, 'countyCode: 23') });
    expect(p?.en).toBe('Wrong kind of value: expected text, found a number ("23"). Put the value in quotes: \'23\'.');
    expect(p?.sv).not.toContain('saknas');
  });

  it('says so for a number written as a word', () => {
    const source = withLine(jamtland, 'minCount: 5', '    minCount: five');
    const problems = problemsOf(source, 'config/jamtland.yaml');
    const p = problems.find((q) => q.key === 'indicators.suppression.minCount');
    expect(p).toMatchObject({ line: lineOf(source, 'minCount: five') });
    expect(p?.en).toContain('expected a number, found text ("five")');
    expect(p?.sv).toContain('här ska stå ett tal, men det står text ("five")');
  });

  it('never reads as a missing key, whatever wrong kind of value stands there', () => {
    // Keys of each type that every config file has, and values YAML reads as another type.
    const keys = [
      { needle: "countyCode: '23'", key: 'countyCode', indent: '', name: 'countyCode', expects: 'text' },
      { needle: 'logoText:', key: 'branding.logoText', indent: '  ', name: 'logoText', expects: 'text' },
      { needle: 'feedbackDays:', key: 'retention.feedbackDays', indent: '  ', name: 'feedbackDays', expects: 'a number' },
      { needle: 'registrationDays:', key: 'retention.registrationDays', indent: '  ', name: 'registrationDays', expects: 'a number' },
    ] as const;
    const textLike = fc.oneof(
      fc.stringMatching(/^[a-zåäö]{2,12}$/).filter((w) => !['true', 'false', 'null', 'yes', 'no', 'on', 'off', 'y', 'n'].includes(w)),
      fc.constantFrom("'12'", '"30"'),
    );
    const numberLike = fc.oneof(
      fc.integer({ min: 0, max: 99999 }).map(String),
      fc.constantFrom('0580', '023', '12.5'),
      fc.constantFrom('true', 'false'),
    );
    fc.assert(
      fc.property(fc.constantFrom(...keys), textLike, numberLike, (k, word, number) => {
        const value = k.expects === 'text' ? number : word;
        const source = withLine(jamtland, k.needle, `${k.indent}${k.name}: ${value}`);
        const p = problemsOf(source, 'config/jamtland.yaml').find((q) => q.key === k.key);
        expect(p, `${k.key}: ${value}`).toBeDefined();
        expect(p?.line).toBe(lineOf(source, `${k.name}: ${value}`));
        expect(p?.en).toContain(`expected ${k.expects}, found`);
        expect(p?.en).not.toContain('missing');
        expect(p?.sv).not.toContain('saknas');
      }),
      { numRuns: 80 },
    );
  });

  it('still calls a key that is not there missing', () => {
    const source = jamtland.replace(/^ {2}feedbackDays:.*\n/m, '');
    const p = problemsOf(source, 'config/jamtland.yaml').find((q) => q.key === 'retention.feedbackDays');
    expect(p?.en).toBe('This key is missing but required.');
  });
});

describe('municipality codes', () => {
  const jamtlandCodes = new Set(areaConfig('jamtland').municipalities.map((m) => m.code));
  const codeLine = "- code: '2303'";

  it('refuses a code of another county, naming the municipality and both counties', () => {
    const source = withLine(jamtland, codeLine, "  - code: '0180'");
    const problems = problemsOf(source, 'config/jamtland.yaml');
    const p = problems.find((q) => q.key === 'municipalities[0].code');
    expect(p).toMatchObject({ file: 'config/jamtland.yaml', line: lineOf(source, "code: '0180'") });
    expect(p?.sv).toBe('Kommunkoden "0180" är Stockholm i Stockholms län, inte en kommun i Jämtlands län (länskod 23).');
    expect(p?.en).toContain('not a municipality of Jämtlands län (county code 23)');
  });

  it('refuses a code that is no municipality at all', () => {
    const source = withLine(jamtland, codeLine, "  - code: '2399'");
    const p = problemsOf(source, 'config/jamtland.yaml').find((q) => q.key === 'municipalities[0].code');
    expect(p?.line).toBe(lineOf(source, "code: '2399'"));
    expect(p?.sv).toContain('"2399" finns inte bland SCB:s 290 kommunkoder');
    expect(p?.en).toContain("not one of SCB's 290 municipality codes");
  });

  it('refuses a name that does not belong to the code', () => {
    const source = jamtland.replace(/(code: '2303'\n\s+name: )Ragunda/, '$1Krokom');
    const [p, ...rest] = problemsOf(source, 'config/jamtland.yaml');
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ key: 'municipalities[0].name', line: lineOf(source, "code: '2303'") + 1 });
    expect(p?.sv).toBe('Kommunkoden "2303" är Ragunda enligt SCB, inte "Krokom". Rätta koden eller namnet.');
    expect(p?.en).toContain('is Ragunda according to SCB, not "Krokom"');
  });

  it('accepts the name with "kommun" after it', () => {
    const source = jamtland
      .replace(/(code: '2303'\n\s+name: )Ragunda/, '$1Ragunda kommun')
      .replace(/(code: '2309'\n\s+name: )Krokom/, '$1Krokoms kommun');
    expect(problemsOf(source, 'config/jamtland.yaml')).toEqual([]);
  });

  it('refuses a county code that does not exist', () => {
    const source = jamtland.replace("countyCode: '23'", "countyCode: '27'");
    const p = problemsOf(source, 'config/jamtland.yaml').find((q) => q.key === 'countyCode');
    expect(p?.sv).toContain('Länskoden "27" finns inte');
    expect(p?.line).toBe(lineOf(source, 'countyCode:'));
  });

  it('refuses every real municipality outside the county', () => {
    const outside = MUNICIPALITIES.filter((m) => !m.code.startsWith('23'));
    fc.assert(
      fc.property(fc.constantFrom(...outside), (m) => {
        const source = jamtland.replace(/code: '2303'\n(\s+)name: Ragunda/, `code: '${m.code}'\n$1name: ${m.name}`);
        // the seed's references to the replaced code (an agreement of all the municipalities) are reported too
        const problems = problemsOf(source, 'config/jamtland.yaml').filter((p) => !p.key.startsWith('directory.seed.'));
        expect(problems.map((p) => p.key)).toEqual(['municipalities[0].code']);
        expect(problems[0]?.en).toContain(`is ${m.name} in `);
      }),
      { numRuns: 60 },
    );
  });

  it('refuses every four-digit code SCB does not have', () => {
    const known = new Set(MUNICIPALITIES.map((m) => m.code));
    const unknown = fc.stringMatching(/^\d{4}$/).filter((c) => !known.has(c) && !jamtlandCodes.has(c));
    fc.assert(
      fc.property(unknown, (code) => {
        const source = withLine(jamtland, codeLine, `  - code: '${code}'`);
        const p = problemsOf(source, 'config/jamtland.yaml').find((q) => q.key === 'municipalities[0].code');
        expect(p?.en).toContain(`"${code}" is not one of SCB's`);
      }),
      { numRuns: 60 },
    );
  });
});

describe("SCB's list of municipalities, shipped as data", () => {
  it('has the 290 municipalities of the 21 counties, each code once and in its county', () => {
    expect(MUNICIPALITIES).toHaveLength(290);
    expect(new Set(MUNICIPALITIES.map((m) => m.code)).size).toBe(290);
    expect(COUNTIES).toHaveLength(21);
    const counties = new Set(COUNTIES.map((c) => c.code));
    for (const m of MUNICIPALITIES) {
      expect(m.code).toMatch(/^\d{4}$/);
      expect(counties.has(m.code.slice(0, 2)), m.code).toBe(true);
      expect(m.name.trim()).toBe(m.name);
    }
    const perCounty = (code: string) => MUNICIPALITIES.filter((m) => m.code.startsWith(code)).length;
    expect([perCounty('01'), perCounty('12'), perCounty('14'), perCounty('09')]).toEqual([26, 33, 49, 1]);
  });

  it.each(AREAS)('agrees with every municipality configured for %s', (area) => {
    const config = areaConfig(area);
    for (const m of config.municipalities) {
      expect(MUNICIPALITIES.find((s) => s.code === m.code)?.name).toBe(m.name);
      expect(m.code.startsWith(config.countyCode)).toBe(true);
    }
  });
});
