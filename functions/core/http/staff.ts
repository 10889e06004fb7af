import type { Context, MiddlewareHandler } from 'hono';
import { AuthError, canEditOrg, type Auth, type Role, type Staff } from '../auth/auth.js';
import type { SessionData } from '../session/cookie.js';
import { ProblemError } from './problem.js';

/** Hono variables set by the kit's middleware. */
export interface KitVariables {
  /** The staff member: from a bearer token on the API, from the session cookie on staff pages. */
  staff?: Staff;
  /** The staff session, on pages guarded by `staffPage`. */
  session?: SessionData;
  secureHeadersNonce?: string;
}

/** The Hono environment of every service app. */
export interface KitEnv {
  Variables: KitVariables;
}

/** The bearer token of a request, if any. */
export function bearerToken(c: Context): string | undefined {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)$/i.exec(header.trim());
  return match?.[1];
}

const unauthorized = (detail: string) =>
  new ProblemError({
    status: 401,
    title: 'Inloggning krävs',
    detail,
    headers: { 'WWW-Authenticate': 'Bearer' },
  });

/**
 * Require a verified staff token with one of `roles`; sets `c.var.staff`. Answers 401 for a
 * missing, expired or forged token and 403 for a token without the role.
 *
 * @example
 * app.post('/api/directory/services', requireStaff(auth, 'admin', 'editor'), handler);
 */
export function requireStaff(auth: Auth, ...roles: Role[]): MiddlewareHandler<KitEnv> {
  return async (c, next) => {
    const token = bearerToken(c);
    if (!token) throw unauthorized('A staff token is required (Authorization: Bearer …).');
    let staff: Staff;
    try {
      staff = await auth.verify(token);
    } catch (error) {
      if (error instanceof AuthError)
        throw unauthorized(error.reason === 'expired' ? 'The token has expired.' : 'The token could not be verified.');
      throw error;
    }
    if (roles.length > 0 && !roles.some((r) => staff.roles.includes(r))) {
      throw new ProblemError({ status: 403, title: 'Behörighet saknas', detail: `This needs one of the roles: ${roles.join(', ')}.` });
    }
    c.set('staff', staff);
    await next();
  };
}

/**
 * The staff member that `requireStaff` or `staffPage` verified for this request. A route that
 * forgot its guard fails closed with 401 instead of acting for nobody.
 *
 * @example
 * app.post('/', requireStaff(auth, 'editor'), (c) => save(currentStaff(c), …));
 */
export function currentStaff(c: Context<KitEnv>): Staff {
  const staff = c.get('staff');
  if (!staff) throw unauthorized('A staff token or session is required.');
  return staff;
}

/** Resolve the staff member of a request if it carries a valid token; never throws for a bad one. */
export async function optionalStaff(auth: Auth, c: Context): Promise<Staff | undefined> {
  const token = bearerToken(c);
  if (!token) return undefined;
  try {
    return await auth.verify(token);
  } catch {
    return undefined;
  }
}

/** 403 unless `staff` may change data of organisation `org`. */
export function assertCanEditOrg(staff: Staff, org: string): void {
  if (!canEditOrg(staff, org)) {
    throw new ProblemError({
      status: 403,
      title: 'Behörighet saknas för organisationen',
      detail: `Your token does not allow changes for organisation ${org}.`,
      errors: [{ field: 'organization', message: `Not your organisation: ${org}` }],
    });
  }
}
