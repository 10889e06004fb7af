import * as z from 'zod/mini';
import { bilingual, dateTime, itemsOf, listPage } from '../../core/http/response-schemas.js';

/**
 * What the indicators API answers, as zod schemas for its OpenAPI document (see
 * `core/http/response-schemas.ts`: no handler loads this module).
 */

const STATUSES = ['reported', 'not-reported', 'suppressed', 'not-applicable', 'not-yet-available'] as const;

/** One published cell: a value, or `null` with the reason in `status`. */
export const cellResponse = z.strictObject({ value: z.nullable(z.number()), status: z.enum(STATUSES) });
const cells = z.record(z.string(), cellResponse);

/** How many organisations an aggregate rests on. */
export const coverageResponse = z.strictObject({ reported: z.int(), notApplicable: z.int(), expected: z.int(), used: z.int() });
const method = z.enum(['sum', 'median-of-reported', 'weighted-mean']);

/** One observation in tidy form: its dimensions, value and status. */
export const observationResponse = z.strictObject({
  indicator: z.string(),
  organization: z.string(),
  period: z.string(),
  /** `total`, a dimension, or `residence` (a region-side count by municipality of residence). */
  breakdown: z.string(),
  /** `T`, a category code, or for `residence` the municipality code. */
  category: z.string(),
  unit: z.string(),
  value: z.nullable(z.number()),
  status: z.enum(STATUSES),
  denominator: z.optional(z.number()),
  revised: z.optional(z.boolean()),
  method: z.optional(z.string()),
  coverage: z.optional(z.strictObject({ reported: z.int(), expected: z.int(), used: z.int() })),
});

/** One organisation's cells for a period. */
export const orgRowResponse = z.strictObject({
  organization: z.string(),
  period: z.string(),
  status: z.enum(['reported', 'not-reported', 'not-applicable', 'not-yet-available']),
  cells,
  reportedAt: z.optional(z.string()),
  revised: z.optional(z.boolean()),
  raw: z.optional(z.boolean()),
  denominators: z.optional(z.record(z.string(), z.number())),
});

/** The area's aggregate for a period. */
export const areaRowResponse = z.strictObject({ period: z.string(), cells, coverage: coverageResponse, method });

const head = { indicator: z.string(), unit: z.string(), available: z.boolean() };

/** `GET /area`. */
export const areaResponse = z.strictObject({ ...head, items: z.array(areaRowResponse) });
/** `GET /compare`. */
export const compareResponse = z.strictObject({
  ...head,
  period: z.nullable(z.string()),
  area: z.nullable(areaRowResponse),
  organizations: z.array(orgRowResponse),
});
/** `GET /series`. */
export const seriesResponse = z.strictObject({
  ...head,
  organization: z.string(),
  points: z.array(
    z.strictObject({
      period: z.string(),
      value: z.nullable(z.number()),
      status: z.enum(STATUSES),
      coverage: z.optional(coverageResponse),
      method: z.optional(method),
    }),
  ),
});

/** `GET /values`. */
export const valuesResponse = listPage(observationResponse, { total: z.int() });

const countingResponse = z.strictObject({ rule: z.enum(['each-own', 'single-reporter']), sv: z.string(), en: z.string() });
const meaning = z.strictObject({
  counted: bilingual,
  denominator: z.optional(bilingual),
  reporter: z.enum(['municipality', 'region', 'both', 'convener']),
  period: bilingual,
  sourceSystem: bilingual,
  limits: bilingual,
});
/** What the reporting answers say about an indicator (`reportingTerms`). */
const terms = { definition: z.nullable(meaning), counting: countingResponse };

const version = z.strictObject({
  status: z.enum(['reported', 'not-applicable']),
  cells: z.record(z.string(), z.number()),
  denominators: z.record(z.string(), z.number()),
  participated: z.optional(z.int()),
  counting: z.optional(z.enum(['each-own', 'single-reporter'])),
  note: z.optional(z.string()),
  reason: z.optional(z.string()),
  sample: z.optional(z.literal(true)),
  reportedBy: z.string(),
  reportedAt: dateTime,
});
/** One organisation's report with its history and the indicator's reporting terms. */
export const reportResponse = z.strictObject({
  indicator: z.string(),
  organization: z.string(),
  period: z.string(),
  current: version,
  history: z.array(version),
  ...terms,
});

