import type { Text } from '../../core/i18n.js';
import type { Agreement } from '../model/group.js';
import type { ActionPlan } from '../model/plan.js';
import { agreementState } from '../views/agreement-state.js';
import { planProgress } from '../views/plans.js';

/** Days ahead within which a review date or an end counts as near. */
export const NEAR_DAYS = 90;

/** What needs attention in an agreement: a review date or an end that is near or past, no goals. */
export function agreementAttention(agreement: Agreement, now: Date): Text[] {
  const state = agreementState(agreement, now);
  const out: Text[] = [];
  const review = state.reviewDaysLeft;
  if (review !== null && review < 0) out.push({ sv: 'Revideringsdatumet har passerat', en: 'The review date has passed' });
  else if (review !== null && review <= NEAR_DAYS) out.push({ sv: `Revideras om ${review} dagar`, en: `Review in ${review} days` });
  if (state.expired) out.push({ sv: 'Har upphört', en: 'Has ended' });
  else if (state.daysLeft !== null && state.daysLeft <= NEAR_DAYS)
    out.push({ sv: `Upphör om ${state.daysLeft} dagar`, en: `Ends in ${state.daysLeft} days` });
  if (agreement.goals.length === 0) out.push({ sv: 'Saknar mål', en: 'Has no goals' });
  return out;
}

/** What needs attention in an action plan: items past their deadline. */
export function planAttention(plan: ActionPlan, now: Date): Text[] {
  const overdue = planProgress(plan.items, now).overdue;
  return overdue ? [{ sv: `${overdue} försenade punkter`, en: `${overdue} overdue items` }] : [];
}
