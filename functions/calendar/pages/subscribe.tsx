import type { CountyConfig } from '../../core/config/schema.js';
import { t, type Lang } from '../../core/i18n.js';
import { webcal } from './origin.js';
import { organisationName } from '../model/vocabulary.js';
import { topicLabel } from './labels.js';

/** Subscribe links (webcal:// and https) to the area feed and, when filtered, to the topic or organiser feed. */
export function SubscribeLinks(props: { config: CountyConfig; lang: Lang; origin: string; topic?: string; organizer?: string }) {
  const { lang, origin, config } = props;
  // An English page offers the English feed ("CANCELLED:", English labels).
  const en = lang === 'en' ? 'lang=en' : '';
  const query = (param?: string) =>
    [param, en]
      .filter(Boolean)
      .join('&')
      .replace(/^(?=.)/, '?');
  const feeds = [{ label: t(lang, { sv: 'Alla utbildningar', en: 'All trainings' }), query: query() }];
  if (props.topic) feeds.push({ label: topicLabel(config, props.topic, lang), query: query(`topic=${encodeURIComponent(props.topic)}`) });
  if (props.organizer)
    feeds.push({ label: organisationName(config, props.organizer), query: query(`organizer=${encodeURIComponent(props.organizer)}`) });
  return (
    <section aria-labelledby="subscribe">
      <h2 id="subscribe">{t(lang, { sv: 'Prenumerera i din kalender', en: 'Subscribe in your calendar' })}</h2>
      <p>
        {t(lang, {
          sv: 'Kalendern uppdateras av sig själv i Outlook, Google och Apple. Ändringar kan ta några timmar att synas.',
          en: 'The calendar updates itself in Outlook, Google and Apple. Changes may take a few hours to show.',
        })}
      </p>
      <ul>
        {feeds.map((f) => {
          const url = `${origin}/utbildningar/kalender.ics${f.query}`;
          return (
            <li>
              <a href={webcal(url)}>{t(lang, { sv: `Prenumerera: ${f.label}`, en: `Subscribe: ${f.label}` })}</a> (
              <a href={url}>{t(lang, { sv: 'adress att klistra in', en: 'address to paste' })}</a>)
            </li>
          );
        })}
      </ul>
    </section>
  );
}
