import type { Term } from '../../core/domain/vocabulary.js';
import { t, type Lang, type Text } from '../../core/i18n.js';
import type { FormFieldError } from './service-form.js';

/** A one-line message at the top of a staff page (saved, conflict, …). */
export function Notice(props: { lang: Lang; text?: Text }) {
  return props.text ? (
    <p class="notice" role="status">
      {t(props.lang, props.text)}
    </p>
  ) : null;
}

/** An element id for a form field name (`loc0.street` → `f-loc0-street`). */
export function fieldId(field: string): string {
  return `f-${field.replace(/[^a-zA-Z0-9-]/g, '-')}`;
}

/** The message of a bad field, placed next to it. */
export function FieldError(props: { lang: Lang; field: string; errors: readonly FormFieldError[] }) {
  const error = props.errors.find((e) => e.field === props.field);
  if (!error) return null;
  return (
    <p class="error-message" id={`${fieldId(props.field)}-error`}>
      <span class="visually-hidden">{t(props.lang, { sv: 'Fel:', en: 'Error:' })}</span> {t(props.lang, error)}
    </p>
  );
}

function described(field: string, errors: readonly FormFieldError[], hint = false): string | undefined {
  const ids = [hint ? `${fieldId(field)}-hint` : '', errors.some((e) => e.field === field) ? `${fieldId(field)}-error` : ''].filter(
    Boolean,
  );
  return ids.length ? ids.join(' ') : undefined;
}

/** Props of `Field`. */
export interface FieldProps {
  readonly lang: Lang;
  readonly name: string;
  readonly label: Text;
  readonly value: string;
  readonly errors: readonly FormFieldError[];
  readonly hint?: Text;
  readonly multiline?: boolean;
  readonly required?: boolean;
  readonly autocomplete?: string;
}

/** A labelled text field (or text area) with its hint and its error. */
export function Field(props: FieldProps) {
  const id = fieldId(props.name);
  const invalid = props.errors.some((e) => e.field === props.name);
  return (
    <div class="field">
      <label for={id}>{t(props.lang, props.label)}</label>
      {props.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {t(props.lang, props.hint)}
        </p>
      ) : null}
      <FieldError lang={props.lang} field={props.name} errors={props.errors} />
      {props.multiline ? (
        <textarea
          id={id}
          name={props.name}
          rows={4}
          aria-invalid={invalid ? 'true' : undefined}
          aria-describedby={described(props.name, props.errors, Boolean(props.hint))}
        >
          {props.value}
        </textarea>
      ) : (
        <input
          type="text"
          id={id}
          name={props.name}
          value={props.value}
          required={props.required}
          autocomplete={props.autocomplete ?? 'off'}
          aria-invalid={invalid ? 'true' : undefined}
          aria-describedby={described(props.name, props.errors, Boolean(props.hint))}
        />
      )}
    </div>
  );
}

/** A group of checkboxes with its legend and error. */
export function Checkboxes(props: {
  lang: Lang;
  name: string;
  legend: Text;
  options: readonly Term[];
  checked: readonly string[];
  errors: readonly FormFieldError[];
}) {
  return (
    <fieldset aria-describedby={described(props.name, props.errors)}>
      <legend>{t(props.lang, props.legend)}</legend>
      <FieldError lang={props.lang} field={props.name} errors={props.errors} />
      {props.options.map((o) => (
        <div class="choice">
          <input
            type="checkbox"
            id={`${fieldId(props.name)}-${o.id}`}
            name={props.name}
            value={o.id}
            checked={props.checked.includes(o.id)}
          />
          <label for={`${fieldId(props.name)}-${o.id}`}>{t(props.lang, o)}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** A labelled select with its error. */
export function Select(props: {
  lang: Lang;
  name: string;
  label: Text;
  options: readonly Term[];
  value: string;
  errors: readonly FormFieldError[];
}) {
  const id = fieldId(props.name);
  return (
    <div class="field">
      <label for={id}>{t(props.lang, props.label)}</label>
      <FieldError lang={props.lang} field={props.name} errors={props.errors} />
      <select id={id} name={props.name} aria-describedby={described(props.name, props.errors)}>
        {props.options.map((o) => (
          <option value={o.id} selected={props.value === o.id}>
            {t(props.lang, o)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The list of a form's errors at its top, each a link to its field. */
export function ErrorSummary(props: { lang: Lang; errors: readonly FormFieldError[] }) {
  const { lang, errors } = props;
  if (!errors.length) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
      <h2 id="error-summary-title">{t(lang, { sv: 'Det finns ett problem', en: 'There is a problem' })}</h2>
      <ul>
        {errors.map((e) => (
          <li>
            <a href={`#${fieldId(e.field)}`}>{t(lang, e)}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** On a conflict: the version someone else stored meanwhile, and a link that takes it (dropping mine). */
export function StoredVersion(props: { lang: Lang; rows: readonly (readonly [Text, string])[]; href: string }) {
  const { lang } = props;
  return (
    <section aria-labelledby="stored-title" class="conflict">
      <h2 id="stored-title">{t(lang, { sv: 'Den sparade versionen', en: 'The stored version' })}</h2>
      <dl>
        {props.rows.map(([label, value]) => (
          <>
            <dt>{t(lang, label)}</dt>
            <dd class="pre-line">{value || '–'}</dd>
          </>
        ))}
      </dl>
      <p>
        <a href={props.href}>
          {t(lang, { sv: 'Använd den sparade versionen (släpp mina ändringar)', en: 'Use the stored version (drop my changes)' })}
        </a>
      </p>
    </section>
  );
}
