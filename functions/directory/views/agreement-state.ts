import { stockholmLocal } from '../search/open-now.js';

/** Whether an agreement has ended and how many days are left (null: until further notice). */
export function agreementState(agreement: { ends: string | null }, now: Date): { expired: boolean; daysLeft: number | null } {
  if (agreement.ends === null) return { expired: false, daysLeft: null };
  const today = stockholmLocal(now).date;
  const daysLeft = Math.round((Date.parse(`${agreement.ends}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  return { expired: daysLeft < 0, daysLeft };
}
