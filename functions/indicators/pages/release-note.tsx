import { formatDate, t, type Lang, type Text } from '../../core/i18n.js';
import { samplePeriods } from '../release/sample.js';
import type { Published } from '../release/types.js';

/** What marks sample data (`npm run demo`) on the public pages and in the exports. */
export const SAMPLE_TEXT: Text = { sv: 'Exempeldata – inte verkliga uppgifter', en: 'Sample data – not real figures' };

/** The notice at the top of every public indicator page while any released period is sample data; nothing otherwise. */
export function SampleNote({ published, lang }: { published: Published; lang: Lang }) {
  const periods = samplePeriods(published);
  if (periods.length === 0) return null;
  return (
    <div class="notice warn" id="sample-data">
      <p>
        <strong>{t(lang, SAMPLE_TEXT)}.</strong>{' '}
        {t(lang, {
          sv: `Siffrorna för ${periods.join(', ')} är exempel för att prova tjänsten.`,
          en: `The figures for ${periods.join(', ')} are examples for trying the service.`,
        })}
      </p>
    </div>
  );
}

/** "Publicerad 2026-11-02, revidering 2": when the figures of a period were released and which revision they are. */
export function ReleaseNote({ published, period, lang }: { published: Published; period: string | undefined; lang: Lang }) {
  const release = period ? published.periods[period] : undefined;
  if (!release) return null;
  const date = formatDate(release.releasedAt, lang);
  return (
    <p class="muted" id="release">
      {release.revision === 1
        ? t(lang, { sv: `${period}: publicerad ${date} (första publiceringen).`, en: `${period}: released ${date} (first release).` })
        : t(lang, {
            sv: `${period}: publicerad ${date}, revidering ${release.revision} (sena rapporter och rättelser är med).`,
            en: `${period}: released ${date}, revision ${release.revision} (late reports and corrections included).`,
          })}
      {release.sample ? <strong> {t(lang, SAMPLE_TEXT)}.</strong> : null}
    </p>
  );
}

/** The answer to a period that has no release yet. */
export function NotReleased({ period, lang }: { period: string; lang: Lang }) {
  return (
    <p id="not-released">
      {t(lang, {
        sv: `${period} är inte publicerad än. Uppgifterna publiceras när rapporteringstiden har gått ut och kan då revideras om sena rapporter eller rättelser kommer in.`,
        en: `${period} has not been released yet. Figures are released after the reporting deadline and may then be revised when late reports or corrections arrive.`,
      })}
    </p>
  );
}
