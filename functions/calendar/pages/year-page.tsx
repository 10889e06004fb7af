import { TableScroll } from '../../core/page/table-scroll.js';
import type { CountyConfig } from '../../core/config/schema.js';
import { t, type Lang } from '../../core/i18n.js';
import { Layout } from '../../core/page/layout.js';
import { YEARS, type YearView } from '../model/year.js';
import { monthNames } from './labels.js';

/** `/utbildningar/arshjul`: the kompetenshjul as a table of topics × months, and the topics with nothing planned. */
export function YearPage(props: { config: CountyConfig; lang: Lang; nonce?: string; view: YearView }) {
  const { lang, view } = props;
  const months = monthNames(lang);
  const title = t(lang, {
    sv: `Årshjul ${view.year}: utbildningar per ämne och månad`,
    en: `Year view ${view.year}: trainings per topic and month`,
  });
  return (
    <Layout config={props.config} lang={lang} title={title} path="/utbildningar/arshjul" current="calendar" nonce={props.nonce}>
      <h1>{title}</h1>
      <p>
        {/* Only years the view accepts are offered (no link into a 400). */}
        {view.year > YEARS.first ? (
          <a href={`/utbildningar/arshjul?year=${view.year - 1}`}>
            {t(lang, { sv: `Föregående år (${view.year - 1})`, en: `Previous year (${view.year - 1})` })}
          </a>
        ) : null}
        {view.year > YEARS.first && view.year < YEARS.last ? ' · ' : null}
        {view.year < YEARS.last ? (
          <a href={`/utbildningar/arshjul?year=${view.year + 1}`}>
            {t(lang, { sv: `Nästa år (${view.year + 1})`, en: `Next year (${view.year + 1})` })}
          </a>
        ) : null}
      </p>
      <h2 id="gaps">{t(lang, { sv: 'Ämnen utan planerad utbildning i år', en: 'Topics with no training planned this year' })}</h2>
      {view.gaps.length ? (
        <ul>
          {view.gaps.map((g) => (
            <li>{t(lang, g)}</li>
          ))}
        </ul>
      ) : (
        <p>{t(lang, { sv: 'Alla ämnen har minst en utbildning.', en: 'Every topic has at least one training.' })}</p>
      )}
      <h2 id="table">{t(lang, { sv: 'Utbildningar per månad', en: 'Trainings per month' })}</h2>
      <TableScroll lang={lang} label={t(lang, { sv: 'Utbildningar per ämne och månad', en: 'Trainings per topic and month' })}>
        <table>
          <caption class="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t(lang, { sv: 'Ämne', en: 'Topic' })}</th>
              {months.map((m) => (
                <th scope="col">{m}</th>
              ))}
              <th scope="col">{t(lang, { sv: 'Totalt', en: 'Total' })}</th>
            </tr>
          </thead>
          <tbody>
            {view.rows.map((r) => (
              <tr>
                <th scope="row">{t(lang, r.topic)}</th>
                {r.months.map((m) => (
                  <td class="num">
                    {m.length === 0
                      ? '–'
                      : m.map((e, i) => (
                          <>
                            {i > 0 ? ', ' : ''}
                            <a href={`/utbildningar/${e.id}`}>
                              {new Date(e.start).toLocaleDateString(lang === 'sv' ? 'sv-SE' : 'en-GB', {
                                day: 'numeric',
                                timeZone: 'Europe/Stockholm',
                              })}
                              <span class="visually-hidden"> {e.title}</span>
                            </a>
                          </>
                        ))}
                  </td>
                ))}
                <td class="num">{r.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </Layout>
  );
}
