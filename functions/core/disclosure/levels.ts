import { DisclosureInputError } from './errors.js';
import type { ProtectionLevels } from './types.js';

/**
 * The default protection: a hidden count v must be indistinguishable from anything in
 * [max(0, v − 3), v + 3]. Three persons either way means a hidden 1–4 could be anything from 0
 * to 7, so neither "someone" nor "exactly this many" can be read from the release.
 *
 * @example
 * const levels = { ...DEFAULT_LEVELS, ...countyOverride };
 */
export const DEFAULT_LEVELS: ProtectionLevels = Object.freeze({ lower: 3, upper: 3 });

/**
 * The smallest protection width accepted (persons, each side). Below 1 a hidden cell could be
 * recomputed exactly.
 *
 * @example
 * checkLevels({ lower: MINIMUM_LEVEL, upper: MINIMUM_LEVEL }); // accepted
 */
export const MINIMUM_LEVEL = 1;

/**
 * Throw a {@link DisclosureInputError} (Swedish and English, naming the field) unless both levels
 * are finite numbers of at least {@link MINIMUM_LEVEL}; return them otherwise.
 *
 * @example
 * checkLevels({ lower: 3, upper: 3 }); // returns the levels
 * checkLevels({ lower: 0, upper: 3 }); // throws, field 'lower'
 */
export function checkLevels(levels: ProtectionLevels, path = ''): ProtectionLevels {
  for (const side of ['lower', 'upper'] as const) {
    const value = levels[side];
    if (!Number.isFinite(value) || value < MINIMUM_LEVEL) {
      throw new DisclosureInputError(
        `${path}${side}`,
        `Skyddsnivån (${side}) måste vara ett tal på minst ${MINIMUM_LEVEL}, inte ${String(value)}.`,
        `The protection level (${side}) must be a number of at least ${MINIMUM_LEVEL}, not ${String(value)}.`,
      );
    }
  }
  return levels;
}
