import type { CountyConfig } from '../../core/config/schema.js';
import { t, type Lang } from '../../core/i18n.js';
import { TOTAL } from '../model/cells.js';
import type { IndicatorTable } from '../query/types.js';
import type { Published } from '../release/types.js';
import { cellText, coverageText, SYMBOLS } from './format.js';
import { ReleaseNote } from './release-note.js';

/** The body of `/uppfoljning`: every indicator with its latest area figure and coverage. */
export function Overview(props: { config: CountyConfig; lang: Lang; tables: readonly IndicatorTable[]; published: Published }) {
  const { lang } = props;
  return (
    <>
      <h1>{t(lang, { sv: 'Uppföljning', en: 'Follow-up' })}</h1>
      <p class="lead">
        {t(lang, {
          sv: `Gemensamma nyckeltal för ${props.config.name}: vilka vi når, med vad och med vilket resultat. Kommunerna och regionen rapporterar varje period.`,
          en: `Shared figures for ${props.config.name}: whom we reach, with what and with what result. The municipalities and the region report each period.`,
        })}
      </p>
      <p class="hint">{t(lang, SYMBOLS)}</p>
      <ReleaseNote published={props.published} period={props.published.releases.at(-1)?.period} lang={lang} />
      <ul class="cards">
        {props.tables.map((table) => {
          const def = table.indicator;
          const latest = table.area.at(-1);
          return (
            <li class="card">
              <h2>
                <a href={`/uppfoljning/${def.id}${lang === 'en' ? '?lang=en' : ''}`}>{t(lang, def)}</a>
              </h2>
              {!table.available ? (
                <p class="muted">
                  {t(lang, {
                    sv: 'Ännu inte tillgänglig: tjänsten som uppgiften hämtas från har inga data än.',
                    en: 'Not yet available: the service this figure comes from has no data yet.',
                  })}
                </p>
              ) : latest ? (
                <p>
                  {t(lang, { sv: `${latest.period}, hela området: `, en: `${latest.period}, whole area: ` })}
                  <strong class="num">{cellText(latest.cells[TOTAL], def.unit, lang)}</strong>. {coverageText(latest.coverage, lang)}.
                </p>
              ) : (
                <p class="muted">{t(lang, { sv: 'Inga uppgifter publicerade än.', en: 'Nothing released yet.' })}</p>
              )}
            </li>
          );
        })}
      </ul>
      <h2>{t(lang, { sv: 'Ladda ner', en: 'Download' })}</h2>
      <ul>
        <li>
          <a href="/api/indicators/export.csv">
            {t(lang, { sv: 'Alla uppgifter som CSV för Excel (svenska)', en: 'All figures as CSV for Swedish Excel' })}
          </a>
        </li>
        <li>
          <a href="/api/indicators/export.csv?locale=en">
            {t(lang, { sv: 'CSV med komma och decimalpunkt (engelska)', en: 'CSV with comma and decimal point (English)' })}
          </a>
        </li>
        <li>
          <a href="/api/indicators/export.json">
            {t(lang, { sv: 'Uppgifterna som JSON, en observation per rad', en: 'The figures as JSON, one observation per row' })}
          </a>
        </li>
      </ul>
    </>
  );
}
