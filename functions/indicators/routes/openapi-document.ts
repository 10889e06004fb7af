import { oa, openApiDocument, type JsonSchema } from '../../core/http/openapi.js';
import type { IndicatorsContext } from '../context.js';
import { basePaths } from '../../core/http/response-schemas.js';
import * as R from '../model/responses.js';
import { ONE_INDICATOR, type FilterOptions } from './common.js';
import { releaseInputSchema } from './releases.js';

const { problem, json, text, notModified, query: q, pathParam, staff } = oa;

const FILTERS: Record<string, [string, JsonSchema?]> = {
  indicator: ['Indicator id (see /definitions).'],
  period: ['Period: 2026, 2026-Q3 or 2026-03 by the indicator’s frequency.'],
  org: ['Organisation: municipality code, `region`, a region unit id or `area` for the aggregate.'],
  cursor: ['Opaque cursor from `nextCursor` of the previous page.'],
  limit: ['Page size 1–5000 (default 1000).', { type: 'integer', minimum: 1, maximum: 5000 }],
  locale: ['`sv` (default: Swedish Excel, `;` and decimal comma) or `en` (`,` and decimal point).', { enum: ['sv', 'en'] }],
};
/** The query parameters `names` of a route that reads them with `filters(c, ctx, options)`. */
const filterParams = (options: FilterOptions, ...names: string[]) =>
  names.map((name) => ({
    ...q(name, FILTERS[name]![0], FILTERS[name]![1]),
    required: name === 'indicator' && options.requireIndicator === true,
  }));
/** Public reads: open, and a staff token (admin, or editor of an organisation) shows that organisation's raw figures. */
const publicOrStaff = [{}, { staffToken: ['admin', 'editor'] }];
const read = (operationId: string, summary: string, parameters: unknown[], ok: unknown) => ({
  get: {
    operationId,
    summary,
    security: publicOrStaff,
    parameters,
    responses: { '200': ok, '304': notModified, '400': problem, '404': problem },
  },
});
const csv = text('text/csv', 'CSV (UTF-8 with BOM, CRLF)');
const reportPath = [pathParam('indicator'), pathParam('period'), pathParam('org')];

