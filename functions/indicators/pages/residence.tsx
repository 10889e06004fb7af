import type { CountyConfig } from '../../core/config/schema.js';
import { t, type Lang } from '../../core/i18n.js';
import { TOTAL } from '../model/cells.js';
import { RESIDENCE_PREFIX } from '../model/single-reporter.js';
import type { Cell, IndicatorTable } from '../query/types.js';
import { DataTable, FigureSection } from './figure-table.js';
import { cellText } from './format.js';

/** What one municipality's residents got in a period: its own figure, the region's figure for them, and both together. */
export interface ResidenceFigures {
  readonly own: Cell | undefined;
  readonly fromRegion: Cell | undefined;
  readonly together: Cell | undefined;
}

/**
 * A municipality's figures by residence, from released cells only: its own total and the area's
 * `residence:<code>` cell (the region side's figures for its residents). Together is their sum when
 * both are shown, so it is a function of what is public.
 */
export function residenceFigures(table: IndicatorTable, period: string, code: string): ResidenceFigures | undefined {
  const area = table.area.find((a) => a.period === period);
  const fromRegion = area?.cells[`${RESIDENCE_PREFIX}${code}`];
  if (!fromRegion) return undefined;
  const own = table.rows.find((r) => r.period === period && r.organization === code)?.cells[TOTAL];
  const together: Cell =
    own?.value != null && fromRegion.value !== null
      ? { value: own.value + fromRegion.value, status: 'reported' }
      : { value: null, status: 'suppressed' };
  return { own, fromRegion, together };
}

/** Whether a period of the table has figures by municipality of residence. */
export const hasResidence = (table: IndicatorTable, period: string): boolean =>
  Object.keys(table.area.find((a) => a.period === period)?.cells ?? {}).some((k) => k.startsWith(RESIDENCE_PREFIX));

/** The area read by residence: per municipality what it does itself and what its residents get from the region. */
export function ResidenceTable(props: { config: CountyConfig; lang: Lang; table: IndicatorTable; period: string }) {
  const { config, lang, table, period } = props;
  if (!hasResidence(table, period)) return null;
  const unit = table.indicator.unit;
  const caption = t(lang, {
    sv: `Efter hemkommun ${period}: kommunens egna insatser och det regionen gör för dess invånare`,
    en: `By municipality of residence ${period}: the municipality's own and what the region does for its residents`,
  });
  const headers = [
    t(lang, { sv: 'Kommun', en: 'Municipality' }),
    t(lang, { sv: 'Kommunen själv', en: 'The municipality itself' }),
    t(lang, { sv: 'Från regionen', en: 'From the region' }),
    t(lang, { sv: 'Tillsammans', en: 'Together' }),
  ];
  return (
    <FigureSection
      id="residence"
      heading={t(lang, { sv: 'Efter var människor bor', en: 'By where people live' })}
      intro={t(lang, {
        sv: 'Regionens siffror är fördelade på den kommun där personen bor. Det regionen inte fördelat på hemkommun ingår bara i områdets total.',
        en: "The region's figures are split by the municipality where the person lives. What the region did not split is only in the area total.",
      })}
    >
      <DataTable lang={lang} caption={caption} headers={headers}>
        {config.municipalities.map((m) => {
          const f = residenceFigures(table, period, m.code);
          return (
            <tr id={`residence-${m.code}`}>
              <th scope="row">
                <a href={`/uppfoljning/kommun/${m.code}${lang === 'en' ? '?lang=en' : ''}`}>{m.name}</a>
              </th>
              <td class="num">{cellText(f?.own, unit, lang)}</td>
              <td class="num">{cellText(f?.fromRegion, unit, lang)}</td>
              <td class="num">{cellText(f?.together, unit, lang)}</td>
            </tr>
          );
        })}
      </DataTable>
    </FigureSection>
  );
}

/** One municipality's page: for each indicator's latest released period, what it does itself and what it gets from the region. */
export function MunicipalityPage(props: { config: CountyConfig; lang: Lang; code: string; tables: readonly IndicatorTable[] }) {
  const { config, lang, code } = props;
  const name = config.municipalities.find((m) => m.code === code)?.name ?? code;
  const counts = props.tables.filter((tb) => tb.indicator.unit === 'count' && tb.indicator.aggregate === 'sum' && tb.periods.length);
  const caption = t(lang, {
    sv: `${name}: egna siffror och det regionen gör för invånarna`,
    en: `${name}: own figures and what the region does for its residents`,
  });
  return (
    <>
      <p>
        <a href={`/uppfoljning${lang === 'en' ? '?lang=en' : ''}`}>{t(lang, { sv: '← Alla indikatorer', en: '← All indicators' })}</a>
      </p>
      <h1>{name}</h1>
      <p>
        {t(lang, {
          sv: 'Senast publicerade period per indikator. "Från regionen" är regionens siffror för personer som bor i kommunen, där regionen har fördelat dem på hemkommun.',
          en: 'Latest released period per indicator. "From the region" is the region\'s figures for people living in the municipality, where the region split them by residence.',
        })}
      </p>
      <DataTable
        lang={lang}
        caption={caption}
        headers={[
          t(lang, { sv: 'Indikator', en: 'Indicator' }),
          t(lang, { sv: 'Period', en: 'Period' }),
          t(lang, { sv: 'Kommunen själv', en: 'The municipality itself' }),
          t(lang, { sv: 'Från regionen', en: 'From the region' }),
          t(lang, { sv: 'Tillsammans', en: 'Together' }),
        ]}
      >
        {counts.map((tb) => {
          const period = tb.periods.at(-1) as string;
          const f = residenceFigures(tb, period, code);
          const own = tb.rows.find((r) => r.period === period && r.organization === code);
          const unit = tb.indicator.unit;
          return (
            <tr id={`ind-${tb.indicator.id}`}>
              <th scope="row">
                <a href={`/uppfoljning/${tb.indicator.id}?period=${period}${lang === 'en' ? '&lang=en' : ''}`}>{t(lang, tb.indicator)}</a>
              </th>
              <td>{period}</td>
              <td class="num">{cellText(own?.cells[TOTAL] ?? (own ? { value: null, status: own.status } : undefined), unit, lang)}</td>
              <td class="num">{f ? cellText(f.fromRegion, unit, lang) : '–'}</td>
              <td class="num">{f ? cellText(f.together, unit, lang) : '–'}</td>
            </tr>
          );
        })}
      </DataTable>
      <p class="hint">
        {t(lang, {
          sv: '– betyder att regionen inte har fördelat siffran på hemkommun.',
          en: '– means the region did not split the figure by residence.',
        })}
      </p>
    </>
  );
}
