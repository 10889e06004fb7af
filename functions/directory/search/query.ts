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

const flag = z.enum(['true', 'false', '1', '0', '']).transform((v) => v === 'true' || v === '1');

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
    noReferral: flag.optional(),
    openNow: flag.optional(),
    language: many(z.string().refine((l) => config.languages.includes(l), 'Not a language of this area')).optional(),
    age: z
      .string()
      .regex(/^\d{1,3}$/, 'Age in whole years')
      .transform(Number)
      .pipe(z.number().max(120))
      .optional(),
    includeRetired: flag.optional(),
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

const some = (wanted: readonly string[] | undefined, have: readonly string[]) => !wanted?.length || wanted.some((w) => have.includes(w));

/** Whether a service passes every filter of `query` at instant `now`. */
export function matchesFilters(service: Service, query: ServiceQuery, now: Date): boolean {
  if (service.status === 'retired' && !query.includeRetired) return false;
  if (query.municipality?.length && service.municipalities.length > 0 && !some(query.municipality, service.municipalities)) return false;
  if (!some(query.targetGroup, service.targetGroups)) return false;
  if (!some(query.substance, service.substances)) return false;
  if (!some(query.principal, [service.principal])) return false;
  if (!some(query.careLevel, service.careLevels)) return false;
  if (!some(query.language, service.languages)) return false;
  if (query.noReferral && service.referralRequired !== false) return false;
  if (query.openNow && !openNow(service.schedules, now)) return false;
  if (query.age !== undefined) {
    if (service.minimumAge !== undefined && query.age < service.minimumAge) return false;
    if (service.maximumAge !== undefined && query.age > service.maximumAge) return false;
  }
  return true;
}
