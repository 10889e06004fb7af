import * as z from 'zod/mini';
import { itemsOf, listPage } from '../../core/http/response-schemas.js';
import { EVENT_STATUSES } from './event.js';

/**
 * What the calendar API answers, as zod schemas for its OpenAPI document (see
 * `core/http/response-schemas.ts`: no handler loads this module).
 */

/** A training as the API shows it (`eventView`): the stored fields, seat counts and links. */
export const eventResponse = z.strictObject({
  id: z.string(),
  seriesId: z.optional(z.string()),
  uid: z.optional(z.string()),
  title: z.string(),
  description: z.string(),
  topic: z.string(),
  organizer: z.string(),
  audienceOrgs: z.array(z.string()),
  audienceRoles: z.array(z.string()),
  start: z.string(),
  end: z.string(),
  location: z.strictObject({ place: z.optional(z.string()), address: z.optional(z.string()), onlineUrl: z.optional(z.string()) }),
  language: z.string(),
  capacity: z.int(),
  registrationDeadline: z.string(),
  status: z.enum(EVENT_STATUSES),
  statusReason: z.optional(z.string()),
  previousStart: z.optional(z.string()),
  sequence: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  confirmed: z.int(),
  waitlisted: z.int(),
  seatsLeft: z.int(),
  links: z.strictObject({ page: z.string(), ics: z.string(), registrations: z.string() }),
});

/** `GET /events`. */
export const eventsResponse = listPage(eventResponse, {
  next: z.optional(z.string().check(z.describe('Deprecated: the same as `nextCursor` (its earlier name).'))),
});

/** `POST /events`: one training, or a series (with `repeat`). */
export const createdResponse = z.union([eventResponse, z.strictObject({ seriesId: z.string(), items: z.array(eventResponse) })]);

/** `POST /events/{id}/registrations`: the place given and the private cancel token. */
export const registeredResponse = z.strictObject({
  id: z.string(),
  status: z.enum(['confirmed', 'waitlisted']),
  waitlistPosition: z.optional(z.int()),
  cancelToken: z.string(),
  cancelUrl: z.string(),
});

/** `DELETE /events/{id}/registrations/{token}`. */
export const cancelledResponse = z.strictObject({
  status: z.literal('cancelled'),
  promoted: z.int().check(z.describe('Waitlisted registrations that got the seat.')),
});

/** `GET /events/{id}/registrations` (the organiser). */
export const registrationsResponse = z.strictObject({
  capacity: z.int(),
  items: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      email: z.string(),
      org: z.string(),
      role: z.optional(z.string()),
      status: z.enum(['confirmed', 'waitlisted', 'cancelled']),
      createdAt: z.string(),
    }),
  ),
});

/** `GET /attendance` (staff). */
export const attendanceResponse = itemsOf(z.strictObject({ org: z.string(), period: z.string(), topic: z.string(), count: z.int() }));

/** `GET /year`: topics × months (event ids) and the topics with nothing planned. */
export const yearResponse = z.strictObject({
  year: z.int(),
  topics: z.array(z.strictObject({ topic: z.string(), months: z.array(z.array(z.string())), total: z.int() })),
  gaps: z.array(z.string()),
});

/** `POST /import`. */
export const importedResponse = z.strictObject({ imported: z.int(), ids: z.array(z.string()) });

/** `POST /purge` (admin). */
export const purgedResponse = z.strictObject({ purged: z.int() });
