import type { Context } from 'hono';
import { canEditOrg } from '../../core/auth/auth.js';
import { ProblemError } from '../../core/http/problem.js';
import { currentStaff, type KitEnv } from '../../core/http/staff.js';
import { resolveLang, type Text } from '../../core/i18n.js';
import { toFormErrors, type FieldTexts } from './collab-form.js';
import { COLLAB_PATH } from './collab-parts.js';
import type { FormFieldError } from './service-form.js';

/** The messages of the collaboration pages, by the `meddelande` a redirect carries. */
export const COLLAB_NOTICES: Record<string, Text> = {
  'group-created': { sv: 'Gruppen är tillagd.', en: 'The group is added.' },
  'group-saved': { sv: 'Gruppen är sparad.', en: 'The group is saved.' },
  'meeting-saved': { sv: 'Mötet är sparat och syns på sidan Samverkan.', en: 'The meeting is saved and shown on the Collaboration page.' },
  'agreement-created': { sv: 'Överenskommelsen är tillagd.', en: 'The agreement is added.' },
  'agreement-saved': { sv: 'Överenskommelsen är sparad.', en: 'The agreement is saved.' },
  'item-saved': { sv: 'Punkten är uppdaterad.', en: 'The item is updated.' },
  conflict: {
    sv: 'Någon annan ändrade detta medan du skrev. Ingenting sparades. Jämför versionerna: spara din version igen eller använd den sparade.',
    en: 'Someone else changed this while you were typing. Nothing was saved. Compare the versions: save yours again or use the stored one.',
  },
};

/** The form error of a form that held bytes that are not UTF-8. */
export const unreadable = (field: string): FormFieldError => ({
  field,
  sv: 'Formuläret innehöll tecken som inte gick att läsa. Ingenting sparades.',
  en: 'The form held characters that could not be read. Nothing was saved.',
});

/** `lang=en` for English requests, else nothing. */
export const langParam = (c: Context<KitEnv>) => (resolveLang(c) === 'en' ? 'lang=en' : '');

/** A 303 to `path` below the collaboration section with a notice. */
export function redirectWith(c: Context<KitEnv>, path: string, notice: string) {
  const lang = langParam(c);
  return c.redirect(`${COLLAB_PATH}${path}?meddelande=${notice}${lang ? `&${lang}` : ''}`, 303);
}

/** 403 unless the signed-in person may edit for one of `orgs` (the API's rule, `canEditOrg`). */
export function assertMayEditAny(c: Context<KitEnv>, orgs: readonly string[], what: string): void {
  if (!orgs.some((org) => canEditOrg(currentStaff(c), org)))
    throw new ProblemError({
      status: 403,
      title: 'Behörighet saknas för organisationen',
      detail: `You may not edit this ${what}: none of its organisations is yours.`,
    });
}

/**
 * What to do with a refused write: 412 is a conflict (`undefined`, the caller shows both
 * versions), another 4xx becomes errors next to fields; anything else is thrown on.
 */
export function refusal(error: unknown, formField: (path: string) => string, texts: FieldTexts): FormFieldError[] | undefined {
  if (!(error instanceof ProblemError) || error.problem.status >= 500) throw error;
  if (error.problem.status === 412) return undefined;
  const errors = toFormErrors(error.problem.errors ?? [], formField, texts);
  return errors.length
    ? errors
    : [{ field: formField('(form)'), sv: error.problem.title, en: error.problem.detail ?? error.problem.title }];
}
