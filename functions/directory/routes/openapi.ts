import { Hono } from 'hono';
import * as z from 'zod';
import { cachedResponse } from '../../core/http/cache.js';
import { openApiDocument } from '../../core/http/openapi.js';
import type { KitEnv } from '../../core/http/staff.js';
import type { DirectoryContext } from '../context.js';
import { agreementInputSchema, groupInputSchema } from '../model/group.js';
import { planInputSchema } from '../model/plan.js';
import { serviceInputSchema } from '../model/service.js';
import { HSDS_PAGE_SCHEMA } from './openapi-hsds.js';
import { DIRECTORY_PATHS } from './openapi-paths.js';

const stamp = { type: 'object', properties: { at: { type: 'string', format: 'date-time' }, by: { type: 'string' } } };
const stored = (input: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  allOf: [
    input,
    {
      type: 'object',
      properties: { id: { type: 'string' }, created: stamp, updated: stamp, verified: stamp, stale: { type: 'boolean' }, ...extra },
    },
  ],
});

/** `GET /api/directory/openapi.json`: the OpenAPI 3.1 document of every directory route. */
export function openApiRoute(ctx: DirectoryContext) {
  const app = new Hono<KitEnv>();
  const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const document = JSON.stringify(
    openApiDocument(ctx.deps.config, {
      title: 'Hitta stöd (Find support)',
      description:
        'The directory: services, organisations, collaboration groups and agreements of the area; CSV import and export; the HSDS 3 API.',
      paths: DIRECTORY_PATHS,
      schemas: {
        ServiceInput: schema(serviceInputSchema),
        GroupInput: schema(groupInputSchema),
        AgreementInput: schema(agreementInputSchema),
        Service: stored(schema(serviceInputSchema)),
        ServiceHit: stored(schema(serviceInputSchema), {
          score: { type: 'number' },
          matchedFields: { type: 'array', items: { enum: ['name', 'labels', 'places', 'description'] } },
          matchedTerms: { type: 'array', items: { type: 'string' } },
        }),
        Group: stored(schema(groupInputSchema)),
        PlanInput: schema(planInputSchema),
        Plan: stored(schema(planInputSchema)),
        HsdsPage: HSDS_PAGE_SCHEMA,
        Agreement: stored(schema(agreementInputSchema), {
          expired: { type: 'boolean' },
          daysLeft: { type: ['integer', 'null'] },
          reviewDaysLeft: { type: ['integer', 'null'] },
          phase: { type: ['string', 'null'] },
        }),
      },
    }),
  );
  app.get('/', (c) => cachedResponse(c, document, { maxAge: 300 }));
  return app;
}
