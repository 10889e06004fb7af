import type { Staff } from '../../core/auth/auth.js';
import type { CountyConfig } from '../../core/config/schema.js';
import { t, type Lang } from '../../core/i18n.js';
import { Layout } from '../../core/page/layout.js';
import type { StaffSection } from '../../core/session/sections.js';
import { organisationName, ROLE_TEXT, SignOutButton } from '../../core/session/staff-bar.js';

/** Props of `LandingPage`. */
export interface LandingPageProps {
  readonly config: CountyConfig;
  readonly lang: Lang;
  readonly nonce?: string;
  readonly staff: Staff;
  readonly sections: readonly StaffSection[];
}

/** `/personal`: who is signed in, what they may do, their sections and sign-out. */
export function LandingPage(props: LandingPageProps) {
  const { lang, staff, config } = props;
  const title = t(lang, { sv: 'För personal', en: 'For staff' });
  const org = organisationName(config, staff.org);
  return (
    <Layout config={config} lang={lang} title={title} path="/personal" nonce={props.nonce}>
      <h1>{title}</h1>
      <dl>
        <dt>{t(lang, { sv: 'Inloggad som', en: 'Signed in as' })}</dt>
        <dd>{staff.name ?? staff.sub}</dd>
        <dt>{t(lang, { sv: 'Roll', en: 'Role' })}</dt>
        <dd>
          {staff.roles.length
            ? staff.roles.map((r) => t(lang, ROLE_TEXT[r]?.name ?? { sv: r, en: r })).join(', ')
            : t(lang, { sv: 'Ingen', en: 'None' })}
        </dd>
        <dt>{t(lang, { sv: 'Organisation', en: 'Organisation' })}</dt>
        <dd>{org ?? t(lang, { sv: 'Hela området', en: 'The whole area' })}</dd>
      </dl>
      <h2>{t(lang, { sv: 'Det här får du göra', en: 'What you may do' })}</h2>
      {staff.roles.length ? (
        <ul>
          {staff.roles.map((r) => (
            <li>{t(lang, ROLE_TEXT[r]?.may ?? { sv: r, en: r })}</li>
          ))}
        </ul>
      ) : (
        <p>
          {t(lang, {
            sv: 'Du har ingen roll än. Be områdets administratör att lägga till dig i en grupp.',
            en: 'You have no role yet. Ask the area administrator to add you to a group.',
          })}
        </p>
      )}
      <h2>{t(lang, { sv: 'Dina arbetsytor', en: 'Your workspaces' })}</h2>
      {props.sections.length ? (
        <ul class="cards">
          {props.sections.map((s) => (
            <li class="card">
              <h3>
                <a href={s.path}>{t(lang, s)}</a>
              </h3>
              <p>{t(lang, { sv: s.summarySv, en: s.summaryEn })}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t(lang, { sv: 'Det finns inga arbetsytor för din roll ännu.', en: 'There are no workspaces for your role yet.' })}</p>
      )}
      <SignOutButton lang={lang} />
    </Layout>
  );
}
