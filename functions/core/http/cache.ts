import { createHash } from 'node:crypto';
import type { Context } from 'hono';

/** Options for `cachedResponse`. */
export interface CacheOptions {
  /** Seconds a shared cache may keep the answer (default 60). */
  readonly maxAge?: number;
  readonly contentType?: string;
  /** An ETag to use instead of hashing the body (e.g. derived from the stored object's). */
  readonly etag?: string;
  /** `private` for answers that depend on who asks (default `public`). */
  readonly scope?: 'public' | 'private';
}

/** A weak-free ETag of a body (quoted SHA-256 prefix). */
export function bodyEtag(body: string | Uint8Array): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/**
 * Answer a public GET with `ETag` and `Cache-Control`, or 304 when `If-None-Match` matches.
 *
 * @example
 * return cachedResponse(c, JSON.stringify(page), { contentType: 'application/json' });
 */
export function cachedResponse(c: Context, body: string | Uint8Array, options: CacheOptions = {}): Response {
  const etag = options.etag ?? bodyEtag(body);
  const headers: Record<string, string> = {
    ETag: etag,
    'Cache-Control': `${options.scope ?? 'public'}, max-age=${options.maxAge ?? 60}`,
    Vary: 'Accept-Language, Cookie, Authorization',
  };
  if (matches(c.req.header('if-none-match'), etag)) return c.body(null, 304, headers);
  headers['Content-Type'] = options.contentType ?? 'application/json; charset=utf-8';
  return c.body(typeof body === 'string' ? body : new Uint8Array(body), 200, headers);
}
