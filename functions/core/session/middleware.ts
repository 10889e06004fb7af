import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Role } from '../auth/auth.js';
import type { AppDeps } from '../deps.js';
import { ProblemError } from '../http/problem.js';
import { assertSameOrigin } from '../http/same-origin.js';
import type { KitEnv } from '../http/staff.js';
import {
  DEFAULT_SESSION_LIMITS,
  openSession,
  sealSession,
  SESSION_COOKIE,
  sessionStaff,
  type SessionData,
  type SessionLimits,
} from './cookie.js';
import { sessionKeyring } from './key.js';

/** Options of the session middleware. */
export interface SessionOptions {
  /** @default DEFAULT_SESSION_LIMITS */
  readonly limits?: SessionLimits;
  /** Whether this function may create the session key (only the sign-in function does). @default false */
  readonly createKey?: boolean;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** `Secure` everywhere except plain http on the local machine (judged by the public origin when there is one). */
export function cookieSecure(c: Context, publicOrigin?: string): boolean {
  const url = new URL(publicOrigin ?? c.req.url);
  const proto = publicOrigin ? url.protocol.replace(':', '') : (c.req.header('x-forwarded-proto') ?? url.protocol.replace(':', ''));
  return !(proto === 'http' && LOCAL_HOSTS.has(url.hostname));
}

/** Write `session` as the session cookie (HttpOnly, SameSite=Lax, Path=/), living until its earlier expiry. */
export async function writeSession(c: Context, deps: AppDeps, session: SessionData, options: SessionOptions = {}): Promise<void> {
  const limits = options.limits ?? DEFAULT_SESSION_LIMITS;
  const key = await sessionKeyring(deps.store, deps.clock, { create: options.createKey }).current();
  if (!key) throw new Error('No session key to seal a session with');
  const maxAge = Math.max(0, Math.min(session.auth + limits.absoluteSeconds, session.seen + limits.idleSeconds) - session.seen);
  setCookie(c, SESSION_COOKIE, await sealSession(session, key, limits), {
    path: '/',
    httpOnly: true,
    secure: cookieSecure(c, deps.publicOrigin),
    sameSite: 'Lax',
    maxAge,
  });
}

/** End the session in this browser. */
export function clearSession(c: Context, publicOrigin?: string): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', httpOnly: true, secure: cookieSecure(c, publicOrigin), sameSite: 'Lax' });
}

/**
 * The session of a request, if its cookie opens and is current; a bad cookie (forged, expired,
 * idle, of another area) is cleared and gives none. A session older than a few minutes is renewed
 * (sliding expiry, never past the absolute lifetime).
 *
 * @example
 * const session = await readSession(c, deps);
 */
export async function readSession(c: Context, deps: AppDeps, options: SessionOptions = {}): Promise<SessionData | undefined> {
  const value = getCookie(c, SESSION_COOKIE);
  if (!value) return undefined;
  const limits = options.limits ?? DEFAULT_SESSION_LIMITS;
  const ring = sessionKeyring(deps.store, deps.clock, { create: options.createKey });
  const now = deps.clock.now();
  let key = await ring.current();
  let opened = key ? await openSession(value, key, deps.config.id, now, limits) : ({ refused: 'invalid' } as const);
  // the key may have been rotated since this instance read it
  if ('refused' in opened && opened.refused === 'invalid' && (await ring.reload())) {
    key = await ring.current();
    if (key) opened = await openSession(value, key, deps.config.id, now, limits);
  }
  if ('refused' in opened) {
    deps.log.info('session refused', { reason: opened.refused });
    clearSession(c, deps.publicOrigin);
    return undefined;
  }
  const at = Math.floor(now.getTime() / 1000);
  if (at - opened.session.seen < limits.slideAfterSeconds) return opened.session;
  const renewed = { ...opened.session, seen: at };
  await writeSession(c, deps, renewed, options);
  return renewed;
}

/** The sign-in address that returns to `path` afterwards. */
export function signInPath(path: string): string {
  return `/logga-in?${new URLSearchParams({ tillbaka: path })}`;
}

/**
 * Guard staff pages: `Cache-Control: private, no-store`; form posts must come from this site;
 * the staff member comes from the session cookie (never a bearer token) and needs one of `roles`
 * (none given: any signed-in person). Sets `c.var.staff` and `c.var.session`. Without a session a
 * GET is sent to sign in and back; a post answers 401. Roles the identity provider confirmed more
 * than an hour ago are confirmed again (via `/logga-in`) before a page is shown.
 *
 * @example
 * app.use('/personal/tyck-till/*', staffPage(deps, 'moderator', 'admin'));
 * app.get('/personal/tyck-till', (c) => c.html(<Queue staff={currentStaff(c)} />));
 */
export function staffPage(deps: AppDeps, ...roles: Role[]): MiddlewareHandler<KitEnv> {
  return staffPageWith(deps, {}, ...roles);
}

/** `staffPage` with session options (limits, key creation). */
export function staffPageWith(deps: AppDeps, options: SessionOptions, ...roles: Role[]): MiddlewareHandler<KitEnv> {
  const limits = options.limits ?? DEFAULT_SESSION_LIMITS;
  return async (c, next) => {
    c.header('Cache-Control', 'private, no-store');
    const reading = c.req.method === 'GET' || c.req.method === 'HEAD';
    if (!reading) assertSameOrigin(c, deps.publicOrigin);
    const session = await readSession(c, deps, options);
    const url = new URL(c.req.url);
    const here = `${url.pathname}${url.search}`;
    if (!session) {
      if (reading) return c.redirect(signInPath(here), 303);
      throw new ProblemError({
        status: 401,
        title: 'Du är inte inloggad',
        detail: 'Sign in again: your session has ended. Nothing was saved.',
      });
    }
    const rolesAge = deps.clock.now().getTime() / 1000 - session.rolesAt;
    if (session.rt && rolesAge > limits.rolesMaxAgeSeconds * (reading ? 1 : 2)) {
      if (reading) return c.redirect(signInPath(here), 303);
      throw new ProblemError({
        status: 401,
        title: 'Din inloggning behöver förnyas',
        detail: 'Your sign-in must be renewed. Open the page again; nothing was saved.',
      });
    }
    if (roles.length > 0 && !roles.some((r) => session.roles.includes(r)))
      throw new ProblemError({
        status: 403,
        title: 'Behörighet saknas',
        detail: `This page needs one of the roles: ${roles.join(', ')}.`,
      });
    c.set('session', session);
    c.set('staff', sessionStaff(session));
    await next();
    c.header('Cache-Control', 'private, no-store');
  };
}
