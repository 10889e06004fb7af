import type * as z from 'zod';
import { COUNTIES, countyByCode, municipalityByCode } from '../domain/municipalities.js';
import { DEFAULT_INDICATORS } from '../domain/indicators.js';
import { organisationIds } from '../organisations.js';
import { bilingual, countyConfigShape, MIN_PROTECTION, type CountyConfig, type IndicatorDefinitionInput } from './schema.js';

type Ctx = z.RefinementCtx<CountyConfig>;
type Path = (string | number)[];

function issue(ctx: Ctx, path: Path, sv: string, en: string): void {
  ctx.addIssue({ code: 'custom', path, input: undefined, ...bilingual(sv, en) });
}

/** Report every later occurrence of a value already seen in `values`. */
function noDuplicates(ctx: Ctx, values: readonly string[], path: (i: number) => Path, what: { sv: string; en: string }): void {
  const seen = new Set<string>();
  values.forEach((value, i) => {
    if (seen.has(value)) issue(ctx, path(i), `${what.sv} "${value}" finns redan.`, `Duplicate ${what.en} "${value}".`);
    seen.add(value);
  });
}

function checkOrganisations(config: CountyConfig, ctx: Ctx): void {
  const codes = new Set(config.municipalities.map((m) => m.code));
  const orgs = organisationIds(config);
  noDuplicates(
    ctx,
    config.municipalities.map((m) => m.code),
    (i) => ['municipalities', i, 'code'],
    { sv: 'Kommunkoden', en: 'municipality code' },
  );
  noDuplicates(
    ctx,
    config.region.units.map((u) => u.id),
    (i) => ['region', 'units', i, 'id'],
    { sv: 'Enhets-id', en: 'region unit id' },
  );
  noDuplicates(
    ctx,
    config.areas.map((a) => a.id),
    (i) => ['areas', i, 'id'],
    { sv: 'Länsdelens id', en: 'area id' },
  );
  config.areas.forEach((area, a) =>
    area.municipalities.forEach((code, m) => {
      if (!codes.has(code))
        issue(
          ctx,
          ['areas', a, 'municipalities', m],
          `Kommunkoden "${code}" finns inte under municipalities.`,
          `Municipality code "${code}" is not listed under municipalities.`,
        );
    }),
  );
  config.directory.seed.units.forEach((u, i) =>
    u.municipalities?.forEach((code, j) => {
      if (!codes.has(code))
        issue(
          ctx,
          ['directory', 'seed', 'units', i, 'municipalities', j],
          `Kommunkoden "${code}" finns inte under municipalities.`,
          `Municipality code "${code}" is not listed under municipalities.`,
        );
    }),
  );
  config.directory.seed.units.forEach((u, i) => {
    if (u.municipality && !codes.has(u.municipality))
      issue(
        ctx,
        ['directory', 'seed', 'units', i, 'municipality'],
        `Kommunkoden "${u.municipality}" finns inte under municipalities.`,
        `Municipality code "${u.municipality}" is not listed under municipalities.`,
      );
  });
  const refs: [Path, string[]][] = [
    ...config.directory.seed.groups.map((g, i): [Path, string[]] => [['directory', 'seed', 'groups', i, 'members'], g.members]),
    ...config.directory.seed.agreements.map((a, i): [Path, string[]] => [['directory', 'seed', 'agreements', i, 'parties'], a.parties]),
  ];
  const single: [Path, string | undefined][] = [
    ...config.directory.seed.units.map((u, i): [Path, string | undefined] => [
      ['directory', 'seed', 'units', i, 'organization'],
      u.organization,
    ]),
    ...config.directory.seed.plans.flatMap((p, i): [Path, string | undefined][] => [
      [['directory', 'seed', 'plans', i, 'owner'], p.owner],
      ...p.items.map((item, j): [Path, string] => [['directory', 'seed', 'plans', i, 'items', j, 'responsible'], item.responsible]),
    ]),
    ...config.directory.seed.groups.flatMap((g, i) =>
      g.meetings.flatMap((m, j) =>
        m.decisions.map((d, k): [Path, string] => [
          ['directory', 'seed', 'groups', i, 'meetings', j, 'decisions', k, 'responsible'],
          d.responsible,
        ]),
      ),
    ),
  ];
  const unknown = (path: Path, ref: string) =>
    issue(
      ctx,
      path,
      `"${ref}" är varken en kommunkod i området, "region" eller en av regionens enheter.`,
      `"${ref}" is neither a municipality code of the area, "region" nor one of the region's units.`,
    );
  for (const [path, list] of refs)
    list.forEach((ref, j) => {
      if (!orgs.has(ref)) unknown([...path, j], ref);
    });
  for (const [path, ref] of single) if (ref !== undefined && !orgs.has(ref)) unknown(path, ref);
}

