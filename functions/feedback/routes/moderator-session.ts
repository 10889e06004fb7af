import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Auth, Staff } from '../../core/auth/auth.js';
import { readFormFields } from '../../core/http/body.js';
import type { KitEnv } from '../../core/http/staff.js';
import type { FeedbackContext } from '../context.js';
import { assertFormBody, assertSameOrigin } from '../../core/http/same-origin.js';

/** The moderators' pages. */
export const MODERATION_PATH = '/tyck-till/moderering';
const PATH = MODERATION_PATH;
const COOKIE = 'tyck-till-moderator';

const isModerator = (staff: Staff | undefined): staff is Staff =>
  Boolean(staff && (staff.roles.includes('moderator') || staff.roles.includes('admin')));

async function verified(auth: Auth, token: string | undefined): Promise<Staff | undefined> {
  if (!token) return undefined;
  try {
    const staff = await auth.verify(token);
    return isModerator(staff) ? staff : undefined;
  } catch {
    return undefined;
  }
}

/** The moderator signed in on this request (token from the session cookie, verified as a bearer token is). */
export function sessionModerator(auth: Auth, c: Context<KitEnv>): Promise<Staff | undefined> {
  return verified(auth, getCookie(c, COOKIE));
}

/**
 * Sign in by pasting the staff token once: it is kept in an HttpOnly, SameSite=Strict cookie
 * limited to the moderators' pages (Secure over TLS, 8 hours), and sign out again.
 */
export function moderatorSessionRoutes(ctx: FeedbackContext): Hono<KitEnv> {
  const { deps } = ctx;
  const app = new Hono<KitEnv>();
  app.post(`${PATH}/logga-in`, async (c) => {
    assertFormBody(c);
    assertSameOrigin(c, deps.publicOrigin);
    // a token with bytes that are not UTF-8 is no token: it fails verification like any other
    const { params, invalid } = await readFormFields(c, 8192);
    const token = invalid.includes('token') ? '' : (params.get('token')?.trim() ?? '');
    let staff: Staff | undefined;
    try {
      staff = await deps.auth.verify(token);
    } catch {
      staff = undefined;
    }
    if (!staff || !(staff.roles.includes('moderator') || staff.roles.includes('admin')))
      return c.redirect(`${PATH}?meddelande=denied`, 303);
    const secure = (c.req.header('x-forwarded-proto') ?? new URL(c.req.url).protocol.replace(':', '')) === 'https';
    setCookie(c, COOKIE, token, { path: PATH, httpOnly: true, sameSite: 'Strict', secure, maxAge: 8 * 3600 });
    deps.log.info('moderator signed in', { by: staff.sub });
    return c.redirect(PATH, 303);
  });

  app.post(`${PATH}/logga-ut`, (c) => {
    assertSameOrigin(c, deps.publicOrigin);
    deleteCookie(c, COOKIE, { path: PATH });
    return c.redirect(PATH, 303);
  });

  return app;
}
