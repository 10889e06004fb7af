import * as z from 'zod';
import type { CountyConfig } from '../../core/config/schema.js';
import { CARE_LEVELS, PRINCIPALS, SUBSTANCES, TARGET_GROUPS } from '../../core/domain/vocabulary.js';
import type { Service } from '../model/service.js';
import { termIds } from '../model/vocab.js';
import { openNow } from './open-now.js';

/** One or more values of a query parameter, repeated (`?a=x&a=y`) or comma separated. */
function many<T extends z.ZodType<string, string>>(item: T) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(item).max(20));
}

const flag = () => z.enum(['true', 'false', '1', '0', '']).transform((v) => v === 'true' || v === '1');

/** The query parameters of `GET /api/directory/services` (DESIGN.md's route table), checked against the area. */
export function serviceQuerySchema(config: CountyConfig) {
  const codes = config.municipalities.map((m) => m.code);
  return z.object({
    q: z.string().max(200).optional(),
    municipality: many(z.string().refine((c) => codes.includes(c), 'Not a municipality of this area')).optional(),
    targetGroup: many(z.enum(termIds(TARGET_GROUPS))).optional(),
    substance: many(z.enum(termIds(SUBSTANCES))).optional(),
    principal: many(z.enum(termIds(PRINCIPALS))).optional(),
    careLevel: many(z.enum(termIds(CARE_LEVELS))).optional(),
    noReferral: flag().optional(),
    openNow: flag().optional(),
    language: many(z.string().refine((l) => config.languages.includes(l), 'Not a language of this area')).optional(),
    age: z
      .string()
      .regex(/^\d{1,3}$/, 'Age in whole years')
      .transform(Number)
      .pipe(z.number().max(120))
      .optional(),
    includeRetired: flag().optional(),
    cursor: z.string().max(200).optional(),
    limit: z
      .string()
      .regex(/^\d{1,3}$/, 'A whole number 1–100')
      .transform(Number)
      .pipe(z.number().min(1).max(100))
      .optional(),
    lang: z.enum(['sv', 'en']).optional(),
  });
}
/** Parsed service query. */
export type ServiceQuery = z.output<ReturnType<typeof serviceQuerySchema>>;

/**
 * Whether a service passes every filter of `query` at instant `now`, as one test for checking
 * many services: only the
 * filters the query sets are checked, the costly "open now" last.
 *
 * @example
 * const allowed = serviceFilter(query, new Date());
 * const found = services.filter(allowed);
 */
export function serviceFilter(query: ServiceQuery, now: Date): (service: Service) => boolean {
  const checks: Array<(service: Service) => boolean> = [];
  const anyOf = (wanted: readonly string[] | undefined, have: (service: Service) => readonly string[]) => {
    if (wanted?.length) checks.push((service) => wanted.some((w) => have(service).includes(w)));
  };
  if (!query.includeRetired) checks.push((service) => service.status !== 'retired');
  const municipalities = query.municipality;
  // a service that names no municipality serves the whole area
  if (municipalities?.length)
    checks.push((service) => service.municipalities.length === 0 || municipalities.some((m) => service.municipalities.includes(m)));
  anyOf(query.targetGroup, (service) => service.targetGroups);
  anyOf(query.substance, (service) => service.substances);
  if (query.principal?.length) {
    const principals = query.principal;
    checks.push((service) => principals.includes(service.principal));
  }
  anyOf(query.careLevel, (service) => service.careLevels);
  anyOf(query.language, (service) => service.languages);
  if (query.noReferral) checks.push((service) => service.referralRequired === false);
  const age = query.age;
  if (age !== undefined) {
    checks.push(
      (service) =>
        (service.minimumAge === undefined || age >= service.minimumAge) && (service.maximumAge === undefined || age <= service.maximumAge),
    );
  }
  if (query.openNow) checks.push((service) => openNow(service.schedules, now));
  return (service) => {
    for (const check of checks) if (!check(service)) return false;
    return true;
  };
}
