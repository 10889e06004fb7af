import { oa, openApiDocument, queryOf } from '../../core/http/openapi.js';
import { basePaths } from '../../core/http/response-schemas.js';
import type { FeedbackContext } from '../context.js';
import * as R from '../responses.js';
import { QUARTER } from '../data/keys.js';
import { quartersInRetention } from '../summary/build.js';
import { auditQuery } from './audit.js';
import { summaryQuery } from '../summary/periods.js';
import { change, submissionsQuery } from './moderation.js';

const { problem, json, text, notModified, staff, ifMatch } = oa;

const moderator = staff('moderator', 'admin');
const id = oa.pathParam('id', { type: 'string', pattern: '^\\d{13}-[A-Za-z0-9]{1,64}$' });
const QUERY = {
  period: 'A quarter within the retention period.',
  malbild: 'Only submissions tagged with this målbild.',
  municipality: 'Only submissions about this municipality (SCB code).',
  status: 'Only submissions in this moderation state.',
  limit: 'Page size.',
};
const mine = { '401': problem, '403': problem };

/** The OpenAPI 3.1 document of the feedback API, built on the first request of `/api/feedback/openapi.json`. */
export function feedbackDocument(ctx: FeedbackContext): Record<string, unknown> {
  // the quarters kept move with the clock, and the document is built once: the parameter's enum
  // becomes the quarter pattern (a quarter outside the retention period is a 400)
  const summaryParams = queryOf(summaryQuery(quartersInRetention(ctx)), QUERY).map((p) =>
    p.name === 'period' ? { ...p, schema: { type: 'string', pattern: QUARTER.source } } : p,
  );
  return openApiDocument(ctx.deps.config, {
    title: 'Tyck till (Have your say)',
    description: 'The feedback API of the county kit: moderation (role moderator) and the public summaries.',
    paths: {
      ...basePaths('/api/feedback'),
      '/api/feedback/summary': {
        get: {
          operationId: 'getSummary',
          summary: 'Public summary: counts per målbild × quarter × municipality (small counts suppressed) and published quotes',
          parameters: summaryParams,
          responses: { '200': json(R.summaryResponse), '304': notModified, '400': problem },
        },
      },
      '/api/feedback/summary.csv': {
        get: {
          operationId: 'getSummaryCsv',
          summary: 'The summary counts as CSV (UTF-8 with BOM, semicolon, CRLF; `..` in the status column for suppressed cells)',
          parameters: summaryParams,
          responses: { '200': text('text/csv', 'CSV'), '304': notModified, '400': problem },
        },
      },
      '/api/feedback/submissions': {
        get: {
          operationId: 'listSubmissions',
          summary: 'List submissions (moderator), oldest first, filtered and paged by an opaque cursor',
          security: moderator,
          parameters: queryOf(submissionsQuery(), QUERY),
          responses: { '200': json(R.submissionsResponse), '400': problem, ...mine },
        },
      },
      '/api/feedback/submissions/{id}': {
        get: {
          operationId: 'getSubmission',
          summary: 'One submission with its moderation state (ETag) and, while kept, its contact details',
          security: moderator,
          parameters: [id],
          responses: { '200': json(R.submissionResponse), '404': problem, ...mine },
        },
        patch: {
          operationId: 'moderateSubmission',
          summary: 'Change status (new, reviewed, published, hidden), theme tags or the quote; needs If-Match (`"new"` the first time)',
          security: moderator,
          parameters: [id, ifMatch],
          requestBody: oa.body(change()),
          responses: {
            '200': json(R.moderatedResponse, 'The new state, with its ETag.'),
            ...oa.problems(400, 404, 412, 415, 428),
            ...mine,
          },
        },
      },
      '/api/feedback/submissions/{id}/contact': {
        delete: {
          operationId: 'deleteContact',
          summary: 'Delete the contact details after answering',
          security: moderator,
          parameters: [id],
          responses: { '204': { description: 'Deleted.' }, '404': problem, ...mine },
        },
      },
      '/api/feedback/audit': {
        get: {
          operationId: 'listAudit',
          summary: 'The moderators’ actions (who, when, which submission, which fields; never the text), paged by cursor',
          security: moderator,
          parameters: queryOf(auditQuery(), QUERY),
          responses: { '200': json(R.auditResponse), '400': problem, ...mine },
        },
      },
    },
  });
}