/**
 * A seeded group reports to another seeded group, named as in the seed, and the reporting lines
 * form a tree (no group above itself); a seeded plan belongs to exactly one seeded group or agreement;
 * an agreement's owning groups are seeded groups; a seeded decision's deadline is not before its meeting.
 */
function checkSeedReferences(config: CountyConfig, ctx: Ctx): void {
  const { groups, agreements, plans } = config.directory.seed;
  const parentOf = new Map(groups.map((g) => [g.name, g.reportsTo]));
  groups.forEach((group, i) => {
    if (group.reportsTo === undefined) return;
    const path = ['directory', 'seed', 'groups', i, 'reportsTo'];
    if (!parentOf.has(group.reportsTo)) {
      issue(
        ctx,
        path,
        `Det finns ingen grupp "${group.reportsTo}" under directory.seed.groups.`,
        `There is no group "${group.reportsTo}" under directory.seed.groups.`,
      );
      return;
    }
    // walk up the reporting line; a loop higher up is reported at its own groups
    const seen = new Set<string>();
    for (let above = parentOf.get(group.name); above !== undefined && !seen.has(above); above = parentOf.get(above)) {
      if (above === group.name) {
        issue(
          ctx,
          path,
          `Gruppen "${group.name}" hamnar över sig själv: rapportvägarna måste bilda ett träd.`,
          `Group "${group.name}" ends up above itself: the reporting lines must form a tree.`,
        );
        return;
      }
      seen.add(above);
    }
  });
  groups.forEach((group, i) =>
    group.meetings.forEach((meeting, j) =>
      meeting.decisions.forEach((decision, k) => {
        if (decision.deadline !== undefined && decision.deadline < meeting.date)
          issue(
            ctx,
            ['directory', 'seed', 'groups', i, 'meetings', j, 'decisions', k, 'deadline'],
            `Tidsfristen ${decision.deadline} ligger före mötet ${meeting.date}.`,
            `The deadline ${decision.deadline} is before the meeting of ${meeting.date}.`,
          );
      }),
    ),
  );
  agreements.forEach((agreement, i) =>
    agreement.groups.forEach((name, j) => {
      if (!groups.some((g) => g.name === name))
        issue(
          ctx,
          ['directory', 'seed', 'agreements', i, 'groups', j],
          `Det finns ingen grupp "${name}" under directory.seed.groups.`,
          `There is no group "${name}" under directory.seed.groups.`,
        );
    }),
  );
  plans.forEach((plan, i) => {
    if ((plan.group === undefined) === (plan.agreement === undefined))
      issue(
        ctx,
        ['directory', 'seed', 'plans', i, 'group'],
        'En plan hör till precis en grupp (group) eller en överenskommelse (agreement).',
        'A plan belongs to exactly one group or one agreement.',
      );
    else if (plan.group !== undefined && !groups.some((g) => g.name === plan.group))
      issue(
        ctx,
        ['directory', 'seed', 'plans', i, 'group'],
        `Det finns ingen grupp "${plan.group}" under directory.seed.groups.`,
        `There is no group "${plan.group}" under directory.seed.groups.`,
      );
    else if (plan.agreement !== undefined && !agreements.some((a) => a.name === plan.agreement))
      issue(
        ctx,
        ['directory', 'seed', 'plans', i, 'agreement'],
        `Det finns ingen överenskommelse "${plan.agreement}" under directory.seed.agreements.`,
        `There is no agreement "${plan.agreement}" under directory.seed.agreements.`,
      );
  });
}

