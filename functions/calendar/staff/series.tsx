import { t, type Lang } from '../../core/i18n.js';
import type { Repeat } from '../model/series.js';
import type { TrainingFormError, TrainingFormValues } from './form.js';
import { described, ErrorFor } from './parts.js';

/** The most occasions of a series (the API's `repeat.count`). */
export const SERIES_MAX = 24;

/** The series part of the new-training form as typed: no repeat, or every week or month `count` times. */
export function readRepeat(values: TrainingFormValues): { repeat?: Repeat; errors: TrainingFormError[] } {
  const every = values.text.repeatEvery ?? '';
  if (every === '' || every === 'none') return { errors: [] };
  if (every !== 'week' && every !== 'month')
    return { errors: [{ field: 'repeatEvery', sv: 'Välj hur serien upprepas.', en: 'Choose how the series repeats.' }] };
  const typed = (values.text.repeatCount ?? '').trim();
  const count = /^\d{1,3}$/.test(typed) ? Number(typed) : Number.NaN;
  if (!(count >= 2 && count <= SERIES_MAX))
    return {
      errors: [
        {
          field: 'repeatCount',
          sv: `Skriv antalet tillfällen, ett heltal från 2 till ${SERIES_MAX}.`,
          en: `Enter the number of occasions, a whole number from 2 to ${SERIES_MAX}.`,
        },
      ],
    };
  return { repeat: { every, count }, errors: [] };
}

/** The "repeat" fieldset of the new-training form: once, every week or every month, and how many times. */
export function SeriesFields(props: { lang: Lang; values: TrainingFormValues; errors: readonly TrainingFormError[] }) {
  const { lang, values, errors } = props;
  const every = values.text.repeatEvery || 'none';
  const options = [
    { id: 'none', sv: 'En gång', en: 'Once' },
    { id: 'week', sv: 'Varje vecka', en: 'Every week' },
    { id: 'month', sv: 'Varje månad (samma datum)', en: 'Every month (same date)' },
  ];
  return (
    <fieldset aria-describedby={described('repeatEvery', errors, true)}>
      <legend>{t(lang, { sv: 'Upprepa som en serie', en: 'Repeat as a series' })}</legend>
      <p class="hint" id="repeatEvery-hint">
        {t(lang, {
          sv: 'Varje tillfälle blir en egen utbildning med samma klockslag, också över sommar- och vintertid.',
          en: 'Each occasion becomes a training of its own at the same time of day, also across daylight saving.',
        })}
      </p>
      <ErrorFor lang={lang} field="repeatEvery" errors={errors} />
      {options.map((o) => (
        <p class="choice">
          <input type="radio" id={`repeat-${o.id}`} name="repeatEvery" value={o.id} checked={every === o.id} />
          <label for={`repeat-${o.id}`}>{t(lang, o)}</label>
        </p>
      ))}
      <p>
        <label for="repeatCount">{t(lang, { sv: 'Antal tillfällen', en: 'Number of occasions' })}</label>
        <span class="hint" id="repeatCount-hint">
          {t(lang, { sv: `Från 2 till ${SERIES_MAX}, det första inräknat.`, en: `From 2 to ${SERIES_MAX}, the first included.` })}
        </span>
        <ErrorFor lang={lang} field="repeatCount" errors={errors} />
        <input
          id="repeatCount"
          name="repeatCount"
          type="number"
          min="2"
          max={String(SERIES_MAX)}
          value={values.text.repeatCount ?? ''}
          aria-describedby={described('repeatCount', errors, true)}
          aria-invalid={errors.some((e) => e.field === 'repeatCount') ? 'true' : undefined}
        />
      </p>
    </fieldset>
  );
}
