import * as z from 'zod';
import type { CountyConfig } from '../../core/config/schema.js';
import { badRequest, type FieldError } from '../../core/http/problem.js';
import { multiLine, singleLine } from '../../core/text/index.js';
import { stockholmLocalToDate, toStockholmIso } from '../../core/i18n.js';
import { AUDIENCE_ROLES, organisations, trainingTopics } from './vocabulary.js';
import { YEARS } from './year.js';
import { once } from '../../core/once.js';

/** The states of a training. */
export const EVENT_STATUSES = ['scheduled', 'moved', 'cancelled'] as const;
/** One state of a training. */
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** Where a training takes place: a place, a digital link, or both. */
export interface EventLocation {
  readonly place?: string;
  readonly address?: string;
  readonly onlineUrl?: string;
}

/** A training as stored (`calendar/events/<id>.json`). Times are ISO 8601 with the Stockholm offset. */
export interface CalendarEvent {
  readonly id: string;
  readonly seriesId?: string;
  /** The iCalendar UID, fixed when the training is created so a later domain change never alters it. */
  readonly uid?: string;
  readonly title: string;
  readonly description: string;
  readonly topic: string;
  /** The organising organisation (municipality code, `region` or a region unit id). */
  readonly organizer: string;
  /** Organisations the training is open to; empty means every organisation in the area. */
  readonly audienceOrgs: readonly string[];
  readonly audienceRoles: readonly string[];
  readonly start: string;
  readonly end: string;
  readonly location: EventLocation;
  readonly language: string;
  readonly capacity: number;
  readonly registrationDeadline: string;
  readonly status: EventStatus;
  readonly statusReason?: string;
  readonly previousStart?: string;
  /** iCalendar SEQUENCE: increases on every change. */
  readonly sequence: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

const time = once(() =>
  z
    .string()
    .max(40)
    .refine((s) => parseTime(s) !== undefined, {
      message: 'A date-time: 2026-03-03T13:00 (Stockholm) or ISO 8601 with offset',
      params: { sv: 'Skriv en tid som 2026-03-03 13:00' },
    }),
);

/**
 * The fields staff send to create or replace a training (the CSV import fills the same shape).
 * Text is NFC; single-line fields refuse control, bidi-override and invisible-only text.
 */
export const eventInputSchema = once(() =>
  z.strictObject({
    title: singleLine(200),
    description: multiLine(5000).default(''),
    topic: singleLine(60),
    organizer: singleLine(60),
    audienceOrgs: z.array(singleLine(60)).max(400).default([]),
    audienceRoles: z.array(singleLine(60)).max(20).default([]),
    start: time(),
    end: time(),
    location: z
      .strictObject({
        place: singleLine(200).optional(),
        address: singleLine(300).optional(),
        onlineUrl: z
          .url({ protocol: /^https$/ })
          .max(500)
          .optional(),
      })
      .refine((l) => l.place || l.onlineUrl, {
        message: 'Give a place, a digital link or both',
        params: { sv: 'Ange en plats, en digital länk eller båda' },
      }),
    language: z
      .string()
      .regex(/^[a-z]{2,3}$/)
      .default('sv'),
    capacity: z.int().min(1).max(10000),
    registrationDeadline: time(),
  }),
);

/** Validated input for a training. */
export type EventInput = z.output<ReturnType<typeof eventInputSchema>>;

/** Parse a Stockholm wall-clock time or an ISO instant with offset; `undefined` when malformed. */
export function parseTime(value: string): Date | undefined {
  let date: Date | undefined;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) date = stockholmLocalToDate(value);
  else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) date = new Date(value);
  if (!date || Number.isNaN(date.getTime())) return undefined;
  // Within the years the year view offers, counted in Stockholm.
  const year = Number(toStockholmIso(date).slice(0, 4));
  return year < YEARS.first || year > YEARS.last ? undefined : date;
}

/** The times of an input, normalised to Stockholm ISO. */
export interface EventTimes {
  readonly start: string;
  readonly end: string;
  readonly registrationDeadline: string;
}

/**
 * Check what a schema cannot see alone: known topic, organisations and roles, end after start, a
 * deadline no later than the start. Throws 400 problem naming every bad field.
 */
export function checkEventInput(config: CountyConfig, input: EventInput): EventTimes {
  const errors: FieldError[] = [];
  const orgs = new Set(organisations(config).map((o) => o.id));
  if (!trainingTopics(config).some((t) => t.id === input.topic))
    errors.push({ field: 'topic', message: `Unknown topic ${input.topic}`, sv: 'Okänt ämne' });
  if (!orgs.has(input.organizer))
    errors.push({ field: 'organizer', message: `Unknown organisation ${input.organizer}`, sv: 'Okänd organisation' });
  input.audienceOrgs.forEach((o, i) => {
    if (!orgs.has(o)) errors.push({ field: `audienceOrgs.${i}`, message: `Unknown organisation ${o}`, sv: 'Okänd organisation' });
  });
  input.audienceRoles.forEach((r, i) => {
    if (!AUDIENCE_ROLES.some((x) => x.id === r))
      errors.push({ field: `audienceRoles.${i}`, message: `Unknown role ${r}`, sv: 'Okänd roll' });
  });
  const start = parseTime(input.start) as Date;
  const end = parseTime(input.end) as Date;
  const deadline = parseTime(input.registrationDeadline) as Date;
  if (end <= start) errors.push({ field: 'end', message: 'The end must be after the start', sv: 'Sluttiden måste vara efter starttiden' });
  if (deadline > start)
    errors.push({
      field: 'registrationDeadline',
      message: 'The registration deadline must not be after the start',
      sv: 'Sista anmälningsdag får inte vara efter starten',
    });
  if (errors.length) throw badRequest(errors);
  return { start: toStockholmIso(start), end: toStockholmIso(end), registrationDeadline: toStockholmIso(deadline) };
}

/** Whether a change of `next` against `prev` moves the training (its start or end changed). */
export function isMove(prev: CalendarEvent, next: EventTimes): boolean {
  return Date.parse(prev.start) !== Date.parse(next.start) || Date.parse(prev.end) !== Date.parse(next.end);
}

/** Whether the training is open to staff of organisation `org`. */
export function openTo(event: CalendarEvent, org: string): boolean {
  return event.audienceOrgs.length === 0 || event.audienceOrgs.includes(org) || event.organizer === org;
}
