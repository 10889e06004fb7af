import { fieldErrors } from '../../core/http/body.js';
import { ProblemError, type FieldError } from '../../core/http/problem.js';
import type { Text } from '../../core/i18n.js';
import type { FormFieldError } from './service-form.js';

/** What a collaboration form holds: the typed text by field name, and the chosen organisations. */
export interface CollabFormValues {
  readonly fields: Readonly<Record<string, string>>;
  /** Members of a group or parties of an agreement. */
  readonly orgs: readonly string[];
}

/** The text of the single fields named `names` of a post. */
export function postedFields(form: URLSearchParams, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, form.get(n) ?? '']));
}

/** A stored entry as input again: without its id and stamps (a change keeps what a form does not show). */
export function entryInput<T extends { id: string; created: unknown; updated: unknown; verified?: unknown }>(
  entry: T,
): Omit<T, 'id' | 'created' | 'updated' | 'verified'> {
  const { id: _id, created: _created, updated: _updated, verified: _verified, ...input } = entry;
  return input;
}

/** Trimmed text, or undefined when empty. */
export const optional = (text: string | undefined) => (text?.trim() ? text.trim() : undefined);

/** Non-empty trimmed lines of a text area. */
export const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** The role fields `role.<org>` of a post, for the organisations of the area. */
export function postedRoles(form: URLSearchParams, orgs: readonly string[]): Record<string, string> {
  return Object.fromEntries(orgs.map((o) => [`role.${o}`, form.get(`role.${o}`) ?? '']));
}

/** Roles per organisation as form text: several roles of one organisation joined by `;`. */
export function rolesText(roles: readonly { organization: string; role: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of roles)
    out[`role.${r.organization}`] = out[`role.${r.organization}`] ? `${out[`role.${r.organization}`]}; ${r.role}` : r.role;
  return out;
}

/** The roles typed into `role.<org>` fields (`;` separates several), in the order of `orgs`. */
export function rolesOf(fields: Readonly<Record<string, string>>, orgs: readonly string[]) {
  return orgs.flatMap((organization) =>
    (fields[`role.${organization}`] ?? '')
      .split(';')
      .map((r) => r.trim())
      .filter(Boolean)
      .map((role) => ({ organization, role })),
  );
}

/** Texts of the form's fields by field name, shown next to a field the API refused. */
export type FieldTexts = Readonly<Record<string, Text>>;

/**
 * The API's field errors as errors of the form: `formField` names the form field of an API path;
 * a known text of the field wins over the API's, which stays as the fallback.
 */
export function toFormErrors(errors: readonly FieldError[], formField: (path: string) => string, texts: FieldTexts): FormFieldError[] {
  const out = errors.map((e) => {
    const field = formField(e.field);
    const known = texts[field] ?? texts[field.replace(/^[a-z]\d+\./, '')];
    return { field, sv: known?.sv ?? e.sv ?? `Kontrollera fältet (${e.message}).`, en: known?.en ?? e.message };
  });
  return out.filter((e, i) => out.findIndex((o) => o.field === e.field) === i);
}

/** Parse `raw` with `schema` and run the API's `check`: the input, or the form's errors. */
export function checkedInput<I>(
  parse: (raw: unknown) => { success: true; data: I } | { success: false; error: { issues: readonly unknown[] } },
  raw: unknown,
  check: (input: I) => void,
  formField: (path: string) => string,
  texts: FieldTexts,
  extra: readonly FormFieldError[] = [],
): { input: I } | { errors: FormFieldError[] } {
  const parsed = parse(raw);
  let apiErrors: FieldError[] = [];
  if (!parsed.success) apiErrors = fieldErrors(parsed.error.issues as Parameters<typeof fieldErrors>[0]);
  else {
    try {
      check(parsed.data);
    } catch (error) {
      if (!(error instanceof ProblemError) || error.problem.status >= 500) throw error;
      apiErrors = [...(error.problem.errors ?? [])];
    }
  }
  const errors = [...extra, ...toFormErrors(apiErrors, formField, texts)];
  const unique = errors.filter((e, i) => errors.findIndex((o) => o.field === e.field) === i);
  return parsed.success && unique.length === 0 ? { input: parsed.data } : { errors: unique };
}

/** The shared texts of dates and links. */
export const COMMON_TEXTS: FieldTexts = {
  date: { sv: 'Skriv ett datum som ÅÅÅÅ-MM-DD, till exempel 2026-12-01.', en: 'Enter a date as YYYY-MM-DD, e.g. 2026-12-01.' },
  url: { sv: 'Skriv en webbadress som börjar med https://.', en: 'Enter a web address starting with https://.' },
};
