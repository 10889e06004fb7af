import { errors as joseErrors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';

/** Staff roles: `admin` (whole area), `editor` (its own organisation), `moderator` (feedback). */
export const ROLES = ['admin', 'editor', 'moderator'] as const;
/** One staff role. */
export type Role = (typeof ROLES)[number];

/** A verified staff member, as the services see them. */
export interface Staff {
  /** Stable subject id from the identity provider (never a personal identity number). */
  readonly sub: string;
  readonly roles: readonly Role[];
  /** The organisation an editor may change: a municipality code or a region unit id. */
  readonly org?: string;
  readonly name?: string;
}

/** Verifies staff tokens. One implementation serves AWS (Cognito) and the laptop (local issuer). */
export interface Auth {
  /** Resolve a bearer token to a staff member; throws `AuthError` when it cannot be trusted. */
  verify(token: string): Promise<Staff>;
}

/** The token is missing, expired, forged or lacks what is needed. */
export class AuthError extends Error {
  constructor(
    readonly reason: 'missing' | 'invalid' | 'expired',
    message: string,
  ) {
    super(message);
    this.name = 'AuthError';
  }
}

/** Options for `createJwtAuth`. */
export interface JwtAuthOptions {
  /** The token issuer (Cognito: `https://cognito-idp.<region>.amazonaws.com/<poolId>`). */
  readonly issuer: string;
  /** The app client id the token must be for (`aud` of an ID token, `client_id` of an access token). */
  readonly audience: string;
  /** Where the signing keys come from: `createRemoteJWKSet` on AWS, `createLocalJWKSet` locally. */
  readonly keys: JWTVerifyGetKey;
  /** The clock used for `exp` / `nbf` checks (default: system time). */
  readonly now?: () => Date;
}

/** Claims the kit reads; Cognito's names, which the local issuer uses too. */
export interface StaffClaims extends JWTPayload {
  'cognito:groups'?: string[];
  'custom:org'?: string;
  token_use?: 'id' | 'access';
  client_id?: string;
  name?: string;
}

/**
 * Verify staff JWTs against a key set: signature (asymmetric algorithms only), issuer, audience,
 * expiry, then map Cognito groups to roles and `custom:org` to the organisation.
 *
 * @example
 * const auth = createJwtAuth({ issuer, audience: clientId, keys: createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks.json`)) });
 * const staff = await auth.verify(token);
 */
export function createJwtAuth(options: JwtAuthOptions): Auth {
  return {
    async verify(token) {
      if (!token) throw new AuthError('missing', 'No token');
      let payload: StaffClaims;
      try {
        ({ payload } = await jwtVerify<StaffClaims>(token, options.keys, {
          issuer: options.issuer,
          algorithms: ['RS256', 'ES256'],
          currentDate: options.now?.(),
          clockTolerance: 30,
        }));
      } catch (error) {
        if (error instanceof joseErrors.JWTExpired) throw new AuthError('expired', 'Token expired');
        throw new AuthError('invalid', 'Token could not be verified');
      }
      const audience = payload.token_use === 'access' ? payload.client_id : payload.aud;
      const audiences = Array.isArray(audience) ? audience : [audience];
      if (!audiences.includes(options.audience)) throw new AuthError('invalid', 'Token is for another client');
      if (payload.token_use !== undefined && payload.token_use !== 'id' && payload.token_use !== 'access') {
        throw new AuthError('invalid', 'Unexpected token use');
      }
      const roles = (payload['cognito:groups'] ?? []).filter((g): g is Role => (ROLES as readonly string[]).includes(g));
      if (!payload.sub) throw new AuthError('invalid', 'Token has no subject');
      return { sub: payload.sub, roles, org: payload['custom:org'] || undefined, name: payload.name };
    },
  };
}

/** Whether `staff` may change data that belongs to `org` (admins: any; editors: their own). */
export function canEditOrg(staff: Staff, org: string): boolean {
  return staff.roles.includes('admin') || (staff.roles.includes('editor') && staff.org === org);
}
