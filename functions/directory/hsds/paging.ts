import type { Context } from 'hono';
import * as z from 'zod';
import { cachedResponse } from '../../core/http/cache.js';
import { badRequest } from '../../core/http/problem.js';
import { once } from '../../core/once.js';

const flag = once(() => z.enum(['true', 'false']).transform((v) => v === 'true'));
const hsdsIdParam = once(() => z.string().max(100));

/** Query parameters every HSDS list takes: `page`, `per_page`, `format` (`json`, or `ndjson` for every result unpaged). */
export const pageParams = once(() => ({
  page: z
    .string()
    .regex(/^\d{1,5}$/, 'A page number from 1')
    .transform(Number)
    .pipe(z.number().min(1))
    .optional(),
  per_page: z
    .string()
    .regex(/^\d{1,3}$/, 'A whole number 1–500')
    .transform(Number)
    .pipe(z.number().min(1).max(500))
    .optional(),
  format: z.enum(['json', 'ndjson'], 'json or ndjson').optional(),
}));

/** Filters shared by the HSDS lists of services, organizations and service_at_locations. */
export const filterParams = once(() => ({
  search: z.string().max(200).optional(),
  taxonomy_id: hsdsIdParam().optional(),
  taxonomy_term_id: hsdsIdParam().optional(),
  full: flag().optional(),
  full_service: flag().optional(),
}));

/** Other list parameters by name: `organization_id`, `modified_after` (inclusive), `minimal`, `top_only`, `parent_id`. */
export const moreParams = once(() => ({
  organization_id: z.uuid('A UUID').optional(),
  modified_after: z.iso.datetime({ offset: true, message: 'An ISO 8601 date-time' }).optional(),
  minimal: flag().optional(),
  top_only: flag().optional(),
  parent_id: hsdsIdParam().optional(),
}));

/** Parameters of the HSDS API text that the kit cannot answer (no postcode geography): refused, never ignored. */
export const refusedParams = once(() => ({
  postcode: z.never('Not supported: service areas are municipalities, not postcodes').optional(),
  proximity: z.never('Not supported: service areas are municipalities, not postcodes').optional(),
}));

/**
 * Whether the full form is asked for. HSDS names it `full` on lists and `full_service` on
 * organizations; both are accepted, and a request giving both with different values is refused.
 */
export function wantsFull(query: { full?: boolean; full_service?: boolean }): boolean {
  if (query.full !== undefined && query.full_service !== undefined && query.full !== query.full_service)
    throw badRequest([
      { field: 'full_service', message: 'full and full_service disagree', sv: 'full och full_service säger emot varandra' },
    ]);
  return query.full ?? query.full_service ?? false;
}

/** A page in HSDS's shape (`total_items`, `total_pages`, `page_number`, `size`, `first_page`, `last_page`, `empty`, `contents`). */
export function paged<T>(all: readonly T[], page: number, perPage: number) {
  const totalPages = Math.max(1, Math.ceil(all.length / perPage));
  const contents = all.slice((page - 1) * perPage, page * perPage);
  return {
    total_items: all.length,
    total_pages: totalPages,
    page_number: page,
    size: contents.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}

/** Answer a list: a page as JSON, or with `format=ndjson` every item, one JSON object per line, unpaged. */
export function listResponse(
  c: Context,
  items: readonly unknown[],
  query: { page?: number; per_page?: number; format?: 'json' | 'ndjson' },
  defaultPerPage = 50,
): Response {
  if (query.format === 'ndjson')
    return cachedResponse(c, items.map((item) => `${JSON.stringify(item)}\n`).join(''), { contentType: 'application/x-ndjson' });
  return cachedResponse(c, JSON.stringify(paged(items, query.page ?? 1, query.per_page ?? defaultPerPage)));
}
