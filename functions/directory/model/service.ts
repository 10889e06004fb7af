import * as z from 'zod';
import { CARE_LEVELS, PRINCIPALS, SEVERITY_LEVELS, SUBSTANCES, TARGET_GROUPS } from '../../core/domain/vocabulary.js';
import { multiLine, singleLine } from '../../core/text/index.js';
import { termIds } from './vocab.js';
import { once } from '../../core/once.js';

/** Optional multi-line text; text that is empty after normalising counts as left out. */
export const optionalMultiLine = (max: number) =>
  multiLine(max)
    .transform((v) => (v === '' ? undefined : v))
    .optional();
const municipalityCode = once(() => z.string().regex(/^\d{4}$/, 'A municipality code is four digits'));
const time = once(() => z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'A time is HH:MM'));

/** Week days as HSDS `byday` (RFC 5545). */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/** One weekly opening period of a service (HSDS `schedule`). */
export const scheduleSchema = once(() =>
  z.strictObject({
    kind: z.enum(['visiting', 'phone', 'drop-in']).default('visiting'),
    byday: z.array(z.enum(WEEKDAYS)).min(1),
    opensAt: time(),
    closesAt: time(),
    validFrom: z.iso.date().optional(),
    validTo: z.iso.date().optional(),
  }),
);
/** A weekly opening period. */
export type Schedule = z.output<ReturnType<typeof scheduleSchema>>;

/** A place where a service is offered; a confidential address never leaves the API. */
export const locationSchema = once(() =>
  z.strictObject({
    name: singleLine(160).optional(),
    street: singleLine(160).optional(),
    postalCode: z
      .string()
      .regex(/^\d{3} ?\d{2}$/, 'A postal code is five digits')
      .optional(),
    city: singleLine(80).optional(),
    municipality: municipalityCode().optional(),
    latitude: z.number().min(-90).max(90).optional(),
    longitude: z.number().min(-180).max(180).optional(),
    accessibility: optionalMultiLine(600),
    confidential: z.boolean().default(false),
  }),
);
/** A place of a service. */
export type ServiceLocation = z.output<ReturnType<typeof locationSchema>>;

/** A phone number with what it is for. */
export const phoneSchema = once(() =>
  z.strictObject({
    number: z.string().regex(/^\+?[0-9 ()-]{5,20}$/, 'A phone number has 5–20 digits'),
    description: singleLine(160).optional(),
  }),
);

/** The fields staff send to create or replace a service. */
export const serviceInputSchema = once(() =>
  z.strictObject({
    name: singleLine(160),
    description: optionalMultiLine(2000),
    organizationId: z.string().regex(/^(\d{4}|[a-z][a-z0-9-]{0,62})$/, 'An organisation is a municipality code or a region unit id'),
    principal: z.enum(termIds(PRINCIPALS)),
    careLevels: z.array(z.enum(termIds(CARE_LEVELS))).default([]),
    targetGroups: z.array(z.enum(termIds(TARGET_GROUPS))).default([]),
    substances: z.array(z.enum(termIds(SUBSTANCES))).default([]),
    severityLevels: z.array(z.enum(termIds(SEVERITY_LEVELS))).default([]),
    municipalities: z.array(municipalityCode()).default([]),
    referralRequired: z.boolean().nullable().default(null),
    needsAssessmentRequired: z.boolean().nullable().default(null),
    dropIn: z.boolean().default(false),
    anonymous: z.boolean().default(false),
    digitalContact: z.boolean().default(false),
    minimumAge: z.int().min(0).max(120).optional(),
    maximumAge: z.int().min(0).max(120).optional(),
    ageNote: singleLine(80).optional(),
    languages: z.array(z.string().regex(/^[a-z]{2,3}$/)).default(['sv']),
    locations: z.array(locationSchema()).max(20).default([]),
    phones: z.array(phoneSchema()).max(10).default([]),
    email: z.email().optional(),
    url: z.url({ protocol: /^https?$/ }).optional(),
    schedules: z.array(scheduleSchema()).max(30).default([]),
    status: z.enum(['active', 'planned', 'retired']).default('active'),
    source: singleLine(400).optional(),
    steward: singleLine(120).optional(),
    /** Set by staff when they have checked the entry; `true` records now and who. */
    verified: z.boolean().default(false),
  }),
);
/** What staff send for a service. */
export type ServiceInput = z.output<ReturnType<typeof serviceInputSchema>>;

/** Who last changed or verified an entry, and when. */
export interface Stamp {
  readonly at: string;
  readonly by: string;
  /** On `updated`: the history object of the change that wrote this version (see the repository). */
  readonly change?: string;
}

/** A service as stored (HSDS `service` with our Swedish profile). */
export interface Service extends Omit<ServiceInput, 'verified'> {
  readonly id: string;
  readonly created: Stamp;
  readonly updated: Stamp;
  /** When and by whom the entry was last checked; absent while unverified (e.g. seeded). */
  readonly verified?: Stamp;
}
