import type { Context } from 'hono';
import { ProblemError } from './problem.js';

/** Options for `assertSameOrigin`. */
export interface SameOriginOptions {
  /**
   * Accept a post that carries neither `Origin` nor `Referer` (default false). Such a client is
   * not a browser acting for someone else; use it only where another check (a signed form token)
   * still applies.
   */
  readonly allowNoHeaders?: boolean;
}

/**
 * CSRF protection of form posts: a browser's `Origin` (or, without it, `Referer`) must be the public
 * origin, or the request's own when none is configured. Throws 403 problem+json otherwise.
 *
 * @example
 * app.post('/utbildningar/:id/anmalan', (c) => { assertSameOrigin(c, deps.publicOrigin); … });
 */
export function assertSameOrigin(c: Context, publicOrigin: string | undefined, options: SameOriginOptions = {}): void {
  const expected = publicOrigin ? new URL(publicOrigin).origin : new URL(c.req.url).origin;
  const origin = c.req.header('origin');
  const referer = c.req.header('referer');
  let from: string | undefined;
  try {
    from = origin ? (origin === 'null' ? 'null' : new URL(origin).origin) : referer ? new URL(referer).origin : undefined;
  } catch {
    from = 'invalid';
  }
  if (from === undefined && options.allowNoHeaders) return;
  if (from !== expected)
    throw new ProblemError({
      status: 403,
      title: 'Formuläret skickades från en annan webbplats',
      detail: 'The form must be posted from this site (Origin or Referer must match).',
      errors: [{ field: 'Origin', message: 'Cross-site or unidentified post', sv: 'Skickat från en annan webbplats' }],
    });
}

/** 415 unless the body is a URL-encoded form. */
export function assertFormBody(c: Context): void {
  if (!/^application\/x-www-form-urlencoded\b/i.test(c.req.header('content-type') ?? ''))
    throw new ProblemError({
      status: 415,
      title: 'Fel innehållstyp',
      detail: 'Send the form as application/x-www-form-urlencoded.',
      errors: [{ field: 'Content-Type', message: 'Expected application/x-www-form-urlencoded' }],
    });
}
