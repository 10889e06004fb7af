import * as z from 'zod';
import { defineContract } from './contract.js';
import { once } from '../once.js';

/** A released cell: the figure, or `null` when hidden (shown as `..`). No reason is ever given. */
const releasedValue = once(() => z.number().nullable());
const releasedCells = once(() => z.record(z.string(), releasedValue()));

/** How many organisations an aggregate rests on. */
export const coverageSchema = once(() =>
  z.object({
    reported: z.number().int().min(0),
    notApplicable: z.number().int().min(0),
    expected: z.number().int().min(0),
    used: z.number().int().min(0),
  }),
);

const releasedRow = once(() =>
  z.object({
    organization: z.string(),
    status: z.enum(['reported', 'not-applicable', 'not-reported', 'not-yet-available']),
    cells: releasedCells(),
  }),
);

const releasedTable = once(() =>
  z.object({
    available: z.boolean(),
    rows: z.array(releasedRow()),
    area: z.object({
      cells: releasedCells(),
      coverage: coverageSchema(),
      overlap: z.array(z.string()).optional(),
      parts: z.record(z.string(), releasedCells()).optional(),
    }),
  }),
);

/** The public part of one release of a period. */
export const releaseSchema = once(() =>
  z.object({
    period: z.string().min(1),
    revision: z.number().int().min(1),
    releasedAt: z.string().min(1),
    tables: z.record(z.string(), releasedTable()),
    /** Made from sample data (`npm run demo`), shown as such. */
    sample: z.boolean().optional(),
  }),
);

const releaseEntry = once(() => z.object({ period: z.string().min(1), revision: z.number().int().min(1), releasedAt: z.string().min(1) }));

/** The object every public read of released figures starts from. */
export const publishedSchema = once(() =>
  z.object({
    releases: z.array(releaseEntry()),
    /** Latest release per period. */
    periods: z.record(z.string(), releaseSchema()),
  }),
);

/** The released figures as published (see `indicatorReleasesContract`). */
export type PublishedReleases = z.infer<ReturnType<typeof publishedSchema>>;

/** The key of the total cell of a released row or area (the figure without breakdown). */
export const RELEASED_TOTAL = 'T';

/** Before the first release: nothing published. */
export const NO_RELEASES: PublishedReleases = { releases: [], periods: {} };

/**
 * `indicators/public/releases.json`: the latest revision of every released period, rewritten (with
 * If-Match) after each release. Written by indicators' release step, read by its public routes, by
 * the feedback summary (which shows the released, protected feedback counts from it) and by the
 * directory's agreement reports (the latest released figures of an agreement's goals).
 */
export const indicatorReleasesContract = defineContract({
  key: 'indicators/public/releases.json',
  publisher: 'indicators',
  readers: ['feedback', 'directory'],
  schema: publishedSchema,
  fixture: {
    releases: [{ period: '2026-Q3', revision: 1, releasedAt: '2026-11-02T06:00:00+01:00' }],
    periods: {
      '2026-Q3': {
        period: '2026-Q3',
        revision: 1,
        releasedAt: '2026-11-02T06:00:00+01:00',
        tables: {
          'feedback-received': {
            available: true,
            rows: [
              { organization: '2380', status: 'reported', cells: { T: 12, 'malbild:respekt': 12 } },
              { organization: 'unspecified', status: 'reported', cells: { T: null, 'malbild:respekt': null } },
            ],
            area: { cells: { T: 14, 'malbild:respekt': 14 }, coverage: { reported: 2, notApplicable: 0, expected: 2, used: 2 } },
          },
        },
      },
    },
  },
});