/** Whether `written` names `official` (case aside; "Krokoms kommun" names Krokom). */
function namesMunicipality(written: string, official: string): boolean {
  const fold = (s: string) => s.normalize('NFC').trim().toLocaleLowerCase('sv');
  const name = fold(written);
  const scb = fold(official);
  return name === scb || name === `${scb} kommun` || name === `${scb}s kommun`;
}

/** The county code is one of Sweden's; each municipality exists, lies in the county and has its name. */
function checkMunicipalities(config: CountyConfig, ctx: Ctx): void {
  const county = countyByCode(config.countyCode);
  if (!county)
    issue(
      ctx,
      ['countyCode'],
      `Länskoden "${config.countyCode}" finns inte. Sveriges län har koderna ${COUNTIES.map((c) => c.code).join(', ')}.`,
      `County code "${config.countyCode}" does not exist. Sweden's counties have the codes ${COUNTIES.map((c) => c.code).join(', ')}.`,
    );
  config.municipalities.forEach((m, i) => {
    const scb = municipalityByCode(m.code);
    if (!scb) {
      issue(
        ctx,
        ['municipalities', i, 'code'],
        `Kommunkoden "${m.code}" finns inte bland SCB:s 290 kommunkoder.`,
        `Municipality code "${m.code}" is not one of SCB's 290 municipality codes.`,
      );
      return;
    }
    if (county && !m.code.startsWith(config.countyCode)) {
      const home = countyByCode(m.code.slice(0, 2));
      issue(
        ctx,
        ['municipalities', i, 'code'],
        `Kommunkoden "${m.code}" är ${scb.name} i ${home?.name ?? 'ett annat län'}, inte en kommun i ${county.name} (länskod ${config.countyCode}).`,
        `Municipality code "${m.code}" is ${scb.name} in ${home?.name ?? 'another county'}, not a municipality of ${county.name} (county code ${config.countyCode}).`,
      );
    }
    if (!namesMunicipality(m.name, scb.name))
      issue(
        ctx,
        ['municipalities', i, 'name'],
        `Kommunkoden "${m.code}" är ${scb.name} enligt SCB, inte "${m.name}". Rätta koden eller namnet.`,
        `Municipality code "${m.code}" is ${scb.name} according to SCB, not "${m.name}". Correct the code or the name.`,
      );
  });
}

function checkLanguages(config: CountyConfig, ctx: Ctx): void {
  for (const required of ['sv', 'en'])
    if (!config.languages.includes(required))
      issue(ctx, ['languages'], `Språklistan måste innehålla "${required}".`, `The language list must include "${required}".`);
  noDuplicates(ctx, config.languages, (i) => ['languages', i], { sv: 'Språket', en: 'language' });
}

function checkProtection(config: CountyConfig, ctx: Ctx): void {
  for (const side of ['lower', 'upper'] as const) {
    const width = config.indicators.protection[side];
    if (width < MIN_PROTECTION)
      issue(
        ctx,
        ['indicators', 'protection', side],
        `Skyddsbredden ${width} är för smal: minst ${MIN_PROTECTION} krävs, annars kan ett dolt antal räknas fram nästan exakt (standard 3).`,
        `Protection width ${width} is too narrow: at least ${MIN_PROTECTION} is required, or a hidden count can be worked out almost exactly (default 3).`,
      );
  }
}

/** A problem with an indicator's definition, at a key path inside the indicator. */
export interface DefinitionProblem {
  readonly path: Path;
  readonly sv: string;
  readonly en: string;
}

/**
 * What is wrong with an indicator's definition and counting rule: a missing definition, a share
 * without its denominator, a single-reporter rule without a convening reporter (or a count).
 */
