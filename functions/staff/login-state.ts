import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { EncryptJWT, jwtDecrypt } from 'jose';
import type { AppDeps } from '../core/deps.js';
import { cookieSecure } from '../core/session/middleware.js';
import { sessionKeyring } from '../core/session/key.js';
import type { SignInChecks } from './oidc.js';

const COOKIE = 'kit-sign-in';
const PATH = '/auth/callback';
const AUDIENCE = 'county-kit:sign-in';
/** How long a person may take at the provider's sign-in page. */
const TTL_SECONDS = 10 * 60;

/** The checks of one sign-in and where to go afterwards. */
export interface LoginState extends SignInChecks {
  readonly back: string;
}

/** Keep `state` in a short-lived encrypted cookie sent only to the callback (SameSite=Lax: the return is a top-level GET). */
export async function keepLoginState(c: Context, deps: AppDeps, state: LoginState): Promise<void> {
  const key = await sessionKeyring(deps.store, deps.clock, { create: true }).current();
  if (!key) throw new Error('No session key');
  const now = Math.floor(deps.clock.now().getTime() / 1000);
  const value = await new EncryptJWT({ ...state, area: deps.config.id })
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .setAudience(AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + TTL_SECONDS)
    .encrypt(key);
  setCookie(c, COOKIE, value, {
    path: PATH,
    httpOnly: true,
    secure: cookieSecure(c, deps.publicOrigin),
    sameSite: 'Lax',
    maxAge: TTL_SECONDS,
  });
}

/** Take the sign-in's state (it is good for one callback only); `undefined` if missing, expired or forged. */
export async function takeLoginState(c: Context, deps: AppDeps): Promise<LoginState | undefined> {
  const value = getCookie(c, COOKIE);
  if (!value) return undefined;
  deleteCookie(c, COOKIE, { path: PATH, httpOnly: true, secure: cookieSecure(c, deps.publicOrigin), sameSite: 'Lax' });
  const key = await sessionKeyring(deps.store, deps.clock, { create: true }).current();
  if (!key) return undefined;
  try {
    const { payload } = await jwtDecrypt(value, key, {
      audience: AUDIENCE,
      currentDate: deps.clock.now(),
      keyManagementAlgorithms: ['dir'],
      contentEncryptionAlgorithms: ['A256GCM'],
    });
    const { state, nonce, verifier, back, area } = payload;
    if (area !== deps.config.id) return undefined;
    if (typeof state !== 'string' || typeof nonce !== 'string' || typeof verifier !== 'string' || typeof back !== 'string')
      return undefined;
    return { state, nonce, verifier, back };
  } catch {
    return undefined;
  }
}
