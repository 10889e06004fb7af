import { Hono } from 'hono';
import { cachedResponse } from '../../core/http/cache.js';
import { openApiDocument } from '../../core/http/openapi.js';
import type { KitEnv } from '../../core/http/staff.js';
import type { CalendarContext } from '../context.js';
import { calendarPaths, calendarSchemas } from './openapi-paths.js';

/** `/api/calendar/openapi.json`: the OpenAPI 3.1 document of the calendar API. */
export function apiDocRoutes(ctx: CalendarContext): Hono<KitEnv> {
  const app = new Hono<KitEnv>();
  const doc = JSON.stringify(
    openApiDocument(ctx.deps.config, {
      title: 'Utbildningar (Trainings)',
      description: 'Trainings of region and municipalities, registration with waitlist, the year view and iCalendar feeds.',
      paths: calendarPaths,
      schemas: calendarSchemas,
    }),
  );
  app.get('/openapi.json', (c) => cachedResponse(c, doc, { maxAge: 3600 }));
  return app;
}
