import type { Context } from 'hono';

/**
 * The origin users see: the configured public origin when set (always on AWS), else the request's
 * own (locally, so `http://127.0.0.1:3000` links stay on 127.0.0.1 and keep the port).
 *
 * @example
 * `${publicOriginOf(c, deps.publicOrigin)}/api/directory/openapi.json`
 */
export function publicOriginOf(c: Context, configured: string | undefined): string {
  return (configured ?? new URL(c.req.url).origin).replace(/\/$/, '');
}
