import { t, type Lang } from '../../core/i18n.js';
import type { Schedule } from '../model/service.js';

const DAYS = {
  MO: { sv: 'måndag', en: 'Monday' },
  TU: { sv: 'tisdag', en: 'Tuesday' },
  WE: { sv: 'onsdag', en: 'Wednesday' },
  TH: { sv: 'torsdag', en: 'Thursday' },
  FR: { sv: 'fredag', en: 'Friday' },
  SA: { sv: 'lördag', en: 'Saturday' },
  SU: { sv: 'söndag', en: 'Sunday' },
} as const;
const KINDS = {
  visiting: { sv: 'Besökstider', en: 'Visiting hours' },
  phone: { sv: 'Telefontider', en: 'Phone hours' },
  'drop-in': { sv: 'Drop-in', en: 'Drop-in' },
} as const;

/** Opening hours by kind (visiting, phone, drop-in); public holidays are closed. */
export function Schedules(props: { schedules: readonly Schedule[]; lang: Lang }) {
  const { schedules, lang } = props;
  if (!schedules.length) return null;
  return (
    <>
      <h2>{t(lang, { sv: 'Öppettider', en: 'Opening hours' })}</h2>
      {(Object.keys(KINDS) as Schedule['kind'][])
        .filter((kind) => schedules.some((s) => s.kind === kind))
        .map((kind) => (
          <>
            <h3>{t(lang, KINDS[kind])}</h3>
            <ul>
              {schedules
                .filter((s) => s.kind === kind)
                .map((s) => (
                  <li>
                    {s.byday.map((d) => t(lang, DAYS[d])).join(', ')} {s.opensAt}–{s.closesAt}
                  </li>
                ))}
            </ul>
          </>
        ))}
      <p class="hint">{t(lang, { sv: 'Stängt på helgdagar och helgdagsaftnar.', en: 'Closed on public holidays and their eves.' })}</p>
    </>
  );
}
