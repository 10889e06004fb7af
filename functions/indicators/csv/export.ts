import { organisationName as coreOrganisationName } from '../../core/organisations.js';
import type { CountyConfig } from '../../core/config/schema.js';
import { t } from '../../core/i18n.js';
import { DIMENSION_LABELS, type Category, type Dimension } from '../model/cells.js';
import { UNSPECIFIED_ORG } from '../data/derived.js';
import { AREA_ORG, type Observation } from '../query/observations.js';
import type { IndicatorDefinition } from '../../core/config/schema.js';
import { COLUMNS, DEFINITION_COLUMNS, METHOD_TEXT, STATUS_SYMBOL, STATUS_TEXT } from './columns.js';
import { COUNTING_TEXT, REPORTER_TEXT, definitionSummary } from '../model/definition.js';
import { toCsv, type CsvCell, type CsvLocale } from '../../core/csv/index.js';

/** The name of an organisation code (municipality, region, unit, the area itself). */
export function organisationName(config: CountyConfig, code: string, lang: 'sv' | 'en'): string {
  if (code === AREA_ORG) return t(lang, { sv: `${config.name} (hela området)`, en: `${config.name} (whole area)` });
  if (code === UNSPECIFIED_ORG) return t(lang, { sv: 'Kommun ej angiven', en: 'Municipality not given' });
  return coreOrganisationName(config, code);
}

/** The label of a cell's category. */
export function categoryName(
  categories: Record<Dimension, readonly Category[]>,
  breakdown: string,
  code: string,
  lang: 'sv' | 'en',
): string {
  if (breakdown === 'total') return t(lang, DIMENSION_LABELS.total);
  const found = categories[breakdown as Dimension]?.find((c) => c.code === code);
  return found ? t(lang, found) : code;
}

/** What the explanation column adds to a row of a period released from sample data (`npm run demo`). */
export const SAMPLE_EXPLANATION = { sv: 'exempeldata, inte verkliga uppgifter', en: 'sample data, not real figures' } as const;

/**
 * Render observations as the export CSV (with `denominators` for rows the viewer may see raw); rows
 * of `samplePeriods` say in their explanation that they are sample data.
 */
export function exportCsv(
  config: CountyConfig,
  definitions: readonly IndicatorDefinition[],
  rows: readonly Observation[],
  locale: CsvLocale,
  samplePeriods: ReadonlySet<string> = new Set(),
): string {
  const names = new Map(definitions.map((d) => [d.id, t(locale, d)]));
  // The definition goes on the first row of each indicator only: the text is long and the rows are many.
  const described = new Set<string>();
  const definitionOf = (id: string): string => {
    const def = definitions.find((d) => d.id === id);
    if (!def || described.has(id)) return '';
    described.add(id);
    return definitionSummary(def, locale);
  };
  // codes, periods and categories are text (the writer keeps `0580` and `65+` so); figures are numbers
  const body = rows.map((o): CsvCell[] => [
    o.indicator,
    names.get(o.indicator) ?? o.indicator,
    o.organization,
    organisationName(config, o.organization, locale),
    o.period,
    o.breakdown,
    o.category,
    o.value,
    STATUS_SYMBOL[o.status],
    t(locale, STATUS_TEXT[o.status]) + (samplePeriods.has(o.period) ? ` (${SAMPLE_EXPLANATION[locale]})` : ''),
    o.denominator,
    o.unit,
    o.method ? t(locale, METHOD_TEXT[o.method] ?? { sv: o.method, en: o.method }) : '',
    o.coverage
      ? t(locale, {
          sv: `${o.coverage.reported} av ${o.coverage.expected} rapporterade`,
          en: `${o.coverage.reported} of ${o.coverage.expected} reported`,
        })
      : '',
    definitionOf(o.indicator),
  ]);
  return toCsv([COLUMNS.map((c) => c[locale]), ...body], locale);
}

const FREQUENCY_TEXT: Record<IndicatorDefinition['frequency'], { sv: string; en: string }> = {
  month: { sv: 'månad', en: 'month' },
  quarter: { sv: 'kvartal', en: 'quarter' },
  year: { sv: 'år', en: 'year' },
};

/** Render the indicators' definitions as CSV, one row per indicator, in the export's dialect. */
export function definitionsCsv(definitions: readonly IndicatorDefinition[], locale: CsvLocale): string {
  const body = definitions.map((d) => {
    const m = d.definition;
    return [
      d.id,
      t(locale, d),
      d.unit,
      t(locale, FREQUENCY_TEXT[d.frequency]),
      t(locale, METHOD_TEXT[d.aggregate] ?? { sv: d.aggregate, en: d.aggregate }),
      m ? t(locale, m.counted) : '',
      m?.denominator ? t(locale, m.denominator) : '',
      m ? t(locale, REPORTER_TEXT[m.reporter]) : '',
      t(locale, COUNTING_TEXT[d.counting]),
      m ? t(locale, m.period) : '',
      m ? t(locale, m.sourceSystem) : '',
      m ? t(locale, m.limits) : '',
      d.koladaKpi ?? '',
    ];
  });
  return toCsv([DEFINITION_COLUMNS.map((c) => c[locale]), ...body], locale);
}
