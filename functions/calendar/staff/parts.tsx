import { t, type Lang, type Text } from '../../core/i18n.js';
import type { TrainingFormError } from './form.js';

/** The staff section of the calendar. */
export const TRAININGS_PATH = '/personal/utbildningar';

/** The error message of one field, when it has one. */
export function ErrorFor(props: { lang: Lang; field: string; errors: readonly TrainingFormError[] }) {
  const error = props.errors.find((e) => e.field === props.field);
  return error ? (
    <span class="error-message" id={`${props.field}-error`}>
      <span class="visually-hidden">{t(props.lang, { sv: 'Fel:', en: 'Error:' })}</span> {t(props.lang, error)}
    </span>
  ) : null;
}

/** The `aria-describedby` of a field: its hint and its error, when shown. */
export function described(field: string, errors: readonly TrainingFormError[], hint?: boolean): string | undefined {
  const ids = [hint ? `${field}-hint` : '', errors.some((e) => e.field === field) ? `${field}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** The list of every error at the top of a form, each linking to its field. */
export function ErrorSummary(props: { lang: Lang; errors: readonly TrainingFormError[] }) {
  if (props.errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{t(props.lang, { sv: 'Det finns ett problem', en: 'There is a problem' })}</h2>
      <ul>
        {props.errors.map((e) => (
          <li>
            {e.field === 'form' ? (
              t(props.lang, e)
            ) : (
              <a href={`#${e.field.startsWith('audience') || e.field === 'repeatEvery' ? `${e.field}-error` : e.field}`}>
                {t(props.lang, e)}
              </a>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** One text input with its label, hint and error (`id` names the error too; `name` is the form field). */
export function InputField(props: {
  lang: Lang;
  id: string;
  name: string;
  value: string;
  label: Text;
  hint?: Text;
  type?: string;
  errors: readonly TrainingFormError[];
  required?: boolean;
}) {
  const { lang, id, errors } = props;
  return (
    <p>
      <label for={id}>{t(lang, props.label)}</label>
      {props.hint ? (
        <span class="hint" id={`${id}-hint`}>
          {t(lang, props.hint)}
        </span>
      ) : null}
      <ErrorFor lang={lang} field={id} errors={errors} />
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value}
        required={props.required}
        aria-describedby={described(id, errors, Boolean(props.hint))}
        aria-invalid={errors.some((e) => e.field === id) ? 'true' : undefined}
      />
    </p>
  );
}
