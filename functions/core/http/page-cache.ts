import type { MiddlewareHandler } from 'hono';

/** Add each of `values` to a `Vary` header value once (case-insensitive); `*` stays `*`. */
export function mergeVary(current: string | null | undefined, ...values: string[]): string {
  const list = (current ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  if (list.includes('*')) return '*';
  for (const value of values) if (!list.some((v) => v.toLowerCase() === value.toLowerCase())) list.push(value);
  return list.join(', ');
}

/**
 * Caching of pages whose content follows a cookie. Every page reads the `lang` cookie (and staff
 * pages the session cookie), so every HTML response:
 *
 * - varies on `Cookie`: a browser that switched language sends a different cookie and so never
 *   reuses the page it kept in the other language;
 * - is `private` where the route said `public`: no shared cache may hand one person's language
 *   (or anything else a cookie selects) to another;
 * - is `private, no-store` when it sets a cookie (the `?lang=` switch), so a kept copy can never
 *   show a language without also setting it.
 *
 * The page language never comes from `Accept-Language`, so that header is not part of the key.
 *
 * @example
 * app.use(cookiePageCaching());
 */
export function cookiePageCaching(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const headers = c.res.headers;
    if (!/^text\/html\b/i.test(headers.get('content-type') ?? '')) return;
    headers.set('Vary', mergeVary(headers.get('vary'), 'Cookie'));
    const cacheControl = headers.get('cache-control');
    if (headers.has('set-cookie')) headers.set('Cache-Control', 'private, no-store');
    else if (cacheControl && /\bpublic\b/i.test(cacheControl)) headers.set('Cache-Control', cacheControl.replace(/\bpublic\b/i, 'private'));
  };
}
