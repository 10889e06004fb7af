import type { Lang, Text } from '../../core/i18n.js';
import { t } from '../../core/i18n.js';
import type { Term } from '../../core/domain/vocabulary.js';
import type { FormError } from '../form/input.js';

/** The error summary first in `<main>`: its links go to the fields and use the inline errors' words. */
export function ErrorSummary(props: { lang: Lang; errors: readonly FormError[] }) {
  if (props.errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
      <h2 id="error-summary-title">{t(props.lang, { sv: 'Det finns ett problem', en: 'There is a problem' })}</h2>
      <ul>
        {props.errors.map((e) => (
          <li>
            <a href={e.href}>{t(props.lang, e)}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** An inline error tied to its field by id (`<field>-error`), with a visually hidden "Fel:" prefix. */
export function InlineError(props: { lang: Lang; field: string; errors: readonly FormError[] }) {
  const error = props.errors.find((e) => e.field === props.field);
  if (!error) return null;
  return (
    <p class="error-message" id={`${props.field}-error`}>
      <span class="visually-hidden">{t(props.lang, { sv: 'Fel:', en: 'Error:' })}</span> {t(props.lang, error)}
    </p>
  );
}

/** The ids an input is described by: its hint and, when there is one, its error. */
export function describedBy(field: string, errors: readonly FormError[], hint = true): string | undefined {
  const ids = [hint ? `${field}-hint` : '', errors.some((e) => e.field === field) ? `${field}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** "(frivilligt)" after an optional question. */
export function Optional(props: { lang: Lang }) {
  return <span class="muted"> {t(props.lang, { sv: '(frivilligt)', en: '(optional)' })}</span>;
}

/** A notice box with one bilingual text. */
export function Notice(props: { lang: Lang; text?: Text }) {
  return props.text ? <p class="notice">{t(props.lang, props.text)}</p> : null;
}

/** Radio buttons or checkboxes, one per option, each tied to the group's error. */
export function Choices(props: {
  lang: Lang;
  name: string;
  type: 'radio' | 'checkbox';
  options: readonly Term[];
  checked: (id: string) => boolean;
  errors: readonly FormError[];
}) {
  return props.options.map((o) => (
    <div class="choice">
      <input
        type={props.type}
        id={`${props.name}-${o.id}`}
        name={props.name}
        value={o.id}
        checked={props.checked(o.id)}
        aria-describedby={props.errors.some((e) => e.field === props.name) ? `${props.name}-error` : undefined}
      />
      <label for={`${props.name}-${o.id}`}>{t(props.lang, o)}</label>
    </div>
  ));
}

/** An optional select with a "prefer not to say" first option, its label and inline error. */
export function SelectField(props: {
  lang: Lang;
  field: string;
  label: Text;
  options: readonly { value: string; name: string }[];
  value: string;
  errors: readonly FormError[];
}) {
  const { lang, field, errors } = props;
  return (
    <div class={errors.some((e) => e.field === field) ? 'field-error' : undefined}>
      <label for={field}>
        {t(lang, props.label)}
        <Optional lang={lang} />
      </label>
      <InlineError lang={lang} field={field} errors={errors} />
      <select id={field} name={field} aria-describedby={describedBy(field, errors, false)}>
        <option value="">{t(lang, { sv: 'Vill inte säga / vet inte', en: 'Prefer not to say / do not know' })}</option>
        {props.options.map((o) => (
          <option value={o.value} selected={props.value === o.value}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  );
}
