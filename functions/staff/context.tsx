import type { Context } from 'hono';
import type { AppDeps } from '../core/deps.js';
import type { KitEnv } from '../core/http/staff.js';
import { resolveLang, type Text } from '../core/i18n.js';
import type { SessionLimits } from '../core/session/cookie.js';
import { MessagePage } from './pages/message-page.js';
import type { OidcClient } from './oidc.js';

/** Options of the staff app. */
export interface StaffOptions {
  /** The identity provider; without it (locally) the sign-in page comes from the local server. */
  readonly oidc?: OidcClient;
  /** @default DEFAULT_SESSION_LIMITS */
  readonly limits?: SessionLimits;
}

/** What the staff app's route modules receive. */
export interface StaffContext {
  readonly deps: AppDeps;
  readonly oidc?: OidcClient;
  readonly limits?: SessionLimits;
  /** The origin people see (for the callback and logout addresses). */
  origin(c: Context): string;
  /** A page (or problem+json for non-browsers) saying what went wrong with signing in or out. */
  message(c: Context<KitEnv>, status: 400 | 401 | 403 | 503, title: Text, text: Text): Response | Promise<Response>;
}

/** Build the staff app's context. */
export function staffContext(deps: AppDeps, options: StaffOptions): StaffContext {
  return {
    deps,
    oidc: options.oidc,
    limits: options.limits,
    origin: (c) => (deps.publicOrigin ? new URL(deps.publicOrigin).origin : new URL(c.req.url).origin),
    message(c, status, title, text) {
      c.header('Cache-Control', 'private, no-store');
      if (!(c.req.header('accept') ?? '').includes('text/html'))
        return c.body(
          JSON.stringify({ type: 'about:blank', title: title.sv, status, detail: text.en, instance: new URL(c.req.url).pathname }),
          status,
          { 'Content-Type': 'application/problem+json; charset=utf-8' },
        );
      const path = new URL(c.req.url).pathname;
      return c.html(
        <MessagePage
          config={deps.config}
          lang={resolveLang(c)}
          nonce={c.get('secureHeadersNonce')}
          path={path}
          title={title}
          text={text}
        />,
        status,
      );
    },
  };
}
