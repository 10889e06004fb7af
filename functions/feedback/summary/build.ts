import type { Term } from '../../core/domain/vocabulary.js';
import { toStockholmIso } from '../../core/i18n.js';
import type { FeedbackContext } from '../context.js';
import { quarterOf } from '../store/keys.js';
import { retentionStart } from '../store/submissions.js';
import { countSubmissions, moderationStates, rebuildCounts } from './counts.js';
import { applySmallCountRule, cell, type CountCell } from './suppress.js';

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
  /** Counts from 1 to `minCount − 1` are suppressed, with secondary suppression. */
  readonly minCount: number;
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
 * Build the public summary of `periods`: counts per målbild × quarter × municipality under the
 * small-count rule, plus the published quotes. Also brings `feedback/public/counts.json` up to date.
 */
export async function buildSummary(ctx: FeedbackContext, periods: readonly string[]): Promise<Summary> {
  const { deps } = ctx;
  const states = await moderationStates(deps.store);
  const all = await countSubmissions(ctx, states);
  await rebuildCounts(ctx, states, all);
  const columns: (string | null)[] = [...deps.config.municipalities.map((m) => m.code), null];
  const cells: SummaryCell[] = [];
  const rows: { period: string; malbild: string; cells: Map<string | null, CountCell>; total: CountCell }[] = [];
  for (const period of periods) {
    for (const c of ctx.categories) {
      const raw = (m: string | null) => all.find((r) => r.period === period && r.malbild === c.id && r.municipality === m)?.count ?? 0;
      const row = new Map(columns.map((m) => [m, cell(raw(m))] as const));
      rows.push({ period, malbild: c.id, cells: row, total: cell([...row.values()].reduce((a, b) => a + b.raw, 0)) });
    }
  }
  applySmallCountRule(
    rows.map((r) => [...r.cells.values(), r.total]),
    deps.config.indicators.suppression.minCount,
  );
  for (const r of rows) {
    for (const [m, c] of [...r.cells, ['total', r.total] as const])
      cells.push({ period: r.period, malbild: r.malbild, municipality: m, count: c.count, status: c.suppressed ? 'suppressed' : 'ok' });
  }
  const quotes: PublishedQuote[] = [];
  const since = retentionStart(deps.clock.now(), deps.config.retention.feedbackDays);
  for (const [id, state] of states) {
    const ms = Number(id.slice(0, 13));
    if (state.status !== 'published' || !state.quote || ms < since.getTime()) continue;
    const period = quarterOf(new Date(ms));
    if (periods.includes(period)) quotes.push({ period, categories: state.categories ?? [], text: state.quote, tags: state.tags });
  }
  return {
    area: deps.config.id,
    generatedAt: toStockholmIso(deps.clock.now()),
    periods,
    categories: ctx.categories,
    minCount: deps.config.indicators.suppression.minCount,
    cells,
    quotes,
  };
}
