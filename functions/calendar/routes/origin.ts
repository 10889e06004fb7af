import type { Context } from 'hono';
import type { CalendarContext } from '../context.js';

/** The origin users see: `deps.publicOrigin` when set, else the request's own. */
export function publicOrigin(ctx: CalendarContext, c: Context): string {
  return (ctx.deps.publicOrigin ?? new URL(c.req.url).origin).replace(/\/$/, '');
}

/** The `webcal://` form of an https/http feed address. */
export function webcal(url: string): string {
  return url.replace(/^https?:\/\//, 'webcal://');
}
