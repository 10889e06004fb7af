import * as z from 'zod';
import { defineContract } from './contract.js';

/** One goal ("mål och mått") of an agreement: the indicators it follows, a target value and a direction. */
export const agreementGoalRow = z.object({
  text: z.string().min(1),
  indicators: z.array(z.string().min(1)).min(1),
  target: z.number().finite(),
  direction: z.enum(['increase', 'decrease', 'maintain']),
});

/** One agreement in force with its goals: public data only (no contacts, no notes). */
export const agreementGoalsRow = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  /** Municipality codes and region unit ids of the parties. */
  parties: z.array(z.string()),
  /** The last day it applies (`null`: until further notice); a reader drops it once past. */
  ends: z.string().nullable(),
  goals: z.array(agreementGoalRow),
});

/** One agreement of `directory/public/agreement-goals.json`. */
export type AgreementGoalsRow = z.infer<typeof agreementGoalsRow>;

/** One goal of an agreement. */
export type AgreementGoalRow = z.infer<typeof agreementGoalRow>;

/**
 * `directory/public/agreement-goals.json`: every agreement in force (not retired, not being drafted
 * or out for consultation, not ended) that has goals, sorted by title. Written by the directory on
 * every change of its collection, read by indicators (the goals on each indicator page).
 */
export const agreementGoalsContract = defineContract({
  key: 'directory/public/agreement-goals.json',
  publisher: 'directory',
  readers: ['indicators'],
  schema: z.array(agreementGoalsRow),
  fixture: [
    {
      id: 'agr-sip',
      title: 'Överenskommelse om samordnad individuell plan',
      parties: ['2380', 'region'],
      ends: null,
      goals: [{ text: 'Fler samordnade individuella planer', indicators: ['sip-established'], target: 40, direction: 'increase' }],
    },
  ],
});
