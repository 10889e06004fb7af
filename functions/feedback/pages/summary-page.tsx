import type { CountyConfig } from '../../core/config/schema.js';
import { formatDate, t, type Lang } from '../../core/i18n.js';
import { Layout } from '../../core/page/layout.js';
import { organisationName } from '../../core/organisations.js';
import type { Summary } from '../summary/build.js';

/** Props of `SummaryPage`. */
export interface SummaryPageProps {
  readonly config: CountyConfig;
  readonly lang: Lang;
  readonly nonce?: string;
  readonly summary: Summary;
  /** The quarters a person can choose. */
  readonly known: readonly string[];
}

const SCROLL_CSS = '.table-scroll{overflow-x:auto;max-width:100%}.table-scroll:focus{outline:3px solid var(--focus)}';

/** `/tyck-till/sammanstallning`: counts per målbild and municipality for one quarter, and the published quotes. */
export function SummaryPage(props: SummaryPageProps) {
  const { lang, summary, config } = props;
  const period = summary.periods[0] ?? '';
  const title = t(lang, { sv: 'Sammanställning av synpunkter', en: 'Summary of feedback' });
  const columns: (string | null)[] = [...config.municipalities.map((m) => m.code), null, 'total'];
  const head = (m: string | null) =>
    m === 'total'
      ? t(lang, { sv: 'Totalt', en: 'Total' })
      : m === null
        ? t(lang, { sv: 'Ingen kommun angiven', en: 'No municipality given' })
        : organisationName(config, m);
  const release = summary.releases.find((r) => r.period === period);
  const value = (malbild: string, m: string | null) => {
    const c = summary.cells.find((x) => x.period === period && x.malbild === malbild && x.municipality === m);
    return c?.status === 'suppressed' ? '..' : String(c?.count ?? 0);
  };
  return (
    <Layout
      config={config}
      lang={lang}
      title={title}
      path="/tyck-till/sammanstallning"
      current="feedback"
      nonce={props.nonce}
      head={<style nonce={props.nonce}>{SCROLL_CSS}</style>}
    >
      <h1>{title}</h1>
      <p class="lead">
        {t(lang, {
          sv: 'Så många synpunkter har kommit in per målbild och kommun. En synpunkt kan handla om flera målbilder.',
          en: 'How much feedback has come in per goal image and municipality. One piece of feedback can be about several goal images.',
        })}
      </p>
      <form method="get" action="/tyck-till/sammanstallning">
        <label for="period">{t(lang, { sv: 'Kvartal', en: 'Quarter' })}</label>
        <select id="period" name="period">
          {props.known.map((q) => (
            <option value={q} selected={q === period}>
              {q}
            </option>
          ))}
        </select>{' '}
        <button type="submit" class="secondary">
          {t(lang, { sv: 'Visa', en: 'Show' })}
        </button>
      </form>
      {release ? (
        <>
          <p class="muted" id="release">
            {t(lang, {
              sv: `${period}: publicerad ${formatDate(release.releasedAt, lang)}${release.revision > 1 ? `, revidering ${release.revision}` : ''}.`,
              en: `${period}: released ${formatDate(release.releasedAt, lang)}${release.revision > 1 ? `, revision ${release.revision}` : ''}.`,
            })}
          </p>
          <div class="table-scroll" role="region" aria-labelledby="counts-caption" tabindex={0}>
            <table>
              <caption id="counts-caption">
                {t(lang, { sv: `Antal synpunkter ${period}`, en: `Number of pieces of feedback ${period}` })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t(lang, { sv: 'Målbild', en: 'Goal image' })}</th>
                  {columns.map((m) => (
                    <th scope="col" class="num">
                      {head(m)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {summary.categories.map((c) => (
                  <tr>
                    <th scope="row">{t(lang, c)}</th>
                    {columns.map((m) => (
                      <td class="num">{value(c.id, m)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p class="muted">
            {t(lang, {
              sv: `".." betyder att antalet är 1–${summary.minCount - 1} eller att det annars skulle gå att räkna ut ett sådant litet antal. Det skyddar dem som har skrivit.`,
              en: `".." means the number is 1–${summary.minCount - 1}, or that such a small number could otherwise be worked out. This protects those who wrote.`,
            })}
          </p>
        </>
      ) : (
        <p id="not-released">
          {t(lang, {
            sv: `Antalen för ${period} är inte publicerade än. De publiceras när kvartalet är slut och rapporteringstiden har gått ut, skyddade tillsammans med Uppföljning.`,
            en: `The counts for ${period} have not been released yet. They are released after the quarter and its reporting deadline, protected together with Follow-up.`,
          })}
        </p>
      )}
      <p>
        <a href={`/api/feedback/summary.csv?period=${period}`}>
          {t(lang, { sv: 'Ladda ner som CSV (för Excel)', en: 'Download as CSV (for Excel)' })}
        </a>
      </p>
      <h2>{t(lang, { sv: 'Citat som brukarrådet har valt ut', en: 'Quotes chosen for the user council' })}</h2>
      {summary.quotes.length === 0 ? (
        <p>{t(lang, { sv: 'Inga citat är publicerade för kvartalet.', en: 'No quotes are published for this quarter.' })}</p>
      ) : (
        <ul>
          {summary.quotes.map((q) => (
            <li>
              <blockquote>{q.text}</blockquote>
              <p class="muted">
                {q.categories.map((id) => t(lang, summary.categories.find((c) => c.id === id) ?? { sv: id, en: id })).join('; ')}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