/** `GET /definitions`: the definitions with each breakdown dimension's labels and categories. */
export const definitionsResponse = itemsOf(
  z.looseObject({
    id: z.string(),
    sv: z.string(),
    en: z.string(),
    unit: z.enum(['count', 'percent', 'days', 'ratio']),
    aggregate: method,
    frequency: z.enum(['month', 'quarter', 'year']),
    counting: z.enum(['each-own', 'single-reporter']),
    definition: z.optional(meaning),
    breakdown: z.array(
      z.strictObject({
        dimension: z.string(),
        sv: z.string(),
        en: z.string(),
        categories: z.array(z.strictObject({ code: z.string(), sv: z.string(), en: z.string() })),
      }),
    ),
  }),
);

/** `GET /export.json`: observations with the structure and the indicators they belong to. */
export const exportResponse = z.strictObject({
  structure: z.strictObject({
    dimensions: z.array(z.string()),
    measure: z.string(),
    attributes: z.array(z.string()),
    statuses: z.record(z.string(), z.string()),
  }),
  indicators: z.array(
    z.strictObject({
      id: z.string(),
      sv: z.string(),
      en: z.string(),
      unit: z.string(),
      aggregate: method,
      frequency: z.string(),
      counting: z.string(),
      koladaKpi: z.nullable(z.string()),
      definition: z.nullable(meaning),
    }),
  ),
  observations: z.array(observationResponse),
});

/** `GET /completeness` (staff). */
export const completenessResponse = itemsOf(
  z.strictObject({
    indicator: z.string(),
    period: z.string(),
    expected: z.int(),
    reported: z.array(z.string()),
    notApplicable: z.array(z.string()),
    missing: z.array(z.string()),
  }),
);

const releaseEntry = z.strictObject({ period: z.string(), revision: z.int(), releasedAt: dateTime });
/** `GET /releases`. */
export const releasesResponse = itemsOf(releaseEntry);
const recordSummary = {
  log: z.array(z.string()),
  hidden: z.int(),
  cells: z.int(),
  optimal: z.boolean(),
  minRangeWidth: z.nullable(z.number()),
};
/** `POST /releases`: the new release and a summary of its protection. */
export const releaseMadeResponse = z.strictObject({ ...releaseEntry.shape, ...recordSummary });

const released = z.record(z.string(), z.nullable(z.number()));
/** `GET /releases/{period}` (staff): reported against released. */
export const periodComparisonResponse = z.strictObject({
  period: z.string(),
  release: z.nullable(z.strictObject({ revision: z.int(), releasedAt: dateTime })),
  ...z.partial(z.strictObject(recordSummary)).shape,
  indicators: z.array(
    z.strictObject({
      indicator: z.string(),
      organizations: z.array(
        z.strictObject({
          organization: z.string(),
          reported: z.optional(z.strictObject({ status: z.string(), cells: z.record(z.string(), z.unknown()) })),
          differs: z.optional(z.boolean()),
          released: z.nullable(
            z.strictObject({
              organization: z.string(),
              status: z.enum(['reported', 'not-applicable', 'not-reported', 'not-yet-available']),
              cells: released,
            }),
          ),
        }),
      ),
      area: z.nullable(z.strictObject({ cells: released, coverage: coverageResponse })),
    }),
  ),
});

/**
 * `POST /import.csv`: how many reports were stored (`stored`, the same as `changed`), how many
 * equalled what is stored and were not written (`unchanged`), and the counting rules in force.
 */
export const importResponse = z.strictObject({
  stored: z.int(),
  changed: z.int(),
  unchanged: z.int(),
  skipped: z.int(),
  counting: z.record(z.string(), countingResponse),
});
