import type { CountyConfig } from '../../functions/core/config/schema.js';
import type { Service } from '../../functions/directory/model/service.js';

/** A small seeded generator so every run searches the same 5,000 services. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS = [
  ['Mini Maria', ['youth'], ['alcohol', 'narcotics', 'gambling']],
  ['Beroendemottagningen', ['adults'], ['alcohol', 'narcotics', 'medicines']],
  ['Öppenvården', ['adults', 'relatives'], ['alcohol', 'narcotics']],
  ['Anhörigstöd', ['relatives'], []],
  ['Spelberoendemottagningen', ['adults'], ['gambling']],
  ['Sprututbytet', ['injecting'], ['narcotics']],
  ['LARO-mottagningen', ['opioid-dependence'], ['narcotics']],
  ['Ungdomsmottagningen', ['youth'], ['alcohol']],
  ['Integrerad mottagning för samsjuklighet', ['co-occurring'], ['alcohol', 'narcotics']],
  ['Kvinnojouren och missbruksstöd', ['women-vulnerable'], ['alcohol']],
] as const;
export const SENTENCES = [
  'Vi erbjuder samtalsstöd för dig som oroar dig för ditt drickande eller ditt spelande.',
  'Anhöriga är välkomna, även barn som anhöriga.',
  'Ingen remiss behövs, du kan vara anonym.',
  'Läkemedelsassisterad behandling vid opioidberoende sker i samarbete med regionen.',
  'Drop-in tisdagar och torsdagar, telefontid varje vardag.',
  'Behandling vid spelproblem och spel om pengar, individuellt och i grupp.',
  'Stöd vid narkotikaproblem, cannabis och tabletter.',
  'Mottagningen ligger centralt och är tillgänglig med rullstol.',
];

/**
 * `n` active services spread over the area's municipalities, the same on every run (seeded).
 *
 * @example
 * const services = generateServices(config, 5000);
 */
export function generateServices(config: CountyConfig, n: number): Service[] {
  const rnd = random(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)] as T;
  const stamp = { at: '2026-01-01T00:00:00+01:00', by: 'bench' };
  return Array.from({ length: n }, (_, i) => {
    const [kind, groups, substances] = pick(KINDS);
    const m = pick(config.municipalities);
    return {
      id: `bench-${i}`,
      name: `${kind} ${m.name}${i % 7 === 0 ? ` ${i}` : ''}`,
      description: [pick(SENTENCES), pick(SENTENCES), pick(SENTENCES)].join(' '),
      organizationId: m.code,
      principal: pick(['region', 'municipality', 'joint', 'civil-society']),
      careLevels: [],
      targetGroups: [...groups],
      substances: [...substances],
      severityLevels: [],
      municipalities: [m.code],
      referralRequired: rnd() < 0.5,
      needsAssessmentRequired: null,
      dropIn: rnd() < 0.3,
      anonymous: rnd() < 0.2,
      digitalContact: rnd() < 0.4,
      languages: ['sv'],
      locations: [],
      phones: [{ number: '010-123 45 67' }],
      schedules: [{ kind: 'visiting', byday: ['MO', 'TU', 'WE', 'TH', 'FR'], opensAt: '08:00', closesAt: '16:30' }],
      status: 'active',
      created: stamp,
      updated: stamp,
    } satisfies Service;
  });
}

/** The searches `npm run bench -- directory` times, which the scorer's tests compare too. */
export const BENCH_QUERIES = [
  'mini maria',
  'ostersund spel',
  'anhörig',
  'droger',
  'spelberoende',
  'beroendemotagning',
  'alkohol linköping',
  'sprutbyte',
  'laro',
];
