import { randomUUID } from 'node:crypto';
import type { Term } from '../core/domain/vocabulary.js';
import type { AppDeps } from '../core/deps.js';
import { feedbackCategories } from './categories.js';
import { defaultClientAddress, DEFAULT_RATE_LIMITS, type ClientAddress, type RateLimits } from './guard/rate-limit.js';
import { loadOrCreateSecret } from './guard/secret.js';
import { DEFAULT_TOKEN_LIMITS, type TokenLimits } from './guard/time-token.js';
import type { ServiceCatalogue } from './data/service-catalogue.js';
import { serviceIndex } from './data/service-index.js';
import { summaryReader, type SummarySource } from './summary/snapshot.js';

/** Options of the feedback app; each has a default, tests pass fixed ones. */
export interface FeedbackOptions {
  /** The HMAC secret of time tokens and rate-limit keys. @default created once in the store (`feedback/secret.json`) */
  readonly secret?: Uint8Array;
  /** Where a client's address comes from. @default `defaultClientAddress` */
  readonly clientAddress?: ClientAddress;
  /** At most one day: used-token marks live a day (`feedback/rate/` lifecycle). @default 4 s minimum, 24 h maximum */
  readonly tokenLimits?: TokenLimits;
  /** @default 5 posts per 10 minutes per client */
  readonly rateLimits?: RateLimits;
  /** Largest form body in bytes. @default 64 KiB */
  readonly maxBodyBytes?: number;
  /** How long a function instance reuses the summary snapshot before asking for a newer one. @default 60 */
  readonly summaryMaxAgeSeconds?: number;
}

/** What every route module of the service receives. */
export interface FeedbackContext {
  readonly deps: AppDeps;
  readonly categories: readonly Term[];
  readonly clientAddress: ClientAddress;
  readonly tokenLimits: TokenLimits;
  readonly rateLimits: RateLimits;
  readonly maxBodyBytes: number;
  /** A new unique id part (letters and digits only). */
  newId(): string;
  secret(): Promise<Uint8Array>;
  /** What the public summaries show (one snapshot object, cached; see `summary/snapshot.ts`). */
  summarySource(): Promise<SummarySource>;
  /** The area's services from the directory, or `undefined` while the directory has none. */
  services(): Promise<ServiceCatalogue | undefined>;
}

/** Build the service's context from the app's dependencies and options. */
export function createFeedbackContext(deps: AppDeps, options: FeedbackOptions = {}): FeedbackContext {
  let secret: Promise<Uint8Array> | undefined = options.secret ? Promise.resolve(options.secret) : undefined;
  const ids = deps.ids ?? randomUUID;
  const services = serviceIndex(deps.store, deps.clock, deps.log);
  const tokenLimits = options.tokenLimits ?? DEFAULT_TOKEN_LIMITS;
  // a token must expire before its used-mark does, or it could be sent again
  if (tokenLimits.maxSeconds > 24 * 3600) throw new RangeError('tokenLimits.maxSeconds may be at most one day (86400)');
  const ctx: FeedbackContext = {
    deps,
    categories: feedbackCategories(deps.config),
    clientAddress: options.clientAddress ?? defaultClientAddress,
    tokenLimits,
    rateLimits: options.rateLimits ?? DEFAULT_RATE_LIMITS,
    maxBodyBytes: options.maxBodyBytes ?? 64 * 1024,
    newId: () =>
      ids()
        .replace(/[^A-Za-z0-9]/g, '')
        .slice(0, 64) || randomUUID().replace(/-/g, ''),
    secret: () => {
      secret ??= loadOrCreateSecret(deps.store).catch((error: unknown) => {
        secret = undefined;
        throw error;
      });
      return secret;
    },
    services,
    summarySource: summaryReader(deps.store, deps.clock, deps.log, options.summaryMaxAgeSeconds),
  };
  return ctx;
}
