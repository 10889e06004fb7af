import { oa, type OpenApiPaths } from '../../core/http/openapi.js';
import { HSDS_PATHS } from './openapi-hsds.js';

const { problem, ref, query: q, idParam, ifMatch, staff } = oa;

const json = (schema: unknown, description = 'OK') => ({ description, content: { 'application/json': { schema } } });
const cursor = q('cursor', 'Opaque cursor from `nextCursor` of the previous page.');
const limit = q('limit', 'Page size 1–100.', { type: 'integer', minimum: 1, maximum: 100 });
const list = (item: string) => ({
  type: 'object',
  properties: { total: { type: 'integer' }, items: { type: 'array', items: ref(item) }, nextCursor: { type: 'string' } },
});
const cached = { '304': { description: 'Not modified (If-None-Match matched).' }, '400': problem };
const writes = { '400': problem, '401': problem, '403': problem, '404': problem, '412': problem, '415': problem, '428': problem };

function entryPaths(path: string, schema: string, input: string, label: string): OpenApiPaths {
  return {
    [`${path}/{id}`]: {
      get: { summary: `Read one ${label}`, parameters: [idParam], responses: { '200': json(ref(schema)), '404': problem, ...cached } },
      put: {
        summary: `Replace a ${label} (staff; If-Match required)`,
        security: staff,
        parameters: [idParam, ifMatch],
        requestBody: { required: true, content: { 'application/json': { schema: ref(input) } } },
        responses: { '200': json(ref(schema)), ...writes },
      },
      delete: {
        summary: `Retire a ${label} (staff; If-Match required)`,
        security: staff,
        parameters: [idParam, ifMatch],
        responses: { '200': json(ref(schema)), ...writes },
      },
    },
    [`${path}/{id}/history`]: {
      get: {
        summary: `Every change of a ${label}, with who and when (staff)`,
        security: staff,
        parameters: [idParam],
        responses: { '200': json({ type: 'object' }), '401': problem, '404': problem },
      },
    },
  };
}

