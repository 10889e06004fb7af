import type { Published } from './types.js';

/**
 * The released periods made from sample data (`npm run demo`), oldest first: their public pages
 * and exports say so. A release is sample data when any report it was made from is.
 *
 * @example
 * samplePeriods(await ctx.releases()); // ['2026-Q2', '2026-Q3']
 */
export const samplePeriods = (published: Published): string[] =>
  Object.values(published.periods)
    .filter((r) => r.sample)
    .map((r) => r.period)
    .sort();
