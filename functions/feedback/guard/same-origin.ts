import type { Context } from 'hono';
import { ProblemError } from '../../core/http/problem.js';

/**
 * CSRF protection of the form post: a browser's `Origin` (or, without it, `Referer`) must be the
 * public origin (or the request's own when none is configured). Clients that send neither are
 * not browsers acting for someone else; the signed time token still applies to them.
 */
export function assertSameOrigin(c: Context, publicOrigin: string | undefined): void {
  const expected = publicOrigin ? new URL(publicOrigin).origin : new URL(c.req.url).origin;
  const origin = c.req.header('origin');
  const referer = c.req.header('referer');
  let from: string | undefined;
  try {
    from =
      origin && origin !== 'null' ? new URL(origin).origin : origin === 'null' ? 'null' : referer ? new URL(referer).origin : undefined;
  } catch {
    from = 'invalid';
  }
  if (from !== undefined && from !== expected) {
    throw new ProblemError({
      status: 403,
      title: 'Formuläret skickades från en annan webbplats',
      detail: 'The form must be posted from this site (Origin/Referer check).',
      errors: [{ field: 'Origin', message: 'Cross-site post', sv: 'Skickat från en annan webbplats' }],
    });
  }
}

/** 415 unless the body is a URL-encoded form. */
export function assertFormBody(c: Context): void {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/x-www-form-urlencoded\b/i.test(type)) {
    throw new ProblemError({
      status: 415,
      title: 'Fel innehållstyp',
      detail: 'Send the form as application/x-www-form-urlencoded.',
      errors: [{ field: 'Content-Type', message: 'Expected application/x-www-form-urlencoded' }],
    });
  }
}
