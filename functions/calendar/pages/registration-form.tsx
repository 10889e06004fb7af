import type { CountyConfig } from '../../core/config/schema.js';
import { t, type Lang, type Text } from '../../core/i18n.js';
import type { CalendarEvent } from '../model/event.js';
import { openTo } from '../model/event.js';
import { AUDIENCE_ROLES, organisations } from '../model/vocabulary.js';

/** One error of the form, with the field it belongs to. */
export interface FormError extends Text {
  readonly field: 'name' | 'email' | 'org' | 'role' | 'form';
}

/** Values the form was sent with (kept on an error). */
export type FormValues = Partial<Record<'name' | 'email' | 'org' | 'role', string>>;

function Field(props: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  value?: string;
  type?: string;
  autocomplete: string;
  required?: boolean;
}) {
  const describedBy = [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : ''].filter(Boolean).join(' ');
  return (
    <p>
      <label for={props.id}>{props.label}</label>
      {props.hint ? (
        <span class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </span>
      ) : null}
      {props.error ? (
        <span class="error-message" id={`${props.id}-error`}>
          {props.error}
        </span>
      ) : null}
      <input
        id={props.id}
        name={props.id}
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        autocomplete={props.autocomplete}
        required={props.required}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
        class={props.error ? 'field-error' : undefined}
      />
    </p>
  );
}

/** The registration form of a training (a plain POST; works without JavaScript). */
export function RegistrationForm(props: {
  config: CountyConfig;
  lang: Lang;
  event: CalendarEvent;
  values?: FormValues;
  errors?: readonly FormError[];
  full: boolean;
}) {
  const { lang, event, values = {}, errors = [] } = props;
  const err = (f: FormError['field']) => {
    const e = errors.find((x) => x.field === f);
    return e ? t(lang, e) : undefined;
  };
  const orgs = organisations(props.config).filter((o) => openTo(event, o.id));
  return (
    <form method="post" action={`/utbildningar/${event.id}/anmalan${lang === 'en' ? '?lang=en' : ''}`} novalidate>
      {errors.length ? (
        <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
          <h3 id="error-summary-title">{t(lang, { sv: 'Det finns ett problem', en: 'There is a problem' })}</h3>
          <ul>
            {errors.map((e) => (
              <li>
                <a href={`#${e.field === 'form' ? 'name' : e.field}`}>{t(lang, e)}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {props.full ? (
        <p class="notice">
          {t(lang, {
            sv: 'Utbildningen är fullbokad. Anmäler du dig kommer du på väntelistan och får en plats om någon avbokar.',
            en: 'The training is fully booked. If you register you join the waiting list and get a seat if someone cancels.',
          })}
        </p>
      ) : null}
      <Field id="name" label={t(lang, { sv: 'Namn', en: 'Name' })} autocomplete="name" value={values.name} error={err('name')} required />
      <Field
        id="email"
        type="email"
        label={t(lang, { sv: 'E-postadress i tjänsten', en: 'Work e-mail address' })}
        autocomplete="email"
        value={values.email}
        error={err('email')}
        required
      />
      <p>
        <label for="org">{t(lang, { sv: 'Organisation', en: 'Organisation' })}</label>
        {err('org') ? (
          <span class="error-message" id="org-error">
            {err('org')}
          </span>
        ) : null}
        <select
          id="org"
          name="org"
          required
          aria-invalid={err('org') ? 'true' : undefined}
          aria-describedby={err('org') ? 'org-error' : undefined}
        >
          <option value="">{t(lang, { sv: 'Välj organisation', en: 'Choose organisation' })}</option>
          {orgs.map((o) => (
            <option value={o.id} selected={o.id === values.org}>
              {o.name}
            </option>
          ))}
        </select>
      </p>
      <p>
        <label for="role">{t(lang, { sv: 'Yrkesroll (frivilligt)', en: 'Role (optional)' })}</label>
        <select id="role" name="role">
          <option value="">{t(lang, { sv: 'Vill inte ange', en: 'Prefer not to say' })}</option>
          {AUDIENCE_ROLES.map((r) => (
            <option value={r.id} selected={r.id === values.role}>
              {t(lang, r)}
            </option>
          ))}
        </select>
      </p>
      <p class="hint">
        {t(lang, {
          sv: 'Vi sparar bara namn, e-post, organisation och roll, och raderar dem efter utbildningen enligt områdets regler.',
          en: 'We keep only name, e-mail, organisation and role, and delete them after the training under the area’s rules.',
        })}
      </p>
      <button type="submit" class="button">
        {props.full
          ? t(lang, { sv: 'Ställ mig på väntelistan', en: 'Join the waiting list' })
          : t(lang, { sv: 'Anmäl mig', en: 'Register' })}
      </button>
    </form>
  );
}
