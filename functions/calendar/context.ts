import { randomBytes, randomUUID } from 'node:crypto';
import type { AppDeps } from '../core/deps.js';
import { BatchedUpdater, Coalescer } from './data/batch.js';

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
  /** Group-committed conditional writes of shared objects (registration ledgers, attendance). */
  readonly writes: BatchedUpdater;
  /** Rewrites of the public attendance file, coalesced. */
  readonly publishing: Coalescer;
}

// Many people may register at once; each round of a conditional write lets one process through.
const backoff = (attempt: number) => new Promise<void>((r) => setTimeout(r, Math.random() * Math.min(2 + attempt * 2, 50)));

/** Resolve the calendar's context from the app dependencies and options. */
export function calendarContext(deps: AppDeps, options: CalendarOptions = {}): CalendarContext {
  return {
    deps,
    newId: options.ids ?? deps.ids ?? (() => randomUUID()),
    newToken: options.tokens ?? (() => randomBytes(24).toString('base64url')),
    writes: new BatchedUpdater(deps.store, { retries: 400, backoff }),
    publishing: new Coalescer(),
  };
}
