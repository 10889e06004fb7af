import { EncryptJWT, errors as joseErrors, jwtDecrypt } from 'jose';
import { ROLES, type Role, type Staff } from '../auth/auth.js';

/** The one staff session cookie of an area. */
export const SESSION_COOKIE = 'kit-session';

/** What the session cookie carries: only what the functions need. */
export interface SessionData {
  readonly sub: string;
  readonly name?: string;
  readonly roles: readonly Role[];
  readonly org?: string;
  /** The area the session was made for; a cookie of another area is refused. */
  readonly area: string;
  /** Sign-in time (seconds since the epoch): the absolute lifetime counts from here. */
  readonly auth: number;
  /** Last request (seconds): the idle expiry counts from here. */
  readonly seen: number;
  /** When the identity provider last confirmed roles and organisation (seconds). */
  readonly rolesAt: number;
  /** Cognito's refresh token, only ever inside this encrypted cookie; absent for local sessions. */
  readonly rt?: string;
}

/** How long a session lives. */
export interface SessionLimits {
  /** From sign-in, at most the refresh token's lifetime. @default 12 hours */
  readonly absoluteSeconds: number;
  /** Without any request. @default 2 hours */
  readonly idleSeconds: number;
  /** A request renews the cookie when it is older than this. @default 5 minutes */
  readonly slideAfterSeconds: number;
  /** Roles older than this are confirmed again with the refresh token before a page is shown. @default 1 hour */
  readonly rolesMaxAgeSeconds: number;
}

/** The kit's session limits. */
export const DEFAULT_SESSION_LIMITS: SessionLimits = {
  absoluteSeconds: 12 * 3600,
  idleSeconds: 2 * 3600,
  slideAfterSeconds: 5 * 60,
  rolesMaxAgeSeconds: 3600,
};

const AUDIENCE = 'county-kit:staff-session';
const issuerOf = (area: string) => `county-kit:${area}`;

/**
 * Encrypt and integrity-protect a session (JWE, `dir` + `A256GCM`, 256-bit key), expiring at the
 * end of its absolute lifetime.
 *
 * @example
 * const value = await sealSession(session, key);
 */
export async function sealSession(data: SessionData, key: Uint8Array, limits: SessionLimits = DEFAULT_SESSION_LIMITS): Promise<string> {
  return new EncryptJWT({ ...data })
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .setIssuer(issuerOf(data.area))
    .setAudience(AUDIENCE)
    .setIssuedAt(data.seen)
    .setExpirationTime(data.auth + limits.absoluteSeconds)
    .encrypt(key);
}

/** Why a cookie gave no session. */
export type SessionRefusal = 'invalid' | 'expired' | 'idle' | 'other-area';

/**
 * Open a session cookie: decrypt, check integrity, area, absolute and idle expiry. Never throws
 * for a bad cookie; says why it was refused instead.
 */
export async function openSession(
  value: string,
  key: Uint8Array,
  area: string,
  now: Date,
  limits: SessionLimits = DEFAULT_SESSION_LIMITS,
): Promise<{ session: SessionData } | { refused: SessionRefusal }> {
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtDecrypt(value, key, {
      audience: AUDIENCE,
      currentDate: now,
      keyManagementAlgorithms: ['dir'],
      contentEncryptionAlgorithms: ['A256GCM'],
    }));
  } catch (error) {
    return { refused: error instanceof joseErrors.JWTExpired ? 'expired' : 'invalid' };
  }
  if (payload.iss !== issuerOf(area) || payload.area !== area) return { refused: 'other-area' };
  const session = asSession(payload);
  if (!session) return { refused: 'invalid' };
  const at = now.getTime() / 1000;
  if (at - session.auth > limits.absoluteSeconds) return { refused: 'expired' };
  if (at - session.seen > limits.idleSeconds) return { refused: 'idle' };
  return { session };
}

function asSession(p: Record<string, unknown>): SessionData | undefined {
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  const roles = Array.isArray(p.roles) ? p.roles.filter((r): r is Role => (ROLES as readonly unknown[]).includes(r)) : undefined;
  const sub = str(p.sub);
  const area = str(p.area);
  const auth = num(p.auth);
  const seen = num(p.seen);
  const rolesAt = num(p.rolesAt);
  if (!sub || !area || !roles || auth === undefined || seen === undefined || rolesAt === undefined) return undefined;
  return { sub, name: str(p.name), roles, org: str(p.org), area, auth, seen, rolesAt, rt: str(p.rt) };
}

/** A new session for a verified staff member, signed in at `now`. */
export function newSession(staff: Staff, area: string, now: Date, refreshToken?: string): SessionData {
  const at = Math.floor(now.getTime() / 1000);
  return {
    sub: staff.sub,
    ...(staff.name ? { name: staff.name } : {}),
    roles: staff.roles,
    ...(staff.org ? { org: staff.org } : {}),
    area,
    auth: at,
    seen: at,
    rolesAt: at,
    ...(refreshToken ? { rt: refreshToken } : {}),
  };
}

/** The staff member a session stands for. */
export function sessionStaff(session: SessionData): Staff {
  return { sub: session.sub, roles: session.roles, org: session.org, name: session.name };
}