/** The paths of the indicators API. */
function paths() {
  return {
    ...basePaths('/api/indicators'),
    '/api/indicators/definitions': {
      get: {
        operationId: 'listDefinitions',
        summary: 'The area’s indicators with their definitions (Swedish and English), counting rules and breakdown categories',
        responses: { '200': json(R.definitionsResponse), '304': notModified },
      },
    },
    '/api/indicators/definitions.csv': {
      get: {
        operationId: 'exportDefinitionsCsv',
        summary: 'The definitions as CSV (Swedish Excel; locale=en for comma)',
        parameters: filterParams({}, 'locale'),
        responses: { '200': csv, '304': notModified, '400': problem },
      },
    },
    '/api/indicators/values': read(
      'listValues',
      'Observations in tidy form, paged',
      filterParams({ allowArea: true }, 'indicator', 'period', 'org', 'cursor', 'limit'),
      json(R.valuesResponse),
    ),
    '/api/indicators/values/{indicator}/{period}/{org}': {
      get: {
        operationId: 'getReport',
        summary: 'One organisation’s report with its history (admin, or editor of the organisation)',
        security: staff('admin', 'editor'),
        parameters: reportPath,
        responses: { '200': json(R.reportResponse), '304': notModified, '400': problem, '401': problem, '403': problem, '404': problem },
      },
      put: {
        operationId: 'putReport',
        summary: 'Report or correct (admin, or editor of the organisation). A correction needs If-Match.',
        security: staff('admin', 'editor'),
        parameters: [...reportPath, { ...oa.ifMatch, required: false, description: 'The ETag of the version read; required to correct.' }],
        requestBody: oa.body(oa.ref('ReportInput')),
        responses: {
          '200': json(R.reportResponse, 'Corrected'),
          '201': json(R.reportResponse, 'Reported'),
          ...oa.problems(400, 401, 403, 404, 409, 412, 413, 415, 428),
        },
      },
    },
    '/api/indicators/area': read(
      'getAreaTotals',
      'Area total per period with coverage and method',
      filterParams(ONE_INDICATOR, 'indicator', 'period'),
      json(R.areaResponse),
    ),
    '/api/indicators/compare': read(
      'compareOrganisations',
      'Every organisation side by side for a period (default the latest)',
      filterParams(ONE_INDICATOR, 'indicator', 'period', 'org'),
      json(R.compareResponse),
    ),
    '/api/indicators/series': read(
      'getSeries',
      'Time series of one organisation or the area (every period: `period` is refused)',
      filterParams(ONE_INDICATOR, 'indicator', 'org'),
      json(R.seriesResponse),
    ),
    '/api/indicators/completeness': {
      get: {
        operationId: 'getCompleteness',
        summary: 'Who has not reported the last completed period (staff)',
        security: staff('admin', 'editor'),
        responses: { '200': json(R.completenessResponse), '304': notModified, '401': problem, '403': problem },
      },
    },
    '/api/indicators/export.csv': read(
      'exportCsv',
      'CSV export (Swedish Excel; locale=en for comma and decimal point)',
      filterParams({}, 'indicator', 'period', 'org', 'locale'),
      csv,
    ),
    '/api/indicators/export.json': read(
      'exportJson',
      'Tidy JSON export (SDMX-like)',
      filterParams({}, 'indicator', 'period', 'org'),
      json(R.exportResponse),
    ),
    '/api/indicators/releases': {
      get: {
        operationId: 'listReleases',
        summary: 'Releases: period, revision and date of every release',
        responses: { '200': json(R.releasesResponse), '304': notModified },
      },
      post: {
        operationId: 'makeRelease',
        summary:
          'Make the next release of a period (admin): after its reporting deadline, protected against every earlier release of the period',
        security: staff('admin'),
        requestBody: oa.body(releaseInputSchema()),
        responses: {
          '201': json(R.releaseMadeResponse, 'Released'),
          ...oa.problems(400, 401, 403, 409, 413, 415),
        },
      },
    },
    '/api/indicators/releases/{period}': {
      get: {
        operationId: 'comparePeriodRelease',
        summary: 'Reported against released for a period (staff; editors see their own organisation’s reported figures)',
        security: staff('admin', 'editor'),
        parameters: [pathParam('period')],
        responses: { '200': json(R.periodComparisonResponse), '304': notModified, '401': problem, '403': problem, '404': problem },
      },
    },
    '/api/indicators/import.csv': {
      post: {
        operationId: 'importCsv',
        summary: 'Bulk report in the export’s layout (admin, or editor for its own organisation); all or nothing',
        security: staff('admin', 'editor'),
        requestBody: { required: true, content: { 'text/csv': { schema: { type: 'string' } } } },
        responses: {
          '200': json(R.importResponse, 'Stored'),
          '400': problem,
          '401': problem,
          '403': problem,
          '413': problem,
          '415': problem,
        },
      },
    },
  };
}

/** The report body: validated by `validateReport` against the indicator's unit and breakdown. */
const REPORT_INPUT = {
  type: 'object',
  additionalProperties: false,
  properties: {
    status: { enum: ['reported', 'not-applicable'] },
    value: { type: 'number', description: 'The total.' },
    breakdown: {
      type: 'object',
      description: 'Per dimension, every category: {"gender": {"K": 3, "M": 9}}; counts must sum to the total.',
    },
    denominator: { type: 'integer', description: 'Persons behind a share, mean or median.' },
    denominators: { type: 'object' },
    note: { type: 'string' },
    reason: { type: 'string', description: 'Why an earlier value is corrected.' },
    sample: { type: 'boolean', description: 'Sample data (npm run demo): its releases are marked as such on the public pages.' },
    participated: {
      type: 'integer',
      minimum: 0,
      description:
        'Single-reporter indicators only (e.g. SIP): joint cases taken part in but convened by the other party, who reports them. Staff-only, never published. A value that breaks the rule is refused with 409.',
    },
  },
};

/** The OpenAPI 3.1 document of the indicators API, built on the first request of `/api/indicators/openapi.json`. */
export function indicatorsDocument(ctx: IndicatorsContext): Record<string, unknown> {
  return openApiDocument(ctx.deps.config, {
    title: 'Uppföljning (Follow-up)',
    description:
      'Indicators reported per organisation and period, compared across the area. Public answers show releases only: a period is released after its reporting deadline and revised on schedule, with disclosure control proven over everything published (hidden cells have value null and status "suppressed", whatever the reason). A staff token shows raw figures of the organisations it has rights to.',
    schemas: { ReportInput: REPORT_INPUT },
    paths: paths(),
  });
}
