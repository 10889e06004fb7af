import { oa, type OpenApiPaths } from '../../core/http/openapi.js';

const { problem, ref, query: q, idParam, ifMatch, staff } = oa;

const json = (schema: unknown) => ({ 'application/json': { schema } });
const errors = { '400': problem, '401': problem, '403': problem, '404': problem, '409': problem, '412': problem, '428': problem };

/** Schemas of the calendar API. */
export const calendarSchemas: Record<string, unknown> = {
  EventInput: {
    type: 'object',
    required: ['title', 'topic', 'organizer', 'start', 'end', 'location', 'capacity', 'registrationDeadline'],
    properties: {
      title: { type: 'string', maxLength: 200 },
      description: { type: 'string', maxLength: 5000 },
      topic: { type: 'string', description: 'A training topic id of the area.' },
      organizer: { type: 'string', description: 'Municipality code, `region` or a region unit id.' },
      audienceOrgs: { type: 'array', items: { type: 'string' }, description: 'Empty: open to every organisation.' },
      audienceRoles: { type: 'array', items: { type: 'string' } },
      start: { type: 'string', description: 'ISO 8601 with offset, or Stockholm local time 2026-03-03T13:00.' },
      end: { type: 'string' },
      location: {
        type: 'object',
        properties: { place: { type: 'string' }, address: { type: 'string' }, onlineUrl: { type: 'string', format: 'uri' } },
      },
      language: { type: 'string', default: 'sv' },
      capacity: { type: 'integer', minimum: 1 },
      registrationDeadline: { type: 'string' },
      repeat: { type: 'object', properties: { every: { enum: ['week', 'month'] }, count: { type: 'integer', minimum: 2, maximum: 24 } } },
    },
  },
  Event: {
    allOf: [
      ref('EventInput'),
      {
        type: 'object',
        properties: {
          id: { type: 'string' },
          seriesId: { type: 'string' },
          status: { enum: ['scheduled', 'moved', 'cancelled'] },
          statusReason: { type: 'string' },
          previousStart: { type: 'string' },
          sequence: { type: 'integer' },
          confirmed: { type: 'integer' },
          waitlisted: { type: 'integer' },
          seatsLeft: { type: 'integer' },
        },
      },
    ],
  },
  RegistrationInput: {
    type: 'object',
    additionalProperties: false,
    required: ['name', 'email', 'org'],
    properties: { name: { type: 'string' }, email: { type: 'string', format: 'email' }, org: { type: 'string' }, role: { type: 'string' } },
  },
};

/** Paths of the calendar API. */
export const calendarPaths: OpenApiPaths = {
  '/api/calendar/health': { get: { summary: 'Health', responses: { '200': { description: 'The service answers.' } } } },
  '/api/calendar/events': {
    get: {
      summary: 'Search trainings',
      parameters: [
        q('topic', 'Topic id'),
        q('organizer', 'Organising organisation'),
        q('from', 'Date or date-time'),
        q('to', 'Date or date-time'),
        q('municipality', 'Only trainings open to this organisation'),
        q('seatsLeft', 'Only trainings with free seats', { enum: ['true', 'false'] }),
        q('cursor', 'Opaque cursor from `nextCursor` of the previous page'),
        q('limit', 'Page size', { type: 'integer', minimum: 1, maximum: 200 }),
      ],
      responses: {
        '200': {
          description: 'A page',
          content: json({
            type: 'object',
            properties: {
              items: { type: 'array', items: ref('Event') },
              nextCursor: { type: 'string' },
              next: { type: 'string', deprecated: true, description: 'The same as `nextCursor` (its earlier name).' },
            },
          }),
        },
        '400': problem,
      },
    },
    post: {
      summary: 'Create a training or a series',
      security: staff,
      requestBody: { content: json(ref('EventInput')) },
      responses: { '201': { description: 'Created' }, ...errors },
    },
  },
  '/api/calendar/events/{id}': {
    get: {
      summary: 'Read a training',
      parameters: [idParam],
      responses: { '200': { description: 'The training', content: json(ref('Event')) }, '404': problem },
    },
    put: {
      summary: 'Update or move a training',
      security: staff,
      parameters: [idParam, ifMatch],
      requestBody: { content: json(ref('EventInput')) },
      responses: { '200': { description: 'Updated' }, ...errors },
    },
  },
  '/api/calendar/events/{id}/cancel': {
    post: {
      summary: 'Cancel a training (kept in feeds as cancelled)',
      security: staff,
      parameters: [idParam, ifMatch],
      requestBody: { content: json({ type: 'object', required: ['reason'], properties: { reason: { type: 'string' } } }) },
      responses: { '200': { description: 'Cancelled' }, ...errors },
    },
  },
  '/api/calendar/events/{id}/registrations': {
    post: {
      summary: 'Register (confirmed or waitlisted)',
      parameters: [idParam],
      requestBody: { content: json(ref('RegistrationInput')) },
      responses: { '201': { description: 'Registered; the answer holds the private cancel token' }, ...errors },
    },
    get: {
      summary: 'Registrations (the organiser)',
      security: staff,
      parameters: [idParam],
      responses: { '200': { description: 'Registrations' }, ...errors },
    },
  },
  '/api/calendar/events/{id}/registrations/{token}': {
    delete: {
      summary: 'Cancel a registration by its private token',
      parameters: [idParam, { name: 'token', in: 'path', required: true, schema: { type: 'string' } }],
      responses: { '200': { description: 'Cancelled' }, '404': problem, '410': problem },
    },
  },
  '/api/calendar/attendance': {
    get: {
      summary: 'Confirmed registrations per organisation, quarter and topic',
      security: staff,
      responses: { '200': { description: 'Rows' }, '401': problem },
    },
  },
  '/api/calendar/year': {
    get: {
      summary: 'The year view (kompetenshjul)',
      parameters: [q('year', 'Year', { type: 'integer' })],
      responses: { '200': { description: 'Topics × months and gaps' } },
    },
  },
  '/api/calendar/import': {
    post: {
      summary: "Import a term's programme (semicolon CSV)",
      description: 'At most 500 trainings and 1 MB per file; all rows are stored or none. See docs/calendar.md.',
      security: staff,
      requestBody: { content: { 'text/csv': { schema: { type: 'string' } } } },
      responses: {
        '201': { description: 'Imported' },
        ...errors,
        '413': { ...problem, description: 'More than 500 rows or 1 MB; the problem names `limit` and `rows`.' },
        '415': problem,
      },
    },
  },
  '/api/calendar/purge': {
    post: {
      summary: 'Delete registrations past retention now (admin)',
      security: staff,
      responses: { '200': { description: 'Purged' }, '401': problem, '403': problem },
    },
  },
};
