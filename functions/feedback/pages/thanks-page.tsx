import type { CountyConfig } from '../../core/config/schema.js';
import { t, type Lang } from '../../core/i18n.js';
import { Layout } from '../../core/page/layout.js';

/** The thank-you page, with places to turn to for help now. */
export function ThanksPage(props: { config: CountyConfig; lang: Lang; nonce?: string }) {
  const { lang } = props;
  const title = t(lang, { sv: 'Tack för din synpunkt', en: 'Thank you for your feedback' });
  return (
    <Layout config={props.config} lang={lang} title={title} path="/tyck-till/tack" current="feedback" nonce={props.nonce}>
      <h1>{title}</h1>
      <p class="lead">
        {t(lang, {
          sv: 'Vi har tagit emot det du skrev. Brukarrådet får en sammanställning av alla synpunkter.',
          en: 'We have received what you wrote. The user council gets a summary of all feedback.',
        })}
      </p>
      <h2>{t(lang, { sv: 'Behöver du hjälp nu?', en: 'Do you need help now?' })}</h2>
      <ul>
        <li>{t(lang, { sv: '1177 – sjukvårdsrådgivning dygnet runt', en: '1177 – health care advice day and night' })}</li>
        <li>{t(lang, { sv: '112 – vid fara för liv', en: '112 – if a life is in danger' })}</li>
        <li>{t(lang, { sv: 'Självmordslinjen – ring 90101', en: 'Suicide helpline (Självmordslinjen) – call 90101' })}</li>
      </ul>
      <p>
        <a href="/tyck-till/sammanstallning">{t(lang, { sv: 'Se sammanställningen av synpunkter', en: 'See the summary of feedback' })}</a>
      </p>
      <p>
        <a href="/tyck-till">{t(lang, { sv: 'Skriv en till synpunkt', en: 'Write more feedback' })}</a>
      </p>
    </Layout>
  );
}
