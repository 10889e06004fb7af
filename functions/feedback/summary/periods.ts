import type { Context } from 'hono';
import * as z from 'zod';
import { queryParams } from '../../core/http/body.js';
import type { KitEnv } from '../../core/http/staff.js';
import type { FeedbackContext } from '../context.js';
import { quarterOf } from '../data/keys.js';
import { quartersInRetention } from './build.js';
import { FEEDBACK_INDICATOR } from './released.js';
import type { SummarySource } from './snapshot.js';

/** The query of the summaries: a quarter within the retention period (`known`). */
export const summaryQuery = (known: readonly string[]) =>
  z.object({ period: z.enum(known as [string, ...string[]]).optional(), lang: z.string().optional() });

/** The quarters a summary request asks for, and the snapshot to build it from. */
export interface SummaryRequest {
  readonly known: string[];
  readonly periods: string[];
  readonly source: SummarySource;
}

/**
 * The quarters of a summary request: the one asked for (`?period=`), else every quarter in the
 * retention period (`all`) or the latest with released counts (`latest`). Every summary reads one
 * snapshot object (see `snapshot.ts`), never the submissions.
 */
export async function summaryRequest(ctx: FeedbackContext, c: Context<KitEnv>, fallback: 'latest' | 'all'): Promise<SummaryRequest> {
  const known = quartersInRetention(ctx);
  const query = queryParams(c, summaryQuery(known));
  const source = await ctx.summarySource();
  if (query.period) return { known, periods: [query.period], source };
  if (fallback === 'all') return { known, periods: known, source };
  const released = source.published.periods;
  const latest = known.find((q) => released[q]?.tables[FEEDBACK_INDICATOR]) ?? quarterOf(ctx.deps.clock.now());
  return { known, periods: [latest], source };
}
