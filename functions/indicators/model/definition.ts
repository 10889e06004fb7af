import type { COUNTING_RULES, IndicatorDefinition, REPORTERS } from '../../core/config/schema.js';
import { t, type Lang, type Text } from '../../core/i18n.js';

/** Who reports, in words. */
export const REPORTER_TEXT: Record<(typeof REPORTERS)[number], Text> = {
  municipality: { sv: 'Kommunerna', en: 'The municipalities' },
  region: { sv: 'Regionens enheter', en: "The region's units" },
  both: {
    sv: 'Kommunerna och regionens enheter, var och en för sina egna insatser',
    en: "The municipalities and the region's units, each for its own interventions",
  },
  convener: { sv: 'Den organisation som kallade (kommun eller region)', en: 'The convening organisation (municipality or region)' },
};

/** The counting rule, in words: what stops the same case from being added twice. */
export const COUNTING_TEXT: Record<(typeof COUNTING_RULES)[number], Text> = {
  'each-own': {
    sv: 'Varje organisation rapporterar sina egna fall; områdets värde bildas av organisationernas värden.',
    en: "Each organisation reports its own cases; the area value is formed from the organisations' values.",
  },
  'single-reporter': {
    sv: 'En rapportör per fall: den organisation som kallade rapporterar fallet, den andra parten rapporterar det inte (högst sitt deltagande). Samma fall får inte rapporteras av båda.',
    en: 'One reporter per case: the convening organisation reports the case, the other party does not report it (at most its participation). The same case must not be reported by both.',
  },
};

/** The labels of a definition's parts, in display order. */
export const DEFINITION_LABELS = {
  counted: { sv: 'Vad räknas', en: 'What is counted' },
  denominator: { sv: 'Nämnare', en: 'Denominator' },
  reporter: { sv: 'Vem rapporterar', en: 'Who reports' },
  counting: { sv: 'Räkneregel', en: 'Counting rule' },
  period: { sv: 'Period och referensdatum', en: 'Period and reference date' },
  sourceSystem: { sv: 'Källa', en: 'Source' },
  limits: { sv: 'Kända begränsningar', en: 'Known limits' },
  koladaKpi: { sv: 'Kolada', en: 'Kolada' },
} as const satisfies Record<string, Text>;

/** One part of a definition, labelled. */
export interface DefinitionLine {
  readonly key: keyof typeof DEFINITION_LABELS;
  readonly label: string;
  readonly text: string;
}

/** The parts of an indicator's definition in one language, in display order; parts that do not apply are left out. */
export function definitionLines(def: IndicatorDefinition, lang: Lang): DefinitionLine[] {
  const m = def.definition;
  const parts: [keyof typeof DEFINITION_LABELS, string | undefined][] = [
    ['counted', m && t(lang, m.counted)],
    ['denominator', m?.denominator && t(lang, m.denominator)],
    ['reporter', m && t(lang, REPORTER_TEXT[m.reporter])],
    ['counting', t(lang, COUNTING_TEXT[def.counting])],
    ['period', m && t(lang, m.period)],
    ['sourceSystem', m && t(lang, m.sourceSystem)],
    ['limits', m && t(lang, m.limits)],
    [
      'koladaKpi',
      def.koladaKpi
        ? t(lang, { sv: `Närmaste motsvarighet: ${def.koladaKpi}`, en: `Nearest equivalent: ${def.koladaKpi}` })
        : t(lang, { sv: 'Inget motsvarande nyckeltal', en: 'No equivalent KPI' }),
    ],
  ];
  return parts.flatMap(([key, text]) => (text ? [{ key, label: t(lang, DEFINITION_LABELS[key]), text }] : []));
}

/** The definition on one line (`Vad räknas: …. Räkneregel: …`), for a CSV column. */
export function definitionSummary(def: IndicatorDefinition, lang: Lang): string {
  return definitionLines(def, lang)
    .map((l) => `${l.label}: ${l.text}`)
    .join(' ');
}

/** What the reporting API's answers say about an indicator: its definition and the counting rule in force. */
export function reportingTerms(def: IndicatorDefinition) {
  return { definition: def.definition ?? null, counting: { rule: def.counting, ...COUNTING_TEXT[def.counting] } };
}
