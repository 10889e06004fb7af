import type { PublishedReleases } from '../../core/contracts/indicator-releases.js';
import type { Clock } from '../../core/deps.js';
import { toStockholmIso } from '../../core/i18n.js';
import type { Logger } from '../../core/log.js';
import { publishDerived, TooMuchContentionError } from '../../core/store/json.js';
import type { Store } from '../../core/store/store.js';
import type { ModerationState } from '../moderation/state.js';
import { quarterOf } from '../data/keys.js';
import { moderationStates } from './counts.js';
import { FEEDBACK_INDICATOR, readReleases } from './released.js';

/** The indicator releases as their contract defines them, and one period's release. */
type Published = PublishedReleases;
type Release = Published['periods'][string];

/** The one object every public summary reads: released feedback counts and published quotes. */
export const SUMMARY_KEY = 'feedback/public/summary.json';

/** A published quote in the snapshot, with the id of its submission (for moderators' updates). */
export interface SnapshotQuote {
  readonly id: string;
  readonly period: string;
  readonly categories: readonly string[];
  readonly text: string;
  readonly tags: readonly string[];
}

/** `feedback/public/summary.json`: all a public summary shows, built off the request path. */
export interface SummarySnapshot {
  readonly version: 1;
  readonly builtAt: string;
  /** The ETag of the indicator releases it was built from (`null`: there were none). */
  readonly publishedEtag: string | null;
  /** The area's releases with only the feedback table of each period. */
  readonly published: Published;
  /** Published quotes, oldest first. */
  readonly quotes: readonly SnapshotQuote[];
}

/** What a public summary is built from. */
export interface SummarySource {
  readonly published: Published;
  readonly quotes: readonly SnapshotQuote[];
}

const decoder = new TextDecoder();

/** Parse a stored snapshot; `undefined` when it is not one (corrupt or of another shape). */
export function parseSnapshot(body: Uint8Array): SummarySnapshot | undefined {
  try {
    return snapshotOf(JSON.parse(decoder.decode(body)));
  } catch {
    return undefined;
  }
}

/** A parsed JSON value as a snapshot, or `undefined` when it is not one. */
function snapshotOf(parsed: unknown): SummarySnapshot | undefined {
  const value = parsed as Partial<SummarySnapshot> | null;
  const ok =
    typeof value === 'object' &&
    value !== null &&
    value.version === 1 &&
    typeof value.builtAt === 'string' &&
    (value.publishedEtag === null || typeof value.publishedEtag === 'string') &&
    typeof value.published === 'object' &&
    value.published !== null &&
    Array.isArray(value.published.releases) &&
    typeof value.published.periods === 'object' &&
    Array.isArray(value.quotes) &&
    value.quotes.every(
      (q: Partial<SnapshotQuote>) => typeof q?.id === 'string' && typeof q.text === 'string' && typeof q.period === 'string',
    );
  return ok ? (value as SummarySnapshot) : undefined;
}

/** The releases with only the feedback table of each period (a small copy of a large object). */
function feedbackOnly(published: Published): Published {
  const periods: Record<string, Release> = {};
  for (const [period, release] of Object.entries(published.periods)) {
    const table = release.tables[FEEDBACK_INDICATOR];
    periods[period] = { ...release, tables: table ? { [FEEDBACK_INDICATOR]: table } : {} };
  }
  return { ...published, periods };
}

/** The quote of one moderation state, or `undefined` when it has none to show. */
function quoteOf(id: string, state: ModerationState): SnapshotQuote | undefined {
  const ms = Number(id.slice(0, 13));
  if (state.status !== 'published' || !state.quote || !Number.isFinite(ms)) return undefined;
  return { id, period: quarterOf(new Date(ms)), categories: state.categories ?? [], text: state.quote, tags: state.tags };
}

