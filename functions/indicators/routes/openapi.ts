import { Hono } from 'hono';
import { cachedResponse } from '../../core/http/cache.js';
import { openApiDocument } from '../../core/http/openapi.js';
import type { KitEnv } from '../../core/http/staff.js';
import type { IndicatorsContext } from '../context.js';

const problem = { $ref: '#/components/responses/Problem' };
const q = (name: string, description: string, required = false) => ({
  name,
  in: 'query',
  required,
  description,
  schema: { type: 'string' },
});
const filters = [
  q('indicator', 'Indicator id (see /definitions).'),
  q('period', 'Period: 2026, 2026-Q3 or 2026-03 by the indicator’s frequency.'),
  q('org', 'Organisation: municipality code, `region`, a region unit id or `area` for the aggregate.'),
];
const json = (description: string, schema: Record<string, unknown> = { type: 'object' }) => ({
  description,
  content: { 'application/json': { schema } },
});
const get = (summary: string, parameters: unknown[], ok = json('OK')) => ({
  get: { summary, parameters, responses: { '200': ok, '304': { description: 'Not modified (If-None-Match)' }, '400': problem } },
});
const reportPath = [
  { name: 'indicator', in: 'path', required: true, schema: { type: 'string' } },
  { name: 'period', in: 'path', required: true, schema: { type: 'string' } },
  { name: 'org', in: 'path', required: true, schema: { type: 'string' } },
];

/** `/api/indicators/openapi.json`: the OpenAPI 3.1 document of the indicators API. */
export function openApiRoute(ctx: IndicatorsContext) {
  const app = new Hono<KitEnv>();
  const body = JSON.stringify(
    openApiDocument(ctx.deps.config, {
      title: 'Uppföljning (Follow-up)',
      description:
        'Indicators reported per organisation and period, compared across the area. Public answers show releases only: a period is released after its reporting deadline and revised on schedule, with disclosure control proven over everything published (hidden cells have value null and status "suppressed", whatever the reason). A staff token shows raw figures of the organisations it has rights to.',
      schemas: {
        Observation: {
          type: 'object',
          required: ['indicator', 'organization', 'period', 'breakdown', 'category', 'value', 'status'],
          properties: {
            indicator: { type: 'string' },
            organization: { type: 'string' },
            period: { type: 'string' },
            breakdown: { type: 'string' },
            category: { type: 'string' },
            unit: { type: 'string' },
            value: { type: ['number', 'null'] },
            status: { enum: ['reported', 'not-reported', 'suppressed', 'not-applicable', 'not-yet-available'] },
            method: { type: 'string' },
            coverage: { type: 'object' },
          },
        },
        ReportInput: {
          type: 'object',
          properties: {
            status: { enum: ['reported', 'not-applicable'] },
            value: { type: 'number', description: 'The total.' },
            breakdown: {
              type: 'object',
              description: 'Per dimension, every category: {"gender": {"K": 3, "M": 9}}; counts must sum to the total.',
            },
            denominator: { type: 'integer', description: 'Persons behind a share, mean or median.' },
            denominators: { type: 'object' },
            participated: {
              type: 'integer',
              description:
                'Single-reporter indicators only: joint cases taken part in but convened by the other party (staff-only, never published).',
            },
            note: { type: 'string' },
            reason: { type: 'string', description: 'Why an earlier value is corrected.' },
          },
        },
      },
      paths: {
        '/api/indicators/health': { get: { summary: 'Health', responses: { '200': { description: 'The service answers.' } } } },
        '/api/indicators/definitions': get('The area’s indicators with their definitions (Swedish and English) and counting rules', []),
        '/api/indicators/definitions.csv': get(
          'The definitions as CSV (Swedish Excel; locale=en for comma)',
          [q('locale', 'sv (default) or en')],
          {
            description: 'CSV',
            content: { 'text/csv': { schema: { type: 'string' } } },
          } as never,
        ),
        '/api/indicators/values': get('Observations in tidy form, paged', [...filters, q('cursor', 'Opaque cursor'), q('limit', '1–5000')]),
        '/api/indicators/values/{indicator}/{period}/{org}': {
          get: {
            summary: 'One organisation’s report with its history (staff)',
            security: [{ staffToken: [] }],
            parameters: reportPath,
            responses: { '200': json('The report'), '401': problem, '403': problem, '404': problem },
          },
          put: {
            summary: 'Report or correct (editor of the organisation, or admin). A correction needs If-Match.',
            security: [{ staffToken: [] }],
            parameters: reportPath,
            requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/ReportInput' } } } },
            responses: {
              '200': json('Corrected'),
              '201': json('Reported'),
              '400': problem,
              '401': problem,
              '403': problem,
              '409': problem,
              '412': problem,
              '415': problem,
              '428': problem,
            },
          },
        },
        '/api/indicators/area': get('Area total per period with coverage and method', filters.slice(0, 2)),
        '/api/indicators/compare': get('Every organisation side by side for a period (default the latest)', filters),
        '/api/indicators/series': get('Time series of one organisation or the area', [filters[0], filters[2]]),
        '/api/indicators/completeness': {
          get: {
            summary: 'Who has not reported the last completed period (staff)',
            security: [{ staffToken: [] }],
            responses: { '200': json('OK'), '401': problem },
          },
        },
        '/api/indicators/export.csv': get(
          'CSV export (Swedish Excel; locale=en for comma and decimal point)',
          [...filters, q('locale', 'sv (default) or en')],
          {
            description: 'CSV',
            content: { 'text/csv': { schema: { type: 'string' } } },
          } as never,
        ),
        '/api/indicators/export.json': get('Tidy JSON export (SDMX-like)', filters),
        '/api/indicators/releases': {
          ...get('Releases: period, revision and date of every release', []),
          post: {
            summary:
              'Make the next release of a period (admin): after its reporting deadline, protected against every earlier release of the period',
            security: [{ staffToken: [] }],
            requestBody: {
              required: true,
              content: {
                'application/json': {
                  schema: { type: 'object', required: ['period'], properties: { period: { type: 'string', examples: ['2026-Q3'] } } },
                },
              },
            },
            responses: { '201': json('Released'), '400': problem, '401': problem, '403': problem, '409': problem, '415': problem },
          },
        },
        '/api/indicators/releases/{period}': {
          get: {
            summary: 'Reported against released for a period (staff)',
            security: [{ staffToken: [] }],
            parameters: [{ name: 'period', in: 'path', required: true, schema: { type: 'string' } }],
            responses: { '200': json('OK'), '401': problem, '403': problem, '404': problem },
          },
        },
        '/api/indicators/import.csv': {
          post: {
            summary: 'Bulk report in the export’s layout; all or nothing',
            security: [{ staffToken: [] }],
            requestBody: { required: true, content: { 'text/csv': { schema: { type: 'string' } } } },
            responses: { '200': json('Stored'), '400': problem, '401': problem, '413': problem, '415': problem },
          },
        },
      },
    }),
  );
  app.get('/', (c) => cachedResponse(c, body, { maxAge: 300 }));
  return app;
}
