import type { ServiceName } from '../routes.js';
import { agreementGoalsContract } from './agreement-goals.js';
import { attendanceContract } from './attendance.js';
import { feedbackCountsContract } from './feedback-counts.js';
import { indicatorReleasesContract } from './indicator-releases.js';
import { serviceIndexContract } from './service-index.js';

export * from './agreement-goals.js';
export * from './attendance.js';
export * from './contract.js';
export * from './feedback-counts.js';
export * from './indicator-releases.js';
export * from './reader.js';
export * from './service-index.js';

/** Every file one service publishes for another. */
export const CONTRACTS = [
  serviceIndexContract,
  attendanceContract,
  feedbackCountsContract,
  indicatorReleasesContract,
  agreementGoalsContract,
] as const;

/**
 * The keys of other services' files that `service` may read: the stack's read-only grants, derived
 * from the contracts so no key or prefix is written twice.
 */
export function readGrants(service: ServiceName): string[] {
  return CONTRACTS.filter((c) => c.readers.includes(service)).map((c) => c.key);
}
