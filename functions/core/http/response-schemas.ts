import * as z from 'zod/mini';
import { oa } from './openapi.js';

/**
 * Zod schemas of answers the services share, for the OpenAPI documents only: no handler parses
 * its own answers, so these modules load when `/openapi.json` is first asked for. They use
 * `zod/mini` (and accept request schemas of either flavour), so a document adds no zod code to a
 * function that has none.
 */

/** A paged list: `items`, `nextCursor` while more follow, and `extra` fields (e.g. `total`). */
export function listPage<T extends z.core.SomeType, E extends z.core.$ZodShape = Record<never, never>>(item: T, extra?: E) {
  return z.strictObject({
    ...(extra ?? ({} as E)),
    items: z.array(item),
    nextCursor: z.optional(z.string().check(z.describe('Opaque cursor of the next page; absent on the last page.'))),
  });
}

/** `{ items }`: a whole list in one answer. */
export const itemsOf = <T extends z.core.SomeType>(item: T) => z.strictObject({ items: z.array(item) });

/** A Swedish and an English text. */
export const bilingual = z.strictObject({ sv: z.string(), en: z.string() });

/** A date-time with offset (ISO 8601), as the services write it. */
export const dateTime = z.iso.datetime({ offset: true });

/** `GET /api/<service>/health`. */
export const healthResponse = z.strictObject({ status: z.literal('ok'), service: z.string(), area: z.string(), time: z.iso.datetime() });

/**
 * The paths every service serves alike: its health check and its OpenAPI document.
 *
 * @example
 * paths: { ...basePaths('/api/feedback'), ...FEEDBACK_PATHS }
 */
export function basePaths(api: string) {
  return {
    [`${api}/health`]: {
      get: { operationId: 'health', summary: 'Health', responses: { '200': oa.json(healthResponse, 'The service answers.') } },
    },
    [`${api}/openapi.json`]: {
      get: {
        operationId: 'openApi',
        summary: 'This document (OpenAPI 3.1)',
        responses: { '200': oa.json({ type: 'object', required: ['openapi', 'paths'] }), '304': oa.notModified },
      },
    },
  };
}
