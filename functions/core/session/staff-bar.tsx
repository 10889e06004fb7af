import type { Staff } from '../auth/auth.js';
import type { CountyConfig } from '../config/schema.js';
import { t, type Lang, type Text } from '../i18n.js';
import { organisationName as nameOf } from '../organisations.js';

/** Each role and what it may do, for people. */
export const ROLE_TEXT: Readonly<Record<string, { readonly name: Text; readonly may: Text }>> = {
  admin: {
    name: { sv: 'Administratör', en: 'Administrator' },
    may: {
      sv: 'Du får ändra uppgifter för alla organisationer i området och moderera synpunkter.',
      en: 'You may change the data of every organisation in the area and moderate feedback.',
    },
  },
  editor: {
    name: { sv: 'Redaktör', en: 'Editor' },
    may: {
      sv: 'Du får ändra uppgifter för din egen organisation: verksamheter, utbildningar och uppföljning.',
      en: "You may change your own organisation's data: services, trainings and follow-up figures.",
    },
  },
  moderator: {
    name: { sv: 'Moderator', en: 'Moderator' },
    may: {
      sv: 'Du får granska synpunkter i Tyck till, publicera eller dölja dem och välja citat.',
      en: 'You may review feedback in Have your say, publish or hide it and choose quotes.',
    },
  },
};

/** The name of a staff member's organisation (see `core/organisations.ts`); `undefined` when they have none. */
export function organisationName(config: CountyConfig, org: string | undefined): string | undefined {
  return org ? nameOf(config, org) : undefined;
}

/**
 * The line at the top of every staff page: who is signed in, a link back to the workspace and a
 * sign-out button (a form post, so it works without JavaScript).
 *
 * @example
 * <StaffBar config={deps.config} lang={lang} staff={currentStaff(c)} />
 */
export function StaffBar(props: { config: CountyConfig; lang: Lang; staff: Staff }) {
  const { lang, staff } = props;
  const org = organisationName(props.config, staff.org);
  return (
    <div class="notice">
      <p>
        {t(lang, { sv: 'Inloggad som', en: 'Signed in as' })} <strong>{staff.name ?? staff.sub}</strong>
        {org ? `, ${org}` : ''}. <a href="/personal">{t(lang, { sv: 'Till För personal', en: 'To the staff workspace' })}</a>
      </p>
      <SignOutButton lang={lang} />
    </div>
  );
}

/** The sign-out button: a same-origin form post to `/logga-ut` (no JavaScript needed). */
export function SignOutButton(props: { lang: Lang; primary?: boolean }) {
  return (
    <form method="post" action="/logga-ut">
      <button type="submit" class={props.primary ? undefined : 'secondary'}>
        {t(props.lang, { sv: 'Logga ut', en: 'Sign out' })}
      </button>
    </form>
  );
}
