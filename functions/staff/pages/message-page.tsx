import type { CountyConfig } from '../../core/config/schema.js';
import { t, type Lang, type Text } from '../../core/i18n.js';
import { Layout } from '../../core/page/layout.js';
import { SignOutButton } from '../../core/session/staff-bar.js';

/** Props of `MessagePage`. */
export interface MessagePageProps {
  readonly config: CountyConfig;
  readonly lang: Lang;
  readonly nonce?: string;
  readonly path: string;
  readonly title: Text;
  readonly text: Text;
  /** A form post button (sign-out) instead of the sign-in link. */
  readonly signOut?: boolean;
}

/** A short page about signing in or out: what happened and what to do now. */
export function MessagePage(props: MessagePageProps) {
  const { lang } = props;
  const title = t(lang, props.title);
  return (
    <Layout config={props.config} lang={lang} title={title} path={props.path} nonce={props.nonce}>
      <h1>{title}</h1>
      <p>{t(lang, props.text)}</p>
      {props.signOut ? (
        <SignOutButton lang={lang} primary />
      ) : (
        <p>
          <a href="/logga-in">{t(lang, { sv: 'Logga in', en: 'Sign in' })}</a>
        </p>
      )}
      <p>
        <a href="/">{t(lang, { sv: 'Till startsidan', en: 'To the home page' })}</a>
      </p>
    </Layout>
  );
}
