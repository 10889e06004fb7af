import { stockholmLocal } from '../search/open-now.js';

/** Whole days from today in Stockholm to `date` (negative when past). */
export function daysUntil(date: string, now: Date): number {
  const today = stockholmLocal(now).date;
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/**
 * Whether an agreement has ended, how many days are left (null: until further notice), how many
 * days to its review date (null: none set) and its current life-cycle status (the latest change).
 */
export function agreementState(
  agreement: { ends: string | null; reviewDate?: string; lifecycle?: readonly { status: string; date: string }[] },
  now: Date,
): { expired: boolean; daysLeft: number | null; reviewDaysLeft: number | null; phase: string | null } {
  const reviewDaysLeft = agreement.reviewDate ? daysUntil(agreement.reviewDate, now) : null;
  const phase = agreement.lifecycle?.at(-1)?.status ?? null;
  if (agreement.ends === null) return { expired: false, daysLeft: null, reviewDaysLeft, phase };
  const daysLeft = daysUntil(agreement.ends, now);
  return { expired: daysLeft < 0, daysLeft, reviewDaysLeft, phase };
}

/**
 * The day an agreement applies from: its `starts`, else the day it came into force (its first
 * change to "gällande"); `undefined` when neither is known. Goals without a target take their
 * baseline from the first released period that ends on or after it.
 */
export function agreementFrom(agreement: { starts?: string; lifecycle?: readonly { status: string; date: string }[] }): string | undefined {
  return agreement.starts ?? agreement.lifecycle?.find((step) => step.status === 'gallande')?.date;
}
