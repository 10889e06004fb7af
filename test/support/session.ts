import type { Role } from '../../functions/core/auth/auth.js';
import type { AppDeps } from '../../functions/core/deps.js';
import { newSession, sealSession, SESSION_COOKIE, type SessionData } from '../../functions/core/session/cookie.js';
import { sessionKeyring } from '../../functions/core/session/key.js';

/** Who a test session is for. */
export interface TestSessionClaims {
  readonly roles: readonly Role[];
  readonly org?: string;
  readonly sub?: string;
  readonly name?: string;
  /** Overrides of the session's fields (times, area, refresh token). */
  readonly with?: Partial<SessionData>;
}

/**
 * A `Cookie` header with a real session cookie for `deps`' area, sealed with the area's key (made
 * in the store if missing), as after a sign-in at the deps' clock.
 *
 * @example
 * const cookie = await sessionCookie(kit.deps, { roles: ['moderator'] });
 */
export async function sessionCookie(deps: AppDeps, claims: TestSessionClaims): Promise<string> {
  const key = (await sessionKeyring(deps.store, deps.clock, { create: true }).current())!;
  const session = {
    ...newSession(
      {
        sub: claims.sub ?? `test-${claims.roles.join('-') || 'none'}`,
        roles: claims.roles,
        org: claims.org,
        name: claims.name ?? 'Test Person',
      },
      deps.config.id,
      deps.clock.now(),
    ),
    ...claims.with,
  };
  return `${SESSION_COOKIE}=${await sealSession(session, key)}`;
}
