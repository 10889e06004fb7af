import { t, type Lang } from '../../core/i18n.js';
import { TEXT } from './labels.js';

/** The national lines, always shown: anyone can call them anonymously. */
export function NationalLines(props: { lang: Lang }) {
  const { lang } = props;
  return (
    <aside class="notice" aria-labelledby="national-lines">
      <h2 id="national-lines">{t(lang, TEXT.nationalLines)}</h2>
      <ul>
        <li>
          <a href="https://www.1177.se">1177</a> – {t(lang, { sv: 'sjukvårdsrådgivning dygnet runt', en: 'health advice day and night' })}
        </li>
        <li>
          <a href="https://www.alkoholhjalpen.se">Alkoholhjälpen</a>
        </li>
        <li>
          <a href="https://www.droghjalpen.se">Droghjälpen</a>
        </li>
        <li>
          <a href="https://www.stodlinjen.se">Stödlinjen</a> ({t(lang, { sv: 'spel om pengar', en: 'gambling' })})
        </li>
      </ul>
      <p class="hint">{t(lang, { sv: 'Vid akut fara: ring 112.', en: 'In an emergency: call 112.' })}</p>
    </aside>
  );
}
