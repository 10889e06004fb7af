import type { Context, Hono } from 'hono';
import type { LocalIssuer } from './core/auth/local-issuer.js';
import { ROLES, type Role } from './core/auth/auth.js';
import type { CountyConfig } from './core/config/schema.js';
import type { AppDeps } from './core/deps.js';
import { assertFormBody, assertSameOrigin } from './core/http/same-origin.js';
import { createBaseApp } from './core/http/base-app.js';
import type { KitEnv } from './core/http/staff.js';
import { resolveLang, t, type Lang, type Text } from './core/i18n.js';
import { Layout } from './core/page/layout.js';
import { organisations as allOrganisations, type Organisation } from './core/organisations.js';
import { newSession } from './core/session/cookie.js';
import { writeSession } from './core/session/middleware.js';
import { safeReturnPath } from './core/session/return-path.js';
import { ROLE_TEXT } from './core/session/staff-bar.js';
import { singleLine } from './core/text/index.js';

const PATH = '/logga-in';
const NAME = singleLine(80);

interface FieldProblem {
  readonly field: 'name' | 'role' | 'org';
  readonly text: Text;
}

/** The organisations a local staff member may belong to: the region's units and the municipalities. */
function organisations(config: CountyConfig): readonly Organisation[] {
  return allOrganisations(config).filter((o) => o.id !== 'region');
}

