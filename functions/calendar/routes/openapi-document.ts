import { oa, openApiDocument, queryOf } from '../../core/http/openapi.js';
import { basePaths } from '../../core/http/response-schemas.js';
import type { CalendarContext } from '../context.js';
import { eventQuerySchema } from '../model/filter.js';
import { registrationInputSchema } from '../model/registration-input.js';
import * as R from '../model/responses.js';
import { cancelSchema, createSchema, updateSchema } from './events.js';
import { yearQuery } from '../model/year.js';

const { problem, json, notModified, idParam, ifMatch, staff, body } = oa;

const errors = oa.problems(400, 401, 403, 404, 409, 412, 415, 428);
const QUERY = {
  topic: 'Topic id.',
  organizer: 'Organising organisation.',
  from: 'Date or date-time (Stockholm).',
  to: 'Date or date-time (Stockholm).',
  municipality: 'Only trainings open to this organisation.',
  seatsLeft: 'Only trainings with free seats.',
  limit: 'Page size.',
  year: 'Year (default this year in Stockholm).',
};
const organiser = staff('admin', 'editor');

/** The OpenAPI 3.1 document of the calendar API, built on the first request of `/api/calendar/openapi.json`. */
export function calendarDocument(ctx: CalendarContext): Record<string, unknown> {
  return openApiDocument(ctx.deps.config, {
    title: 'Utbildningar (Trainings)',
    description: 'Trainings of region and municipalities, registration with waitlist, the year view and iCalendar feeds.',
    paths: {
      ...basePaths('/api/calendar'),
      '/api/calendar/events': {
        get: {
          operationId: 'listEvents',
          summary: 'Search trainings',
          parameters: queryOf(eventQuerySchema(), QUERY),
          responses: { '200': json(R.eventsResponse, 'A page'), '304': notModified, '400': problem },
        },
        post: {
          operationId: 'createEvent',
          summary: 'Create a training, or a series with `repeat` (admin, or editor of the organiser)',
          security: organiser,
          requestBody: body(createSchema()),
          responses: { '201': json(R.createdResponse, 'Created'), ...errors },
        },
      },
      '/api/calendar/events/{id}': {
        get: {
          operationId: 'getEvent',
          summary: 'Read a training',
          parameters: [idParam],
          responses: { '200': json(R.eventResponse, 'The training'), '304': notModified, '404': problem },
        },
        put: {
          operationId: 'updateEvent',
          summary: 'Update or move a training (admin, or editor of the organiser; If-Match)',
          security: organiser,
          parameters: [idParam, ifMatch],
          requestBody: body(updateSchema()),
          responses: { '200': json(R.eventResponse, 'Updated'), ...errors },
        },
      },
      '/api/calendar/events/{id}/cancel': {
        post: {
          operationId: 'cancelEvent',
          summary: 'Cancel a training (kept in feeds as cancelled; If-Match)',
          security: organiser,
          parameters: [idParam, ifMatch],
          requestBody: body(cancelSchema()),
          responses: { '200': json(R.eventResponse, 'Cancelled'), ...errors },
        },
      },
      '/api/calendar/events/{id}/registrations': {
        post: {
          operationId: 'register',
          summary: 'Register (confirmed or waitlisted)',
          parameters: [idParam],
          requestBody: body(registrationInputSchema()),
          responses: {
            '201': json(R.registeredResponse, 'Registered; the answer holds the private cancel token'),
            ...oa.problems(400, 403, 404, 409, 413, 415),
          },
        },
        get: {
          operationId: 'listRegistrations',
          summary: 'Registrations (admin, or editor of the organiser)',
          security: organiser,
          parameters: [idParam],
          responses: { '200': json(R.registrationsResponse, 'Registrations'), '401': problem, '403': problem, '404': problem },
        },
      },
      '/api/calendar/events/{id}/registrations/{token}': {
        delete: {
          operationId: 'cancelRegistration',
          summary: 'Cancel a registration by its private token',
          parameters: [idParam, oa.pathParam('token')],
          responses: { '200': json(R.cancelledResponse, 'Cancelled'), '404': problem, '410': problem },
        },
      },
      '/api/calendar/attendance': {
        get: {
          operationId: 'getAttendance',
          summary: 'Confirmed registrations per organisation, quarter and topic (staff)',
          security: organiser,
          responses: { '200': json(R.attendanceResponse, 'Rows'), '401': problem, '403': problem },
        },
      },
      '/api/calendar/year': {
        get: {
          operationId: 'getYear',
          summary: 'The year view (kompetenshjul)',
          parameters: queryOf(yearQuery(), QUERY),
          responses: { '200': json(R.yearResponse, 'Topics × months and gaps'), '304': notModified, '400': problem },
        },
      },
      '/api/calendar/import': {
        post: {
          operationId: 'importProgramme',
          summary: "Import a term's programme (semicolon CSV)",
          description: 'At most 500 trainings and 1 MB per file; all rows are stored or none. See docs/calendar.md.',
          security: organiser,
          requestBody: { required: true, content: { 'text/csv': { schema: { type: 'string' } } } },
          responses: {
            '201': json(R.importedResponse, 'Imported'),
            ...errors,
            '413': { ...problem, description: 'More than 500 rows or 1 MB; the problem names `limit` and `rows`.' },
          },
        },
      },
      '/api/calendar/purge': {
        post: {
          operationId: 'purgeRegistrations',
          summary: 'Delete registrations past retention now (admin)',
          security: staff('admin'),
          responses: { '200': json(R.purgedResponse, 'Purged'), '401': problem, '403': problem },
        },
      },
    },
  });
}
