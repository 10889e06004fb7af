import type { CountyConfig } from '../../core/config/schema.js';
import { t, type Lang } from '../../core/i18n.js';
import type { NationalStatistics } from '../kolada/store.js';
import { TOTAL } from '../model/cells.js';
import type { IndicatorTable } from '../query/types.js';
import { DataTable, FigureSection } from './figure-table.js';
import { cellText, formatValue } from './format.js';

/**
 * National statistics (Kolada) beside the area's own reported figures: per municipality and year
 * the Kolada value (total, women, men) and the municipality's own released figure of the latest
 * released period of that year. Labelled with its source and retrieval date; never mixed into
 * the area's figures.
 */
export function NationalComparison(props: { config: CountyConfig; lang: Lang; table: IndicatorTable; national?: NationalStatistics }) {
  const { config, lang, table, national } = props;
  const kpi = table.indicator.koladaKpi;
  const values = (national?.values ?? []).filter((v) => v.indicator === table.indicator.id && v.kpi === kpi);
  if (!national || values.length === 0) return null;
  const rows = [...new Set(values.map((v) => `${v.municipality} ${v.year}`))].sort();
  const kolada = (m: string, y: number, g: string) => {
    const v = values.find((x) => x.municipality === m && x.year === y && x.gender === g);
    return v?.value === null || v === undefined ? '..' : formatValue(v.value, 'count', lang);
  };
  const caption = t(lang, {
    sv: `Nationell statistik från Kolada (${kpi}) och kommunens egen siffra`,
    en: `National statistics from Kolada (${kpi}) and the municipality's own figure`,
  });
  const headers = [
    t(lang, { sv: 'Kommun', en: 'Municipality' }),
    t(lang, { sv: 'År', en: 'Year' }),
    t(lang, { sv: 'Kolada totalt', en: 'Kolada total' }),
    t(lang, { sv: 'Kolada kvinnor', en: 'Kolada women' }),
    t(lang, { sv: 'Kolada män', en: 'Kolada men' }),
    t(lang, { sv: 'Egen rapporterad siffra', en: 'Own reported figure' }),
  ];
  return (
    <FigureSection
      id="national"
      heading={t(lang, { sv: 'Nationell jämförelse', en: 'National comparison' })}
      intro={t(lang, {
        sv: `Nationell statistik, inte rapporterad i Uppföljning. Källa: ${national.source}, hämtad ${national.retrievedAt}. Kolada mäter inte alltid samma sak eller samma period som områdets indikator (se definitionen ovan).`,
        en: `National statistics, not reported in Follow-up. Source: ${national.source}, retrieved ${national.retrievedAt}. Kolada does not always measure the same thing or period as the area's indicator (see the definition above).`,
      })}
    >
      <DataTable lang={lang} caption={caption} headers={headers}>
        {rows.map((r) => {
          const [m, y] = r.split(' ') as [string, string];
          const year = Number(y);
          const own = table.rows.filter((x) => x.organization === m && x.period.startsWith(y)).at(-1);
          const name = config.municipalities.find((x) => x.code === m)?.name ?? m;
          return (
            <tr id={`national-${m}-${y}`}>
              <th scope="row">{name}</th>
              <td>{y}</td>
              <td class="num">{kolada(m, year, 'T')}</td>
              <td class="num">{kolada(m, year, 'K')}</td>
              <td class="num">{kolada(m, year, 'M')}</td>
              <td class="num">
                {own
                  ? `${cellText(own.cells[TOTAL] ?? { value: null, status: own.status }, table.indicator.unit, lang)} (${own.period})`
                  : '–'}
              </td>
            </tr>
          );
        })}
      </DataTable>
    </FigureSection>
  );
}