export function definitionProblems(def: IndicatorDefinitionInput): DefinitionProblem[] {
  const meaning = def.definition;
  if (!meaning)
    return [
      {
        path: ['definition'],
        sv: `Indikatorn "${def.id}" saknar definition. Ange definition med counted, reporter, period, sourceSystem och limits på svenska och engelska (se docs/indicators.md).`,
        en: `Indicator "${def.id}" has no definition. Give definition with counted, reporter, period, sourceSystem and limits in Swedish and English (see docs/indicators.md).`,
      },
    ];
  const problems: DefinitionProblem[] = [];
  if ((def.unit === 'percent' || def.unit === 'ratio' || def.aggregate === 'weighted-mean') && !meaning.denominator)
    problems.push({
      path: ['definition', 'denominator'],
      sv: `Indikatorn "${def.id}" är en andel eller kvot och behöver definition.denominator: vad nämnaren räknar.`,
      en: `Indicator "${def.id}" is a share or ratio and needs definition.denominator: what the denominator counts.`,
    });
  const single = def.counting === 'single-reporter';
  if (single !== (meaning.reporter === 'convener'))
    problems.push({
      path: ['definition', 'reporter'],
      sv: 'Räkneregeln single-reporter hör ihop med reporter: convener (den som kallade rapporterar fallet), och tvärtom.',
      en: 'The counting rule single-reporter goes with reporter: convener (the convening organisation reports the case), and the other way round.',
    });
  if (single && def.unit !== 'count')
    problems.push({
      path: ['counting'],
      sv: 'Räkneregeln single-reporter gäller bara antal (unit: count).',
      en: 'The counting rule single-reporter applies to counts only (unit: count).',
    });
  return problems;
}

function checkIndicators(config: CountyConfig, ctx: Ctx): void {
  checkProtection(config, ctx);
  const defaults = new Set(DEFAULT_INDICATORS.map((d) => d.id));
  const { include, custom } = config.indicators;
  if (include !== 'all') {
    include.forEach((id, i) => {
      if (!defaults.has(id))
        issue(
          ctx,
          ['indicators', 'include', i],
          `Det finns ingen standardindikator med id "${id}". Egna indikatorer läggs under indicators.custom.`,
          `There is no default indicator "${id}". Own indicators go under indicators.custom.`,
        );
    });
    noDuplicates(ctx, include, (i) => ['indicators', 'include', i], { sv: 'Indikatorn', en: 'indicator' });
  }
  const included = include === 'all' ? [...defaults] : include.filter((id) => defaults.has(id));
  custom.forEach((def, i) => {
    if (included.includes(def.id))
      issue(
        ctx,
        ['indicators', 'custom', i, 'id'],
        `Indikatorn "${def.id}" finns redan bland standardindikatorerna.`,
        `Indicator "${def.id}" already exists among the default indicators.`,
      );
  });
  noDuplicates(
    ctx,
    custom.map((d) => d.id),
    (i) => ['indicators', 'custom', i, 'id'],
    { sv: 'Indikatorn', en: 'indicator' },
  );
  const all = new Set([...included, ...custom.map((d) => d.id)]);
  custom.forEach((def, i) => {
    if (def.aggregate === 'weighted-mean' && !def.weight)
      issue(
        ctx,
        ['indicators', 'custom', i, 'weight'],
        'Ett viktat medelvärde behöver en vikt: id för indikatorn som anger nämnaren.',
        'A weighted mean needs a weight: the id of the indicator that gives the denominator.',
      );
    if (def.weight && !all.has(def.weight))
      issue(
        ctx,
        ['indicators', 'custom', i, 'weight'],
        `Viktindikatorn "${def.weight}" finns inte i områdets indikatorer.`,
        `Weight indicator "${def.weight}" is not among the area's indicators.`,
      );
    if (def.weight && def.aggregate !== 'weighted-mean')
      issue(
        ctx,
        ['indicators', 'custom', i, 'weight'],
        'En vikt används bara med aggregate: weighted-mean.',
        'A weight is only used with aggregate: weighted-mean.',
      );
    noDuplicates(ctx, def.breakdown, (j) => ['indicators', 'custom', i, 'breakdown', j], { sv: 'Nedbrytningen', en: 'breakdown' });
    for (const p of definitionProblems(def)) issue(ctx, ['indicators', 'custom', i, ...p.path], p.sv, p.en);
  });
  config.indicators.goals.forEach((goal, i) => {
    if (!all.has(goal.indicator))
      issue(
        ctx,
        ['indicators', 'goals', i, 'indicator'],
        `Målet gäller indikatorn "${goal.indicator}", som inte finns bland områdets indikatorer.`,
        `The goal is for indicator "${goal.indicator}", which is not among the area's indicators.`,
      );
  });
  config.directory.seed.agreements.forEach((agreement, a) =>
    agreement.goals.forEach((goal, g) => {
      const path = ['directory', 'seed', 'agreements', a, 'goals', g];
      goal.indicators.forEach((indicator, i) => {
        if (!all.has(indicator))
          issue(
            ctx,
            [...path, 'indicators', i],
            `Målet följs med indikatorn "${indicator}", som inte finns bland områdets indikatorer.`,
            `The goal is followed with indicator "${indicator}", which is not among the area's indicators.`,
          );
      });
      if (goal.target === undefined && goal.direction === 'maintain')
        issue(
          ctx,
          [...path, 'direction'],
          'Ett mål utan målvärde anger riktningen increase eller decrease; maintain behöver ett målvärde.',
          'A goal without a target states the direction increase or decrease; maintain needs a target.',
        );
      if (goal.target !== undefined && goal.baseline !== undefined)
        issue(
          ctx,
          [...path, 'baseline'],
          'Ett mål med målvärde bedöms mot målvärdet: ta bort baseline eller target.',
          'A goal with a target is judged against the target: remove baseline or target.',
        );
    }),
  );
  noDuplicates(
    ctx,
    config.indicators.goals.map((g) => `${g.indicator} ${g.year}`),
    (i) => ['indicators', 'goals', i, 'year'],
    { sv: 'Målet (indikator och år)', en: 'goal (indicator and year)' },
  );
  if (include !== 'all')
    include.forEach((id, i) => {
      const weight = DEFAULT_INDICATORS.find((d) => d.id === id)?.weight;
      if (weight && !all.has(weight))
        issue(
          ctx,
          ['indicators', 'include', i],
          `Indikatorn "${id}" vägs med "${weight}", som då också måste tas med.`,
          `Indicator "${id}" is weighted by "${weight}", which must then be included too.`,
        );
    });
}

