import { Hono } from 'hono';
import { AuthError } from '../../core/auth/auth.js';
import type { KitEnv } from '../../core/http/staff.js';
import { newSession } from '../../core/session/cookie.js';
import { readSession, writeSession } from '../../core/session/middleware.js';
import { safeReturnPath } from '../../core/session/return-path.js';
import type { StaffContext } from '../context.js';
import { keepLoginState, takeLoginState } from '../login-state.js';

const TRY_AGAIN = { sv: 'Inloggningen kunde inte slutföras', en: 'Signing in could not be completed' };

/**
 * `GET /logga-in` starts the OIDC flow (or renews roles with the refresh token of a current
 * session), `GET /auth/callback` finishes it: state, nonce and PKCE from the one-use encrypted
 * cookie, the ID token verified by the same `Auth` as every bearer token of the API.
 */
export function signInRoutes(ctx: StaffContext): Hono<KitEnv> {
  const { deps, oidc } = ctx;
  const app = new Hono<KitEnv>();
  if (!oidc) return app;
  const sessionOptions = { createKey: true, limits: ctx.limits };

  app.get('/logga-in', async (c) => {
    c.header('Cache-Control', 'private, no-store');
    const back = safeReturnPath(c.req.query('tillbaka'));
    const session = await readSession(c, deps, sessionOptions);
    if (session?.rt) {
      try {
        const tokens = await oidc.refresh(session.rt);
        const staff = await deps.auth.verify(tokens.idToken);
        if (staff.sub !== session.sub) throw new AuthError('invalid', 'Refreshed token is for someone else');
        const now = deps.clock.now();
        const renewed = { ...newSession(staff, deps.config.id, now, tokens.refreshToken), auth: session.auth };
        await writeSession(c, deps, renewed, sessionOptions);
        return c.redirect(back, 303);
      } catch (error) {
        deps.log.info('session refresh failed', { error: error instanceof Error ? error.name : 'unknown' });
      }
    } else if (session) {
      return c.redirect(back, 303);
    }
    let start;
    try {
      start = await oidc.start(`${ctx.origin(c)}/auth/callback`);
    } catch (error) {
      deps.log.error('identity provider unreachable', { error: error instanceof Error ? error.name : 'unknown' });
      return ctx.message(
        c,
        503,
        { sv: 'Inloggningen är inte tillgänglig just nu', en: 'Signing in is not available right now' },
        {
          sv: 'Försök igen om en stund.',
          en: 'Please try again in a moment.',
        },
      );
    }
    await keepLoginState(c, deps, { ...start.checks, back });
    return c.redirect(start.url.href, 302);
  });

  app.get('/auth/callback', async (c) => {
    c.header('Cache-Control', 'private, no-store');
    const state = await takeLoginState(c, deps);
    if (!state)
      return ctx.message(c, 400, TRY_AGAIN, {
        sv: 'Inloggningen hade gått ut eller redan använts. Börja om och logga in igen.',
        en: 'The sign-in had expired or was already used. Start again and sign in.',
      });
    const url = new URL(c.req.url);
    const callback = new URL(`/auth/callback${url.search}`, ctx.origin(c));
    let tokens;
    try {
      tokens = await oidc.finish(callback, state);
    } catch (error) {
      deps.log.info('sign-in callback refused', { error: error instanceof Error ? error.name : 'unknown' });
      return ctx.message(c, 400, TRY_AGAIN, {
        sv: 'Svaret från inloggningstjänsten gick inte att godkänna. Börja om och logga in igen.',
        en: 'The answer from the sign-in service could not be accepted. Start again and sign in.',
      });
    }
    let staff;
    try {
      staff = await deps.auth.verify(tokens.idToken);
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      return ctx.message(c, 401, TRY_AGAIN, {
        sv: 'Inloggningsbeviset gick inte att lita på. Börja om och logga in igen.',
        en: 'The sign-in token could not be trusted. Start again and sign in.',
      });
    }
    await writeSession(c, deps, newSession(staff, deps.config.id, deps.clock.now(), tokens.refreshToken), sessionOptions);
    deps.log.info('staff signed in', { by: staff.sub });
    return c.redirect(safeReturnPath(state.back), 303);
  });
  return app;
}
