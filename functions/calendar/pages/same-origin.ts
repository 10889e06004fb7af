import type { Context } from 'hono';
import { ProblemError } from '../../core/http/problem.js';

/**
 * CSRF protection of form posts: a browser's `Origin` (or, without it, `Referer`) must be the public
 * origin, or the request's own when none is configured.
 */
export function assertSameOrigin(c: Context, publicOrigin: string | undefined): void {
  const expected = publicOrigin ? new URL(publicOrigin).origin : new URL(c.req.url).origin;
  const origin = c.req.header('origin');
  const referer = c.req.header('referer');
  let from: string | undefined;
  try {
    from = origin ? (origin === 'null' ? 'null' : new URL(origin).origin) : referer ? new URL(referer).origin : undefined;
  } catch {
    from = 'invalid';
  }
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
