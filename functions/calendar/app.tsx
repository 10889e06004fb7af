import type { Hono } from 'hono';
import type { AppDeps } from '../core/deps.js';
import { createBaseApp } from '../core/http/base-app.js';
import { openApiRoute } from '../core/http/openapi.js';
import type { KitEnv } from '../core/http/staff.js';
import { createCalendarContext, type CalendarOptions } from './context.js';
import { eventRoutes } from './routes/events.js';
import { registrationRoutes } from './routes/registrations.js';
import { feedRoutes } from './routes/feed.js';
import { attendanceRoutes } from './routes/attendance.js';
import { purgeRoutes } from './routes/purge.js';
import { yearRoutes } from './routes/year.js';
import { importRoutes } from './routes/import.js';
import { pageRoutes } from './pages/routes.js';
import { trainingStaffRoutes } from './staff/routes.js';

/**
 * The calendar service ("Utbildningar"): trainings of region and municipalities, registration with
 * waitlist, iCalendar feeds, the year view (kompetenshjul) and public pages.
 *
 * @example
 * const app = createCalendarApp({ config, store, clock, auth, log });
 * const res = await app.request('/api/calendar/events?topic=mi');
 */
export function createCalendarApp(deps: AppDeps, options: CalendarOptions = {}): Hono<KitEnv> {
  const ctx = createCalendarContext(deps, options);
  const app = createBaseApp(deps, 'calendar');
  app.route(
    '/api/calendar/openapi.json',
    openApiRoute(() => import('./routes/openapi-document.js').then((m) => m.calendarDocument(ctx)), 3600),
  );
  app.route('/api/calendar/events', registrationRoutes(ctx));
  app.route('/api/calendar/events', eventRoutes(ctx));
  app.route('/api/calendar/attendance', attendanceRoutes(ctx));
  app.route('/api/calendar/purge', purgeRoutes(ctx));
  app.route('/api/calendar/year', yearRoutes(ctx));
  app.route('/api/calendar/import', importRoutes(ctx));
  app.route('/utbildningar', feedRoutes(ctx));
  app.route('/utbildningar', pageRoutes(ctx));
  app.route('/', trainingStaffRoutes(ctx));
  return app;
}
