import type { Context } from 'hono';
import { publicOriginOf } from '../../core/http/origin.js';
import type { CalendarContext } from '../context.js';

/** The origin users see: `deps.publicOrigin` when set, else the request's own. */
export function publicOrigin(ctx: CalendarContext, c: Context): string {
  return publicOriginOf(c, ctx.deps.publicOrigin);
}

/** The `webcal://` form of an https/http feed address. */
export function webcal(url: string): string {
  return url.replace(/^https?:\/\//, 'webcal://');
}
