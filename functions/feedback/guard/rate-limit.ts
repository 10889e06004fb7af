import { createHmac, randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Clock } from '../../core/deps.js';
import type { Store } from '../../core/store/store.js';

/** Where a client's address comes from; tests inject their own. */
export type ClientAddress = (c: Context) => string | undefined;

interface LambdaEnv {
  requestContext?: { http?: { sourceIp?: string } };
}

/**
 * The client's address: the source IP API Gateway saw (on AWS), else the socket's peer (on the
 * local Node server), else the last `X-Forwarded-For` entry (the one the nearest proxy added).
 */
export const defaultClientAddress: ClientAddress = (c) => {
  const lambda = (c.env as LambdaEnv | undefined)?.requestContext?.http?.sourceIp;
  if (lambda) return lambda;
  try {
    const local = getConnInfo(c).remote.address;
    if (local) return local;
  } catch {
    // not running on the Node server
  }
  const forwarded = c.req.header('x-forwarded-for');
  return forwarded?.split(',').pop()?.trim() || undefined;
};

/** The day (UTC) a salt belongs to, `2026-11-23`. */
const day = (now: Date) => now.toISOString().slice(0, 10);

/**
 * `HMAC(address, salt of the day)`, where the salt of the day is itself `HMAC(secret, day)`: the
 * same client gets the same key all day, and the raw address is never stored.
 */
export function clientKey(secret: Uint8Array, address: string, now: Date): string {
  const salt = createHmac('sha256', secret)
    .update(`salt|${day(now)}`)
    .digest();
  return createHmac('sha256', salt).update(address).digest('hex').slice(0, 32);
}

/** Limits of the rate limit. */
export interface RateLimits {
  /** Posts allowed per window (default 5). */
  readonly posts: number;
  /** The window in seconds (default 600). */
  readonly windowSeconds: number;
}

/** The default: 5 posts per 10 minutes per client. */
export const DEFAULT_RATE_LIMITS: RateLimits = { posts: 5, windowSeconds: 600 };

/** Where the rate limit keeps its marks (a lifecycle rule of one day is enough). */
export const RATE_PREFIX = 'feedback/rate/';

/** Whether a post is within the limit; when not, how long until the next one is. */
export type RateCheck =
  { readonly ok: true } | { readonly ok: false; /** Whole seconds, at least 1. */ readonly retryAfterSeconds: number };

/**
 * Count one post of `key` and tell whether it is within the limit. Each post is its own
 * create-only object, so concurrent posts never overwrite each other's marks; the count is a list
 * of the client's marks of the day. A refused post says when the oldest mark that counts leaves
 * the window (for `Retry-After`).
 *
 * @example
 * const rate = await allowPost(store, clock, key);
 * if (!rate.ok) c.header('Retry-After', String(rate.retryAfterSeconds));
 */
export async function allowPost(store: Store, clock: Clock, key: string, limits: RateLimits = DEFAULT_RATE_LIMITS): Promise<RateCheck> {
  const now = clock.now();
  const prefix = `${RATE_PREFIX}${day(now)}/${key}/`;
  const windowMs = limits.windowSeconds * 1000;
  const page = await store.list(prefix, { limit: 1000 });
  const recent = page.items
    .map((i) => Number(i.key.slice(prefix.length).split('-')[0]))
    .filter((at) => at > now.getTime() - windowMs)
    .sort((a, b) => a - b);
  if (recent.length >= limits.posts) {
    // the post is allowed again once only `posts - 1` marks remain in the window
    const frees = (recent[recent.length - limits.posts] ?? now.getTime()) + windowMs;
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((frees - now.getTime()) / 1000)) };
  }
  await store.put(`${prefix}${now.getTime()}-${randomUUID()}`, '', { ifNoneMatch: '*' });
  return { ok: true };
}
