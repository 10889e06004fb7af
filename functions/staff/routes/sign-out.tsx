import { Hono } from 'hono';
import { assertSameOrigin } from '../../core/http/same-origin.js';
import type { KitEnv } from '../../core/http/staff.js';
import { resolveLang } from '../../core/i18n.js';
import { clearSession, readSession } from '../../core/session/middleware.js';
import type { StaffContext } from '../context.js';
import { MessagePage } from '../pages/message-page.js';

/**
 * `GET /logga-ut` shows a sign-out button; `POST /logga-ut` (same-origin only) ends the session
 * here, revokes the refresh token, and on AWS continues to Cognito's logout, which returns to `/`.
 */
export function signOutRoutes(ctx: StaffContext): Hono<KitEnv> {
  const { deps, oidc } = ctx;
  const app = new Hono<KitEnv>();
  app.get('/logga-ut', (c) => {
    c.header('Cache-Control', 'private, no-store');
    return c.html(
      <MessagePage
        config={deps.config}
        lang={resolveLang(c)}
        nonce={c.get('secureHeadersNonce')}
        path="/logga-ut"
        title={{ sv: 'Logga ut', en: 'Sign out' }}
        text={{ sv: 'Vill du logga ut från För personal?', en: 'Do you want to sign out of the staff workspace?' }}
        signOut
      />,
    );
  });
  app.post('/logga-ut', async (c) => {
    assertSameOrigin(c, deps.publicOrigin);
    c.header('Cache-Control', 'private, no-store');
    const session = await readSession(c, deps, { createKey: true, limits: ctx.limits });
    clearSession(c, deps.publicOrigin);
    if (session) deps.log.info('staff signed out', { by: session.sub });
    if (!oidc) return c.redirect('/', 303);
    if (session?.rt)
      await oidc.revoke(session.rt).catch((error: unknown) => {
        deps.log.warn('refresh token not revoked', { error: error instanceof Error ? error.name : 'unknown' });
      });
    return c.redirect(oidc.logoutUrl(`${ctx.origin(c)}/`).href, 303);
  });
  return app;
}
