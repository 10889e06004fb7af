import { randomBytes, randomUUID } from 'node:crypto';
import type { AppDeps } from '../core/deps.js';

/** Options of the calendar app beyond the shared dependencies; each has a default. */
export interface CalendarOptions {
  /** Unguessable cancel tokens (default: 24 random bytes, base64url). */
  readonly tokens?: () => string;
  /** Ids of new events and registrations (default: `deps.ids` or `crypto.randomUUID`). */
  readonly ids?: () => string;
}

/** What every calendar module receives: the shared dependencies plus resolved options. */
export interface CalendarContext {
  readonly deps: AppDeps;
  readonly newId: () => string;
  readonly newToken: () => string;
}

/** Resolve the calendar's context from the app dependencies and options. */
export function calendarContext(deps: AppDeps, options: CalendarOptions = {}): CalendarContext {
  return {
    deps,
    newId: options.ids ?? deps.ids ?? (() => randomUUID()),
    newToken: options.tokens ?? (() => randomBytes(24).toString('base64url')),
  };
}
