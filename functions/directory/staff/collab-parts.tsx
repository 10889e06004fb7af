import type { Staff } from '../../core/auth/auth.js';
import type { CountyConfig } from '../../core/config/schema.js';
import { t, type Lang, type Text } from '../../core/i18n.js';
import { organisations } from '../../core/organisations.js';
import type { Child } from 'hono/jsx';
import { Layout } from '../../core/page/layout.js';
import { StaffBar } from '../../core/session/staff-bar.js';
import { ErrorSummary, FieldError, fieldId, Notice, StoredVersion } from './form-parts.js';
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

/** Props of `CollabFormPage`. */
export interface CollabFormPageProps extends CollabPageBase {
  readonly title: string;
  /** The page's path without query (the form posts to it). */
  readonly path: string;
  readonly back: { readonly href: string; readonly text: Text };
  readonly errors: readonly FormFieldError[];
  /** On a conflict: the stored version as label/value rows. */
  readonly stored?: readonly (readonly [Text, string])[];
  readonly etag?: string;
  /** The submit button's text (on a conflict it is "Save my version"). */
  readonly submit: Text;
  /** What follows the form (e.g. a group's meetings). */
  readonly after?: Child;
  readonly children?: Child;
}

/**
 * The frame of a collaboration form page: staff bar, way back, title, notice, error summary, on a
 * conflict the stored version above "your version", the form with its ETag and its submit button.
 */
export function CollabFormPage(props: CollabFormPageProps) {
  const { lang, config } = props;
  const q = langQuery(lang);
  return (
    <Layout config={config} lang={lang} title={props.title} path={props.path} current="directory" nonce={props.nonce}>
      <StaffBar config={config} lang={lang} staff={props.staff} />
      <p>
        <a href={`${props.back.href}${q}`}>{t(lang, props.back.text)}</a>
      </p>
      <h1>{props.title}</h1>
      <Notice lang={lang} text={props.notice} />
      <ErrorSummary lang={lang} errors={props.errors} />
      {props.stored ? <StoredVersion lang={lang} rows={props.stored} href={`${props.path}${q}`} /> : null}
      <form method="post" action={`${props.path}${q}`} novalidate>
        {props.etag ? <input type="hidden" name="etag" value={props.etag} /> : null}
        {props.stored ? <h2>{t(lang, { sv: 'Din version', en: 'Your version' })}</h2> : null}
        {props.children}
        <p>
          <button type="submit">{t(lang, props.stored ? { sv: 'Spara min version', en: 'Save my version' } : props.submit)}</button>
        </p>
      </form>
      {props.after}
    </Layout>
  );
}
