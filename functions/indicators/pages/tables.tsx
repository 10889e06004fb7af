import type { CountyConfig } from '../../core/config/schema.js';
import { t, type Lang } from '../../core/i18n.js';
import { categoryName, organisationName } from '../csv/export.js';
import { TOTAL, splitCellKey, type Category, type Dimension } from '../model/cells.js';
import { RESIDENCE_PREFIX } from '../model/single-reporter.js';
import type { IndicatorTable } from '../query/types.js';
import { cellText, coverageText } from './format.js';
import { DataTable, FigureSection } from './figure-table.js';

/** The data table behind the trend chart: the area figure and coverage per period. */
export function AreaTable({ table, lang }: { table: IndicatorTable; lang: Lang }) {
  const def = table.indicator;
  return (
    <table>
      <caption>{t(lang, { sv: 'Hela området per period', en: 'Whole area per period' })}</caption>
      <thead>
        <tr>
          <th scope="col">{t(lang, { sv: 'Period', en: 'Period' })}</th>
          <th scope="col">{t(lang, { sv: 'Värde', en: 'Value' })}</th>
          <th scope="col">{t(lang, { sv: 'Täckning', en: 'Coverage' })}</th>
        </tr>
      </thead>
      <tbody>
        {table.area.map((a) => (
          <tr>
            <th scope="row">{a.period}</th>
            <td class="num">{cellText(a.cells[TOTAL], def.unit, lang)}</td>
            <td>{coverageText(a.coverage, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The data table behind the bar chart: every organisation's total and breakdown cells for a period, and the area. */
export function OrgTable(props: {
  config: CountyConfig;
  lang: Lang;
  table: IndicatorTable;
  period: string;
  categories: Record<Dimension, readonly Category[]>;
}) {
  const { config, lang, table, categories } = props;
  const def = table.indicator;
  const rows = table.rows.filter((r) => r.period === props.period);
  const area = table.area.find((a) => a.period === props.period);
  // residence cells have their own table (ResidenceTable)
  const breakdownKeys = Object.keys(area?.cells ?? {}).filter((k) => k !== TOTAL && !k.startsWith(RESIDENCE_PREFIX));
  const chosen = props.period;
  const orgHeader = t(lang, { sv: 'Organisation', en: 'Organisation' });
  return (
    <table>
      <caption>{t(lang, { sv: `Per organisation ${chosen}`, en: `Per organisation ${chosen}` })}</caption>
      <thead>
        <tr>
          <th scope="col">{orgHeader}</th>
          <th scope="col">{t(lang, { sv: 'Totalt', en: 'Total' })}</th>
          {breakdownKeys.map((k) => {
            const { dimension, code } = splitCellKey(k);
            return <th scope="col">{categoryName(categories, dimension, code, lang)}</th>;
          })}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            <th scope="row">{organisationName(config, r.organization, lang)}</th>
            <td class="num">{cellText(r.cells[TOTAL] ?? { value: null, status: r.status }, def.unit, lang)}</td>
            {breakdownKeys.map((k) => (
              <td class="num">{cellText(r.cells[k] ?? { value: null, status: r.status }, def.unit, lang)}</td>
            ))}
          </tr>
        ))}
        {area ? (
          <tr>
            <th scope="row">{organisationName(config, 'area', lang)}</th>
            <td class="num">{cellText(area.cells[TOTAL], def.unit, lang)}</td>
            {breakdownKeys.map((k) => (
              <td class="num">{cellText(area.cells[k], def.unit, lang)}</td>
            ))}
          </tr>
        ) : null}
      </tbody>
    </table>
  );
}

/** The länsdelar (config `areas`) side by side for a period: a column each and one for the whole area, a row per cell. */
export function PartsTable(props: {
  config: CountyConfig;
  lang: Lang;
  table: IndicatorTable;
  period: string;
  categories: Record<Dimension, readonly Category[]>;
}) {
  const { config, lang, table, period, categories } = props;
  const area = table.area.find((a) => a.period === period);
  if (!area?.parts || config.areas.length === 0) return null;
  const def = table.indicator;
  const keys = Object.keys(area.cells).filter((k) => !k.startsWith(RESIDENCE_PREFIX));
  const caption = t(lang, { sv: `Per länsdel ${period}`, en: `Per part of the county ${period}` });
  const headers = [
    t(lang, { sv: 'Uppgift', en: 'Figure' }),
    ...config.areas.map((p) => ({ text: p.name, id: `part-${p.id}` })),
    organisationName(config, 'area', lang),
  ];
  return (
    <FigureSection
      id="parts"
      heading={t(lang, { sv: 'Länsdelar sida vid sida', en: 'Parts of the county side by side' })}
      intro={t(lang, {
        sv: 'En länsdels siffra är summan av dess kommuners egna siffror; regionens siffror ingår bara i hela området.',
        en: "A part's figure is the sum of its municipalities' own figures; the region's figures are only in the whole area.",
      })}
    >
      <DataTable lang={lang} caption={caption} headers={headers}>
        {keys.map((k) => {
          const { dimension, code } = splitCellKey(k);
          return (
            <tr>
              <th scope="row">{categoryName(categories, dimension, code, lang)}</th>
              {config.areas.map((p) => (
                <td class="num">{cellText(area.parts?.[p.id]?.[k], def.unit, lang)}</td>
              ))}
              <td class="num">{cellText(area.cells[k], def.unit, lang)}</td>
            </tr>
          );
        })}
      </DataTable>
    </FigureSection>
  );
}