function LocalSignInPage(props: {
  config: CountyConfig;
  lang: Lang;
  nonce?: string;
  back: string;
  values: Record<string, string>;
  problems: readonly FieldProblem[];
}) {
  const { lang, config, problems } = props;
  const title = t(lang, { sv: 'Logga in på den lokala servern', en: 'Sign in to the local server' });
  const error = (field: string) => problems.find((p) => p.field === field);
  const describedBy = (field: string) => [`${field}-hint`, error(field) ? `${field}-error` : ''].filter(Boolean).join(' ');
  const ErrorText = (p: { field: string }) =>
    error(p.field) ? (
      <p class="error-message" id={`${p.field}-error`}>
        <span class="visually-hidden">{t(lang, { sv: 'Fel:', en: 'Error:' })}</span> {t(lang, error(p.field)!.text)}
      </p>
    ) : null;
  return (
    <Layout
      config={config}
      lang={lang}
      title={problems.length ? `${t(lang, { sv: 'Fel', en: 'Error' })}: ${title}` : title}
      path={PATH}
      nonce={props.nonce}
    >
      <h1>{title}</h1>
      {problems.length ? (
        <div class="error-summary" role="alert" aria-labelledby="error-summary-title">
          <h2 id="error-summary-title">{t(lang, { sv: 'Det finns ett problem', en: 'There is a problem' })}</h2>
          <ul>
            {problems.map((p) => (
              <li>
                <a href={`#${p.field}`}>{t(lang, p.text)}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p class="notice">
        {t(lang, {
          sv: 'Den här sidan finns bara när tjänsterna körs på en egen dator (npm start). Välj vem du vill vara; på AWS loggar personal in med områdets konto.',
          en: "This page exists only when the services run on your own computer (npm start). Choose who you want to be; on AWS staff sign in with the area's account.",
        })}
      </p>
      <form method="post" action={`${PATH}?${new URLSearchParams({ tillbaka: props.back })}`}>
        <div class={error('name') ? 'field-error' : undefined}>
          <label for="name">{t(lang, { sv: 'Ditt namn', en: 'Your name' })}</label>
          <p class="hint" id="name-hint">
            {t(lang, { sv: 'Visas på sidorna för personal.', en: 'Shown on the staff pages.' })}
          </p>
          <ErrorText field="name" />
          <input
            type="text"
            id="name"
            name="name"
            value={props.values.name ?? ''}
            autocomplete="name"
            aria-describedby={describedBy('name')}
          />
        </div>
        <div class={error('role') ? 'field-error' : undefined}>
          <label for="role">{t(lang, { sv: 'Roll', en: 'Role' })}</label>
          <p class="hint" id="role-hint">
            {t(lang, { sv: 'Vad du får göra.', en: 'What you may do.' })}
          </p>
          <ErrorText field="role" />
          <select id="role" name="role" aria-describedby={describedBy('role')}>
            {ROLES.map((r) => (
              <option value={r} selected={props.values.role === r}>
                {t(lang, ROLE_TEXT[r]!.name)}
              </option>
            ))}
          </select>
        </div>
        <div class={error('org') ? 'field-error' : undefined}>
          <label for="org">{t(lang, { sv: 'Organisation', en: 'Organisation' })}</label>
          <p class="hint" id="org-hint">
            {t(lang, {
              sv: 'En redaktör ändrar bara sin egen organisations uppgifter.',
              en: "An editor changes only their own organisation's data.",
            })}
          </p>
          <ErrorText field="org" />
          <select id="org" name="org" aria-describedby={describedBy('org')}>
            <option value="">{t(lang, { sv: 'Hela området (ingen organisation)', en: 'The whole area (no organisation)' })}</option>
            {organisations(config).map((o) => (
              <option value={o.id} selected={props.values.org === o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <p>
          <button type="submit">{t(lang, { sv: 'Logga in', en: 'Sign in' })}</button>
        </p>
      </form>
    </Layout>
  );
}

/**
 * The local sign-in page of `npm start` (never part of a Lambda bundle): choose a name, a role and
 * an organisation of the area, get a token from the local issuer, verified by the same `Auth` as
 * every token, and the same session cookie as after a sign-in on AWS. A whole app (security
 * headers, problem pages) that the local server asks first for `/logga-in`.
 *
 * @example
 * const signIn = localSignInApp(deps, issuer);
 */
export function localSignInApp(deps: AppDeps, issuer: LocalIssuer): Hono<KitEnv> {
  const app = createBaseApp(deps, 'staff');
  const page = (c: Context<KitEnv>, values: Record<string, string>, problems: FieldProblem[]) => {
    c.header('Cache-Control', 'private, no-store');
    return c.html(
      <LocalSignInPage
        config={deps.config}
        lang={resolveLang(c)}
        nonce={c.get('secureHeadersNonce')}
        back={safeReturnPath(c.req.query('tillbaka'))}
        values={values}
        problems={problems}
      />,
      problems.length ? 400 : 200,
    );
  };
  app.get(PATH, (c) => page(c, {}, []));
  app.post(PATH, async (c) => {
    assertFormBody(c);
    assertSameOrigin(c, deps.publicOrigin);
    const body = await c.req.parseBody();
    const values = Object.fromEntries(['name', 'role', 'org'].map((k) => [k, typeof body[k] === 'string' ? body[k] : '']));
    const problems: FieldProblem[] = [];
    const name = NAME.safeParse(values.name);
    if (!name.success)
      problems.push({ field: 'name', text: { sv: 'Skriv ditt namn (högst 80 tecken).', en: 'Enter your name (at most 80 characters).' } });
    const role = (ROLES as readonly string[]).includes(values.role ?? '') ? (values.role as Role) : undefined;
    if (!role) problems.push({ field: 'role', text: { sv: 'Välj en roll.', en: 'Choose a role.' } });
    const org = values.org || undefined;
    if (org && !organisations(deps.config).some((o) => o.id === org))
      problems.push({ field: 'org', text: { sv: 'Välj en organisation i området.', en: 'Choose an organisation of the area.' } });
    if (role === 'editor' && !org)
      problems.push({ field: 'org', text: { sv: 'En redaktör behöver en organisation.', en: 'An editor needs an organisation.' } });
    if (problems.length || !name.success || !role) return page(c, values, problems);
    const token = await issuer.sign({
      roles: [role],
      org,
      name: name.data,
      sub: `local-${role}-${org ?? 'area'}-${Buffer.from(name.data).toString('base64url').slice(0, 24)}`,
    });
    const staff = await deps.auth.verify(token);
    await writeSession(c, deps, newSession(staff, deps.config.id, deps.clock.now()), { createKey: true });
    c.header('Cache-Control', 'private, no-store');
    return c.redirect(safeReturnPath(c.req.query('tillbaka')), 303);
  });
  return app;
}
