import * as z from 'zod';
import { QUARTER } from '../period.js';
import { defineContract } from './contract.js';
import { once } from '../once.js';

/** One row of the feedback counts: submissions per quarter, målbild and municipality. */
export const feedbackCountRow = once(() =>
  z.object({
    period: z.string().regex(QUARTER),
    malbild: z.string().min(1),
    /** The municipality the person chose, or `null` when they chose none. */
    municipality: z.string().nullable(),
    count: z.number().int().min(0),
  }),
);

/** One row of `feedback/public/counts.json`. */
export type FeedbackCountRow = z.infer<ReturnType<typeof feedbackCountRow>>;

/**
 * `feedback/public/counts.json`: visible submissions within the retention, counted from their keys.
 * Written by feedback, read by indicators (the `feedback` derived indicator, released with protection).
 */
export const feedbackCountsContract = defineContract({
  key: 'feedback/public/counts.json',
  publisher: 'feedback',
  readers: ['indicators'],
  schema: () => z.array(feedbackCountRow()),
  fixture: [
    { period: '2026-Q3', malbild: 'respekt', municipality: '2380', count: 4 },
    { period: '2026-Q3', malbild: 'respekt', municipality: null, count: 1 },
  ],
});
