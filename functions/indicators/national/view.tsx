import type { CountyConfig } from '../../core/config/schema.js';
import { formatDate, t, type Lang } from '../../core/i18n.js';
import { TableScroll } from '../../core/page/table-scroll.js';
import { organisationName } from '../csv/export.js';
import { TOTAL } from '../model/cells.js';
import type { Frequency } from '../model/period.js';
import { cellText, formatValue } from '../pages/format.js';
import type { Cell, IndicatorTable } from '../query/types.js';
import { countyKoladaCode, NATIONAL_SOURCE, SWEDEN_CODE, type NationalStats, type NationalValue } from './model.js';

/** The reported period compared with a Kolada year: the year's last period (Q4, December or the year). */
export function comparedPeriod(year: string, frequency: Frequency): string {
  return frequency === 'quarter' ? `${year}-Q4` : frequency === 'month' ? `${year}-12` : year;
}

/** One row of the comparison: a Kolada code and year with the national value and the own released figure. */
export interface ComparisonRow {
  readonly code: string;
  readonly name: string;
  readonly year: string;
  readonly national: Partial<Record<'T' | 'K' | 'M', NationalValue>>;
  /** The compared period and its released cell; absent when the code has no own figure (Sweden) or it is not released. */
  readonly own?: { readonly period: string; readonly cell: Cell };
}

/**
 * The comparison rows of one indicator: the area (against its county, when the area is the whole
 * county), each municipality, the county (when the area is part of one) and Sweden. Own figures
 * come from the released table only.
 */
export function comparisonRows(
  config: CountyConfig,
  table: IndicatorTable,
  stats: NationalStats,
  lang: Lang,
  only?: readonly string[],
): ComparisonRow[] {
  const def = table.indicator;
  const kpi = def.koladaKpi ? stats.kpis[def.koladaKpi] : undefined;
  if (!kpi) return [];
  const county = countyKoladaCode(config);
  const wholeCounty = config.kind === 'county';
  const codes = [
    ...(wholeCounty ? [county] : []),
    ...config.municipalities.map((m) => m.code),
    ...(wholeCounty ? [] : [county]),
    SWEDEN_CODE,
  ].filter((c) => !only || only.includes(c));
  const name = (code: string) =>
    code === SWEDEN_CODE
      ? t(lang, { sv: 'Riket', en: 'Sweden' })
      : code === county
        ? wholeCounty
          ? t(lang, { sv: `${config.name} (hela området, länet)`, en: `${config.name} (whole area, the county)` })
          : t(lang, { sv: `Länet (${county})`, en: `The county (${county})` })
        : organisationName(config, code, lang);
  const out: ComparisonRow[] = [];
  for (const code of codes) {
    const years = kpi.values[code];
    if (!years) continue;
    for (const year of Object.keys(years).sort().reverse()) {
      const national = years[year] ?? {};
      const period = comparedPeriod(year, def.frequency);
      const released = table.periods.includes(period);
      let cell: Cell | undefined;
      if (released && code === county && wholeCounty) cell = table.area.find((a) => a.period === period)?.cells[TOTAL];
      else if (released && code !== SWEDEN_CODE && code !== county)
        cell = table.rows.find((r) => r.period === period && r.organization === code)?.cells[TOTAL];
      out.push({ code, name: name(code), year, national, ...(cell ? { own: { period, cell } } : {}) });
    }
  }
  return out;
}

/** Kolada's own figure, in Kolada's unit (which may differ from the indicator's). */
function nationalText(v: NationalValue | undefined, lang: Lang): string {
  if (!v) return '–';
  if (v.value === null)
    return t(lang, { sv: `saknas${v.status ? ` (${v.status})` : ''}`, en: `missing${v.status ? ` (${v.status})` : ''}` });
  return formatValue(v.value, 'count', lang);
}

/** The label every national figure carries: source and retrieval date. */
export function nationalLabel(retrieved: string, lang: Lang): string {
  return t(lang, {
    sv: `Nationell statistik från Kolada (hämtad ${formatDate(retrieved, lang)})`,
    en: `National statistics from Kolada (retrieved ${formatDate(retrieved, lang)})`,
  });
}

interface Props {
  readonly config: CountyConfig;
  readonly lang: Lang;
  /** The released table of the indicator (never raw figures). */
  readonly table: IndicatorTable;
  readonly stats: NationalStats;
  /** Only these Kolada codes (a municipality's own view); all of the area by default. */
  readonly only?: readonly string[];
}

/**
 * The national comparison of an indicator with a Kolada KPI: Kolada's figure beside the area's
 * and each municipality's own released figure. Nothing when the indicator has no KPI or nothing
 * was imported for it.
 */
export function NationalComparison({ config, lang, table, stats, only }: Props) {
  const def = table.indicator;
  const kpi = def.koladaKpi ? stats.kpis[def.koladaKpi] : undefined;
  const rows = comparisonRows(config, table, stats, lang, only);
  if (!kpi || rows.length === 0) return null;
  const label = nationalLabel(kpi.retrieved, lang);
  // the definition's known limits name the KPI when its definition differs from this indicator's
  const differs = [def.definition?.limits.sv, def.definition?.limits.en].some((s) => s?.includes(kpi.kpi));
  const caption = t(lang, { sv: `Jämförelse med Kolada ${kpi.kpi}`, en: `Comparison with Kolada ${kpi.kpi}` });
  return (
    <section id="national" aria-labelledby="national-heading">
      <h2 id="national-heading">{t(lang, { sv: 'Jämförelse med nationell statistik', en: 'Comparison with national statistics' })}</h2>
      <p id="national-label">
        <strong>{label}</strong>.{' '}
        {t(lang, {
          sv: `Källa: ${NATIONAL_SOURCE}, nyckeltal ${kpi.kpi}. Siffrorna är redan offentliga och ingår inte i områdets publiceringar. Egen rapportering avser årets sista period.`,
          en: `Source: ${NATIONAL_SOURCE}, KPI ${kpi.kpi}. These figures are public already and are not part of the area's releases. Own reporting is the year's last period.`,
        })}
      </p>
      {differs ? (
        <p id="national-differs" class="hint">
          {t(lang, {
            sv: `Obs: Koladas definition av ${kpi.kpi} skiljer sig från indikatorns, se Kända begränsningar ovan. Jämför med försiktighet.`,
            en: `Note: Kolada's definition of ${kpi.kpi} differs from this indicator's, see Known limits above. Compare with care.`,
          })}
        </p>
      ) : null}
      <TableScroll lang={lang} label={caption}>
        <table id="national-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t(lang, { sv: 'Kommun eller område', en: 'Municipality or area' })}</th>
              <th scope="col">{t(lang, { sv: 'År', en: 'Year' })}</th>
              <th scope="col">{t(lang, { sv: 'Kolada totalt', en: 'Kolada total' })}</th>
              <th scope="col">{t(lang, { sv: 'Kolada kvinnor', en: 'Kolada women' })}</th>
              <th scope="col">{t(lang, { sv: 'Kolada män', en: 'Kolada men' })}</th>
              <th scope="col">{t(lang, { sv: 'Egen rapportering (period)', en: 'Own reporting (period)' })}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr data-code={r.code} data-year={r.year}>
                <th scope="row">{r.name}</th>
                <td>{r.year}</td>
                <td class="num">{nationalText(r.national.T, lang)}</td>
                <td class="num">{nationalText(r.national.K, lang)}</td>
                <td class="num">{nationalText(r.national.M, lang)}</td>
                <td class="num own">{r.own ? `${cellText(r.own.cell, def.unit, lang)} (${r.own.period})` : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