function checkTerms(config: CountyConfig, ctx: Ctx): void {
  noDuplicates(
    ctx,
    config.calendar.extraTopics.map((t) => t.id),
    (i) => ['calendar', 'extraTopics', i, 'id'],
    { sv: 'Ämnet', en: 'topic' },
  );
  noDuplicates(
    ctx,
    config.feedback.extraCategories.map((t) => t.id),
    (i) => ['feedback', 'extraCategories', i, 'id'],
    { sv: 'Kategorin', en: 'category' },
  );
}

/** WCAG relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of a colour against white (WCAG 2.1). */
export function contrastWithWhite(hex: string): number {
  return 1.05 / (luminance(hex) + 0.05);
}

function checkBranding(config: CountyConfig, ctx: Ctx): void {
  const ratio = contrastWithWhite(config.branding.colour);
  if (ratio < 4.5)
    issue(
      ctx,
      ['branding', 'colour'],
      `Färgen är för ljus: vit text på den får kontrast ${ratio.toFixed(1)}:1, minst 4.5:1 krävs (WCAG 2.1 AA). Välj en mörkare färg.`,
      `The colour is too light: white text on it has contrast ${ratio.toFixed(1)}:1, at least 4.5:1 is required (WCAG 2.1 AA). Choose a darker colour.`,
    );
}

/** The full county config schema: shape, defaults and every cross-field rule. */
export const countyConfigSchema = countyConfigShape.superRefine((config, ctx) => {
  checkMunicipalities(config, ctx);
  checkOrganisations(config, ctx);
  checkSeedReferences(config, ctx);
  checkLanguages(config, ctx);
  checkIndicators(config, ctx);
  checkTerms(config, ctx);
  checkBranding(config, ctx);
});

// Re-exported for callers that validate configs; run-time code imports them from their own modules.
export { organisationIds } from '../organisations.js';
export { indicatorDefinitions } from './definitions.js';
