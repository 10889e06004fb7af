import type { OpenApiPaths } from '../../core/http/openapi.js';

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});
const moderator = [{ staffToken: [] }];
const id = { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^\\d{13}-[A-Za-z0-9]{1,64}$' } };
const period = {
  name: 'period',
  in: 'query',
  schema: { type: 'string', pattern: '^\\d{4}-Q[1-4]$' },
  description: 'A quarter within the retention period.',
};

/** The paths of the feedback API, for its OpenAPI document. */
export const FEEDBACK_PATHS: OpenApiPaths = {
  '/api/feedback/health': { get: { summary: 'Health', responses: { '200': { description: 'The service answers.' } } } },
  '/api/feedback/summary': {
    get: {
      summary: 'Public summary: counts per målbild × quarter × municipality (small counts suppressed) and published quotes',
      parameters: [period],
      responses: {
        '200': { description: 'The summary; ETag and Cache-Control, 304 on If-None-Match.' },
        '400': problem('Unknown quarter.'),
      },
    },
  },
  '/api/feedback/summary.csv': {
    get: {
      summary: 'The summary counts as CSV (UTF-8 with BOM, semicolon, CRLF; `..` in the status column for suppressed cells)',
      parameters: [period],
      responses: { '200': { description: 'CSV', content: { 'text/csv': {} } }, '400': problem('Unknown quarter.') },
    },
  },
  '/api/feedback/submissions': {
    get: {
      summary: 'List submissions (role moderator), oldest first, filtered and paged by an opaque cursor',
      security: moderator,
      parameters: ['malbild', 'municipality', 'status', 'cursor', 'limit']
        .map((name) => ({ name, in: 'query', schema: { type: 'string' } }))
        .concat([period]),
      responses: {
        '200': { description: '`{ items, nextCursor? }` (`cursor`, the earlier name of `nextCursor`, is still sent, deprecated)' },
        '400': problem('Bad filter, or a malformed cursor or one of another list.'),
        '401': problem('No valid token.'),
        '403': problem('Not a moderator.'),
      },
    },
  },
  '/api/feedback/submissions/{id}': {
    get: {
      summary: 'One submission with its moderation state (ETag) and, while kept, its contact details',
      security: moderator,
      parameters: [id],
      responses: { '200': { description: 'The submission.' }, '404': problem('No such submission or older than the retention.') },
    },
    patch: {
      summary: 'Change status (new, reviewed, published, hidden), theme tags or the quote; needs If-Match (`"new"` the first time)',
      security: moderator,
      parameters: [id, { name: 'If-Match', in: 'header', required: true, schema: { type: 'string' } }],
      requestBody: {
        content: {
          'application/json': {
            schema: {
              type: 'object',
              additionalProperties: false,
              properties: {
                status: { enum: ['new', 'reviewed', 'published', 'hidden'] },
                tags: { type: 'array', items: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,39}$' } },
                quote: {
                  type: ['string', 'null'],
                  maxLength: 1000,
                  description:
                    'Words of the submission; NFC, line breaks allowed, no control or bidi-override characters, not only invisible characters; stored redacted.',
                },
              },
            },
          },
        },
      },
      responses: {
        '200': { description: 'The new state, with its ETag.' },
        '400': problem('Bad change: the problem names the field (`quote`, `tags.N`, …) with a Swedish and an English message.'),
        '412': problem('Stale If-Match.'),
        '428': problem('If-Match missing.'),
      },
    },
  },
  '/api/feedback/submissions/{id}/contact': {
    delete: {
      summary: 'Delete the contact details after answering',
      security: moderator,
      parameters: [id],
      responses: { '204': { description: 'Deleted.' } },
    },
  },
  '/api/feedback/audit': {
    get: {
      summary: 'The moderators’ actions (who, when, which submission, which fields; never the text), paged by cursor',
      security: moderator,
      parameters: ['cursor', 'limit'].map((name) => ({ name, in: 'query', schema: { type: 'string' } })),
      responses: {
        '200': { description: '`{ items, nextCursor? }` (`cursor`, the earlier name of `nextCursor`, is still sent, deprecated)' },
        '400': problem('A malformed cursor or one of another list.'),
      },
    },
  },
};
