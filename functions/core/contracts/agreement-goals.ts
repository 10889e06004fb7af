import * as z from 'zod';
import { defineContract } from './contract.js';
import { once } from '../once.js';

/**
 * One goal ("mål och mått") of an agreement: the indicators it follows, a direction and a target
 * value; a goal without a target is judged against a baseline: the released figure of its
 * `baseline` period, else of the first released period that ends on or after the agreement's `from`.
 */
export const agreementGoalRow = once(() =>
  z.object({
    text: z.string().min(1),
    indicators: z.array(z.string().min(1)).min(1),
    target: z.number().finite().optional(),
    direction: z.enum(['increase', 'decrease', 'maintain']),
    /** The period whose released figure a goal without a target is judged against (`2015-Q1`). */
    baseline: z.string().min(4).optional(),
  }),
);

/** One agreement in force with its goals: public data only (no contacts, no notes). */
export const agreementGoalsRow = once(() =>
  z.object({
    id: z.string().min(1),
    title: z.string().min(1),
    /** Municipality codes and region unit ids of the parties. */
    parties: z.array(z.string()),
    /** The last day it applies (`null`: until further notice); a reader drops it once past. */
    ends: z.string().nullable(),
    /** The day it applies from (YYYY-MM-DD: its start, else the day it came into force), for goals without a target. */
    from: z.string().optional(),
    goals: z.array(agreementGoalRow()),
  }),
);

/** One agreement of `directory/public/agreement-goals.json`. */
export type AgreementGoalsRow = z.infer<ReturnType<typeof agreementGoalsRow>>;

/** One goal of an agreement. */
export type AgreementGoalRow = z.infer<ReturnType<typeof agreementGoalRow>>;

/**
 * `directory/public/agreement-goals.json`: every agreement in force (not retired, not being drafted
 * or out for consultation, not ended) that has goals, sorted by title. Written by the directory on
 * every change of its collection, read by indicators (the goals on each indicator page).
 */
export const agreementGoalsContract = defineContract({
  key: 'directory/public/agreement-goals.json',
  publisher: 'directory',
  readers: ['indicators'],
  schema: () => z.array(agreementGoalsRow()),
  fixture: [
    {
      id: 'agr-sip',
      title: 'Överenskommelse om samordnad individuell plan',
      parties: ['2380', 'region'],
      ends: null,
      from: '2026-01-01',
      goals: [
        { text: 'Fler samordnade individuella planer', indicators: ['sip-established'], target: 40, direction: 'increase' },
        { text: 'Kortare väntetid till första besök', indicators: ['wait-days-first-visit'], direction: 'decrease' },
      ],
    },
  ],
});
