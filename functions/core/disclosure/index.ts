export type * from './types.js';
export { audit, type AuditOptions } from './audit.js';
export { protect, type ProtectOptions } from './protect.js';
export type { ExactLimits } from './exact.js';
export { defaultCost } from './cost.js';
export { DEFAULT_LEVELS, MINIMUM_LEVEL, checkLevels } from './levels.js';
export { DisclosureInputError } from './errors.js';
export { sumEquation } from './equations.js';
export { withEarlierRelease } from './revision.js';
