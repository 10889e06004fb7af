import { Hono } from 'hono';
import { cachedResponse } from '../../core/http/cache.js';
import { openApiDocument } from '../../core/http/openapi.js';
import type { KitEnv } from '../../core/http/staff.js';
import type { FeedbackContext } from '../context.js';
import { FEEDBACK_PATHS } from './openapi-paths.js';

/** `GET /api/feedback/openapi.json`: the service's OpenAPI 3.1 document. */
export function openApiRoute(ctx: FeedbackContext): Hono<KitEnv> {
  const app = new Hono<KitEnv>();
  const body = JSON.stringify(
    openApiDocument(ctx.deps.config, {
      title: 'Tyck till (Have your say)',
      description: 'The feedback API of the county kit: moderation (role moderator) and the public summaries.',
      paths: FEEDBACK_PATHS,
    }),
  );
  app.get('/', (c) => cachedResponse(c, body));
  return app;
}
