import type { Hono } from 'hono';
import type { AppDeps } from '../core/deps.js';
import { createBaseApp } from '../core/http/base-app.js';
import { openApiRoute } from '../core/http/openapi.js';
import type { KitEnv } from '../core/http/staff.js';
import { createIndicatorsContext, type IndicatorsOptions } from './context.js';
import { indicatorPages } from './pages/routes.js';
import { aggregateRoutes } from './routes/aggregates.js';
import { completenessRoutes } from './routes/completeness.js';
import { definitionsRoutes } from './routes/definitions.js';
import { exportRoutes } from './routes/export.js';
import { importRoutes } from './routes/import.js';
import { releaseRoutes } from './routes/releases.js';
import { indicatorStaffPages } from './routes/staff-page.js';
import { valuesRoutes } from './routes/values.js';

/**
 * The indicators service ("Uppföljning"): figures reported per organisation and period, compared
 * across the area and published as protected releases, as JSON, CSV and public pages.
 *
 * @example
 * const app = createIndicatorsApp({ config, store, clock, auth, log });
 * const res = await app.request('/api/indicators/area?indicator=sip-established');
 */
export function createIndicatorsApp(deps: AppDeps, options: IndicatorsOptions = {}): Hono<KitEnv> {
  const app = createBaseApp(deps, 'indicators');
  const ctx = createIndicatorsContext(deps, options);
  const api = '/api/indicators';
  app.route(
    `${api}/openapi.json`,
    openApiRoute(() => import('./routes/openapi-document.js').then((m) => m.indicatorsDocument(ctx))),
  );
  app.route(`${api}/definitions`, definitionsRoutes(ctx));
  app.route(`${api}/values`, valuesRoutes(ctx));
  app.route(`${api}/completeness`, completenessRoutes(ctx));
  app.route(`${api}/releases`, releaseRoutes(ctx));
  app.route(api, aggregateRoutes(ctx));
  app.route(api, exportRoutes(ctx));
  app.route(api, importRoutes(ctx));
  app.route('/uppfoljning', indicatorPages(ctx));
  app.route('/', indicatorStaffPages(ctx));
  return app;
}