/** Every route of the directory API, for `/api/directory/openapi.json`. */
export const DIRECTORY_PATHS: OpenApiPaths = {
  '/api/directory/health': { get: { summary: 'Health', responses: { '200': { description: 'The service answers.' } } } },
  '/api/directory/openapi.json': { get: { summary: 'This document', responses: { '200': json({ type: 'object' }) } } },
  '/api/directory/services': {
    get: {
      summary: 'Search and list services',
      description:
        'Free text ranks name above vocabulary labels and places above description; spellings without å/ä/ö match but rank below exact ones; words from four letters match as prefixes, longer words allow about one typo in five letters; synonyms come from the area config. Filters are applied before ranking; repeated values of one filter mean OR. `matchedFields` tells why a service matched. When no service has every word, services matching some words are returned and `matchedAllWords` is false.',
      parameters: [
        q('q', 'Free text.'),
        q('municipality', 'SCB municipality code(s) of this area; services serving the whole area are included.'),
        q('targetGroup', 'Target group id(s).'),
        q('substance', 'Substance id(s), gambling included.'),
        q('principal', 'Principal id(s).'),
        q('careLevel', 'Care level id(s).'),
        q('noReferral', 'Only services that need no referral.', { type: 'boolean' }),
        q('openNow', 'Only services open now (visiting or drop-in hours, Europe/Stockholm, closed on public holidays).', {
          type: 'boolean',
        }),
        q('language', 'ISO 639 code(s) of a language offered.'),
        q('age', 'Age in years that the service accepts.', { type: 'integer', minimum: 0, maximum: 120 }),
        cursor,
        limit,
      ],
      responses: { '200': json(list('ServiceHit')), ...cached },
    },
    post: {
      summary: 'Create a service (staff: admin, or editor of its organisation)',
      security: staff,
      requestBody: { required: true, content: { 'application/json': { schema: ref('ServiceInput') } } },
      responses: { '201': json(ref('Service'), 'Created'), ...writes },
    },
  },
  ...entryPaths('/api/directory/services', 'Service', 'ServiceInput', 'service'),
  '/api/directory/services.csv': {
    get: {
      summary: "Export services as CSV for Excel (UTF-8 with BOM, semicolons, CRLF; formulas and codes as text with a leading ')",
      responses: { '200': { description: 'CSV', content: { 'text/csv': {} } }, '304': cached['304'] },
    },
    post: {
      summary: 'Import services from CSV (staff); all rows or nothing, with row and column of every error; unchanged rows store nothing',
      security: staff,
      requestBody: { required: true, content: { 'text/csv': { schema: { type: 'string' } } } },
      responses: {
        '200': json({
          type: 'object',
          properties: {
            imported: { type: 'integer' },
            changed: { type: 'integer' },
            ids: { type: 'array', items: { type: 'string' } },
            changedIds: { type: 'array', items: { type: 'string' } },
          },
        }),
        '400': problem,
        '401': problem,
        '403': problem,
        '413': problem,
        '415': problem,
      },
    },
  },
  '/api/directory/organizations': {
    get: { summary: 'The area’s organisations', responses: { '200': json({ type: 'object' }), ...cached } },
  },
  '/api/directory/organizations/{id}': {
    get: {
      summary: 'One organisation with its services, groups and agreements',
      parameters: [idParam],
      responses: { '200': json({ type: 'object' }), '404': problem, ...cached },
    },
  },
  '/api/directory/groups': {
    get: {
      summary: 'Collaboration groups',
      parameters: [q('municipality', 'Only groups with this member municipality.'), cursor, limit],
      responses: { '200': json(list('Group')), ...cached },
    },
    post: {
      summary: 'Create a group (staff)',
      security: staff,
      requestBody: { required: true, content: { 'application/json': { schema: ref('GroupInput') } } },
      responses: { '201': json(ref('Group'), 'Created'), ...writes },
    },
  },
  ...entryPaths('/api/directory/groups', 'Group', 'GroupInput', 'collaboration group'),
  '/api/directory/groups/{id}/meetings.ics': {
    get: {
      summary: "A group's meetings as an iCalendar feed (one UID per meeting; no named contacts)",
      parameters: [idParam],
      responses: {
        '200': { description: 'OK', content: { 'text/calendar': { schema: { type: 'string' } } } },
        '404': problem,
        ...cached,
      },
    },
  },
  '/api/directory/plans': {
    get: { summary: 'Action plans with progress and overdue items', responses: { '200': json({ type: 'object' }), ...cached } },
    post: {
      summary: 'Create an action plan (staff of the owner)',
      security: staff,
      requestBody: { required: true, content: { 'application/json': { schema: ref('PlanInput') } } },
      responses: { '201': json({ type: 'object' }, 'Created'), ...writes },
    },
  },
  ...entryPaths('/api/directory/plans', 'Plan', 'PlanInput', 'action plan'),
  '/api/directory/plans/{id}/items/{itemId}': {
    put: {
      summary: "Update an item's status and add a dated note (staff of the responsible organisation; If-Match of the plan)",
      security: staff,
      parameters: [idParam, { name: 'itemId', in: 'path', required: true, schema: { type: 'string' } }, ifMatch],
      requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } },
      responses: { '200': json({ type: 'object' }), ...writes },
    },
  },
  '/api/directory/plans/{id}/items.csv': {
    get: {
      summary: "A plan's items as Swedish Excel CSV",
      parameters: [idParam],
      responses: { '200': { description: 'OK', content: { 'text/csv': { schema: { type: 'string' } } } }, '404': problem, ...cached },
    },
    post: {
      summary: "Replace a plan's items from CSV: all rows or none, errors by row and column (staff of the owner; If-Match)",
      security: staff,
      parameters: [idParam, ifMatch],
      requestBody: { required: true, content: { 'text/csv': { schema: { type: 'string' } } } },
      responses: { '200': json({ type: 'object' }), ...writes },
    },
  },
  '/api/directory/agreements': {
    get: {
      summary: 'Agreements',
      parameters: [
        q('expiringWithinDays', 'Only agreements ending within this many days (not yet ended).', { type: 'integer', minimum: 0 }),
        q('expired', 'true: only ended agreements; false: only those in force.', { type: 'boolean' }),
        q('party', 'Only agreements with this party.'),
        cursor,
        limit,
      ],
      responses: { '200': json(list('Agreement')), ...cached },
    },
    post: {
      summary: 'Create an agreement (staff)',
      security: staff,
      requestBody: { required: true, content: { 'application/json': { schema: ref('AgreementInput') } } },
      responses: { '201': json(ref('Agreement'), 'Created'), ...writes },
    },
  },
  ...entryPaths('/api/directory/agreements', 'Agreement', 'AgreementInput', 'agreement'),
  '/api/directory/coordinator/unverified': {
    get: {
      summary: 'Entries not verified in the last 180 days (staff)',
      security: staff,
      responses: { '200': json({ type: 'object' }), '401': problem },
    },
  },
  '/api/directory/coordinator/agreements-ending': {
    get: {
      summary: 'Agreements ending or due for review within 90 days, with the reasons (staff)',
      security: staff,
      responses: { '200': json({ type: 'object' }), '401': problem },
    },
  },
  '/api/directory/coordinator/agreements-without-goals': {
    get: {
      summary: 'Agreements not ended that have no goals (staff)',
      security: staff,
      responses: { '200': json({ type: 'object' }), '401': problem },
    },
  },
  '/api/directory/coordinator/overdue-items': {
    get: {
      summary: 'Overdue action-plan items across the area (staff)',
      security: staff,
      responses: { '200': json({ type: 'object' }), '401': problem },
    },
  },
  '/api/directory/coordinator/gaps': {
    get: {
      summary: 'Municipalities with no active service for a target group (staff)',
      security: staff,
      parameters: [q('targetGroup', 'Only this target group.')],
      responses: { '200': json({ type: 'object' }), '400': problem, '401': problem },
    },
  },
  ...HSDS_PATHS,
};
