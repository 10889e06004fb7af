import type { Auth } from './auth/auth.js';
import type { CountyConfig } from './config/schema.js';
import type { Logger } from './log.js';
import type { Store } from './store/store.js';

/** Where "now" comes from; tests pass a fixed clock. */
export interface Clock {
  now(): Date;
}

/** The system clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that always answers `date` (for tests). */
export function fixedClock(date: Date | string): Clock {
  const at = new Date(date);
  return { now: () => new Date(at) };
}

/**
 * What every service app factory receives. Only the entry files (the Lambda handlers and
 * `functions/local.ts`) build real ones; tests pass a temporary store and a fixed clock.
 */
export interface AppDeps {
  readonly config: CountyConfig;
  readonly store: Store;
  readonly clock: Clock;
  readonly auth: Auth;
  readonly log: Logger;
  /**
   * The public origin users see (`https://stod.example.se`), used for redirects, links in feeds
   * and CSRF origin checks instead of the host the function sees. Default: the request's origin.
   */
  readonly publicOrigin?: string;
  /** Id generator (default `crypto.randomUUID`). */
  readonly ids?: () => string;
}
