import type { Staff } from '../../core/auth/auth.js';
import type { CountyConfig } from '../../core/config/schema.js';
import { t, type Lang, type Text } from '../../core/i18n.js';
import { organisations } from '../../core/organisations.js';
import { FieldError, fieldId } from './form-parts.js';
import type { FormFieldError } from './service-form.js';

/** The collaboration part of the directory's staff section. */
export const COLLAB_PATH = '/personal/hitta-stod/samverkan';

/** What every collaboration staff page gets. */
export interface CollabPageBase {
  readonly config: CountyConfig;
  readonly lang: Lang;
  readonly nonce?: string;
  readonly staff: Staff;
  readonly notice?: Text;
}

/** `?lang=en` for English pages, else nothing. */
export const langQuery = (lang: Lang) => (lang === 'en' ? '?lang=en' : '');

/** The empty choice of a select. */
export const NONE: Text = { sv: 'Ingen vald', en: 'None chosen' };

/** A date of the form `YYYY-MM-DD` as it is typed. */
export const DATE_HINT: Text = { sv: 'ÅÅÅÅ-MM-DD, till exempel 2026-12-01.', en: 'YYYY-MM-DD, e.g. 2026-12-01.' };

/**
 * The organisations of the area as checkboxes (members of a group, parties of an agreement), each
 * with a text field for the role it has there.
 */
export function OrgRoles(props: {
  lang: Lang;
  config: CountyConfig;
  name: string;
  legend: Text;
  roleLabel: Text;
  checked: readonly string[];
  fields: Readonly<Record<string, string>>;
  errors: readonly FormFieldError[];
}) {
  const { lang, name, errors } = props;
  return (
    <fieldset id={fieldId(name)} aria-describedby={errors.some((e) => e.field === name) ? `${fieldId(name)}-error` : undefined}>
      <legend>{t(lang, props.legend)}</legend>
      <FieldError lang={lang} field={name} errors={errors} />
      {organisations(props.config).map((o) => {
        const role = `role.${o.id}`;
        return (
          <div>
            <div class="choice">
              <input type="checkbox" id={`${fieldId(name)}-${o.id}`} name={name} value={o.id} checked={props.checked.includes(o.id)} />
              <label for={`${fieldId(name)}-${o.id}`}>{o.name}</label>
            </div>
            <label for={fieldId(role)} class="visually-hidden">
              {t(lang, props.roleLabel)}: {o.name}
            </label>
            <FieldError lang={lang} field={role} errors={errors} />
            <input
              type="text"
              id={fieldId(role)}
              name={role}
              value={props.fields[role] ?? ''}
              placeholder={t(lang, props.roleLabel)}
              autocomplete="off"
              aria-invalid={errors.some((e) => e.field === role) ? 'true' : undefined}
              aria-describedby={errors.some((e) => e.field === role) ? `${fieldId(role)}-error` : undefined}
            />
          </div>
        );
      })}
    </fieldset>
  );
}

/** The organisations of the area as select options, first "none" when `none` is given. */
export function orgOptions(config: CountyConfig, none?: Text) {
  return [...(none ? [{ id: '', ...none }] : []), ...organisations(config).map((o) => ({ id: o.id, sv: o.name, en: o.name }))];
}
