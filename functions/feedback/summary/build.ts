import type { Term } from '../../core/domain/vocabulary.js';
import { toStockholmIso } from '../../core/i18n.js';
import type { FeedbackContext } from '../context.js';
import { quarterOf } from '../data/keys.js';
import { retentionStart } from '../data/submissions.js';
import { releasedCells, type ReleaseInfo } from './released.js';
import type { SummarySource } from './snapshot.js';

/** One cell of the public summary: `count` is `null` when suppressed. */
export interface SummaryCell {
  readonly period: string;
  readonly malbild: string;
  /** A municipality code, `null` for "not stated", or `total` for the sum of the row. */
  readonly municipality: string | null;
  readonly count: number | null;
  readonly status: 'ok' | 'suppressed';
}

/** A quote a moderator chose and published (already redacted). */
export interface PublishedQuote {
  readonly period: string;
  readonly categories: readonly string[];
  readonly text: string;
  readonly tags: readonly string[];
}

/** The public summary for the user council. */
export interface Summary {
  readonly area: string;
  readonly generatedAt: string;
  readonly periods: readonly string[];
  readonly categories: readonly Term[];
  /** Counts from 1 to `minCount − 1` are always hidden, and with them what protection needs. */
  readonly minCount: number;
  /** The release each period's counts come from (counts are shown only for released quarters). */
  readonly releases: readonly ReleaseInfo[];
  readonly cells: readonly SummaryCell[];
  readonly quotes: readonly PublishedQuote[];
}

/** The quarters from the retention start up to now, newest first. */
export function quartersInRetention(ctx: FeedbackContext): string[] {
  const now = ctx.deps.clock.now();
  const out: string[] = [];
  for (let d = retentionStart(now, ctx.deps.config.retention.feedbackDays); d <= now; d = new Date(d.getTime() + 28 * 24 * 3600 * 1000)) {
    const q = quarterOf(d);
    if (!out.includes(q)) out.push(q);
  }
  if (!out.includes(quarterOf(now))) out.push(quarterOf(now));
  return out.reverse();
}

/**
 * Build the public summary of `periods` from the summary snapshot: the released, protected counts
 * per målbild × quarter × municipality (the indicator `feedback-received` of the area's releases;
 * a quarter without a release has no counts yet), plus the published quotes. No submission and
 * no moderation state is read here.
 */
export function buildSummary(ctx: FeedbackContext, periods: readonly string[], source: SummarySource): Summary {
  const { deps } = ctx;
  const { cells, releases } = releasedCells(source.published, periods, ctx.categories, deps.config);
  const since = retentionStart(deps.clock.now(), deps.config.retention.feedbackDays).getTime();
  const quotes: PublishedQuote[] = source.quotes
    .filter((q) => Number(q.id.slice(0, 13)) >= since && periods.includes(q.period))
    .map((q) => ({ period: q.period, categories: q.categories, text: q.text, tags: q.tags }));
  return {
    area: deps.config.id,
    generatedAt: toStockholmIso(deps.clock.now()),
    periods,
    categories: ctx.categories,
    minCount: deps.config.indicators.suppression.minCount,
    releases,
    cells,
    quotes,
  };
}