/** The published quotes of every moderation state, oldest first. */
function quotesOf(states: Map<string, ModerationState>): SnapshotQuote[] {
  return [...states]
    .map(([id, state]) => quoteOf(id, state))
    .filter((q): q is SnapshotQuote => q !== undefined)
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** Why the scheduled run wrote the snapshot, or `current` when it left it alone. */
export type SnapshotOutcome = 'current' | 'missing' | 'corrupt' | 'stale' | 'changed';

/**
 * Rebuild `feedback/public/summary.json` from its sources (the indicator releases and the
 * moderation states) and write it when it differs, over the version read (If-Match, retried).
 * A missing, corrupt or stale snapshot (built from older releases) is rewritten with a log line.
 * The sources are read after the snapshot on every attempt, so a moderator's update that lands
 * in between makes this write lose its condition and read again: nothing is lost.
 */
export async function rebuildSummarySnapshot(
  store: Store,
  clock: Clock,
  log: Logger,
  options: { retries?: number } = {},
): Promise<SnapshotOutcome> {
  let outcome = 'current' as SnapshotOutcome;
  let line: Record<string, string | number> = {};
  await publishDerived<SummarySnapshot>(
    store,
    SUMMARY_KEY,
    async (found) => {
      const current = snapshotOf(found.value);
      const { published, etag } = await readReleases(store, log);
      const quotes = quotesOf(await moderationStates(store));
      const next: SummarySnapshot = {
        version: 1,
        builtAt: toStockholmIso(clock.now()),
        publishedEtag: etag,
        published: feedbackOnly(published),
        quotes,
      };
      outcome =
        found.state === 'missing'
          ? 'missing'
          : !current
            ? 'corrupt'
            : current.publishedEtag !== etag
              ? 'stale'
              : JSON.stringify(current.quotes) !== JSON.stringify(quotes) ||
                  JSON.stringify(current.published) !== JSON.stringify(next.published)
                ? 'changed'
                : 'current';
      line = { key: SUMMARY_KEY, reason: outcome, quotes: quotes.length, periods: Object.keys(next.published.periods).length };
      return outcome === 'current' ? undefined : next;
    },
    { retries: options.retries ?? 10 },
  );
  if (outcome === 'missing' || outcome === 'corrupt') log.warn('feedback summary snapshot rebuilt', line);
  else if (outcome !== 'current') log.info('feedback summary snapshot rebuilt', line);
  return outcome;
}

/**
 * Bring the snapshot's quote of one submission in line with a moderator's change: one read and
 * one conditional write of the snapshot (retried when it lost). Without a readable snapshot the
 * whole snapshot is rebuilt instead.
 */
export async function updateSnapshotQuote(store: Store, clock: Clock, log: Logger, id: string, state: ModerationState): Promise<void> {
  let unreadable = false;
  try {
    await publishDerived<SummarySnapshot>(store, SUMMARY_KEY, (found) => {
      const current = snapshotOf(found.value);
      unreadable = !current;
      if (!current) return undefined;
      const quote = quoteOf(id, state);
      const others = current.quotes.filter((q) => q.id !== id);
      const quotes = (quote ? [...others, quote] : others).sort((a, b) => a.id.localeCompare(b.id));
      return JSON.stringify(quotes) === JSON.stringify(current.quotes) ? undefined : { ...current, quotes };
    });
  } catch (error) {
    if (!(error instanceof TooMuchContentionError)) throw error;
    // the scheduled run brings it up to date from the moderation states
    log.warn('feedback summary snapshot not updated', { key: SUMMARY_KEY, reason: 'contention' });
    return;
  }
  if (unreadable) await rebuildSummarySnapshot(store, clock, log);
}

/**
 * A reader of the summary snapshot for public requests: one GET on the first request, then
 * nothing for `maxAgeSeconds`, then one conditional GET. A missing or corrupt snapshot is never
 * an error: the released counts are read from the indicator releases directly (one more GET, no
 * quotes) and the next scheduled run rebuilds it.
 */
export function summaryReader(store: Store, clock: Clock, log: Logger, maxAgeSeconds = 60): () => Promise<SummarySource> {
  let cached: { etag: string | undefined; source: SummarySource } | undefined;
  let checkedAt = Number.NEGATIVE_INFINITY;
  return async () => {
    const now = clock.now().getTime();
    if (cached && now - checkedAt < maxAgeSeconds * 1000) return cached.source;
    const found = await store.get(SUMMARY_KEY, cached?.etag ? { ifNoneMatch: cached.etag } : {});
    checkedAt = now;
    if (found === 'not-modified' && cached) return cached.source;
    const snapshot = found && found !== 'not-modified' ? parseSnapshot(found.body) : undefined;
    if (found && found !== 'not-modified' && snapshot) {
      cached = { etag: found.etag, source: { published: snapshot.published, quotes: snapshot.quotes } };
      return cached.source;
    }
    log.warn('feedback summary snapshot unreadable, reading releases', { key: SUMMARY_KEY, reason: found ? 'corrupt' : 'missing' });
    const { published } = await readReleases(store, log);
    cached = { etag: undefined, source: { published, quotes: [] } };
    return cached.source;
  };
}
