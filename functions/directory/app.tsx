import type { Hono } from 'hono';
import type { AppDeps } from '../core/deps.js';
import { createBaseApp } from '../core/http/base-app.js';
import { openApiRoute } from '../core/http/openapi.js';
import type { KitEnv } from '../core/http/staff.js';
import { createDirectoryContext, type DirectoryOptions } from './context.js';
import { directoryPages } from './pages/routes.js';
import { agreementsRoutes } from './routes/agreements.js';
import { coordinatorRoutes } from './routes/coordinator.js';
import { csvRoutes } from './routes/csv.js';
import { groupsRoutes } from './routes/groups.js';
import { hsdsRoutes } from './routes/hsds.js';
import { organizationsRoutes } from './routes/organizations.js';
import { plansRoutes } from './routes/plans.js';
import { servicesRoutes } from './routes/services.js';
import { staffCollabRoutes } from './staff/collab-routes.js';
import { staffServicesRoutes } from './staff/services-routes.js';

/**
 * The directory service ("Hitta stöd"): where users, relatives and professionals can turn, with
 * collaboration groups and agreements. Public search and pages, staff editing, CSV and the HSDS API.
 *
 * @example
 * const app = createDirectoryApp({ config, store, clock, auth, log });
 * const res = await app.request('/api/directory/services?q=mini%20maria');
 */
export function createDirectoryApp(deps: AppDeps, options: DirectoryOptions = {}): Hono<KitEnv> {
  const app = createBaseApp(deps, 'directory');
  const ctx = createDirectoryContext(deps, options);
  const api = '/api/directory';
  app.route(
    `${api}/openapi.json`,
    openApiRoute(() => import('./routes/openapi-document.js').then((m) => m.directoryDocument(ctx))),
  );
  app.route(api, csvRoutes(ctx));
  app.route(`${api}/services`, servicesRoutes(ctx));
  app.route(`${api}/organizations`, organizationsRoutes(ctx));
  app.route(`${api}/groups`, groupsRoutes(ctx));
  app.route(`${api}/agreements`, agreementsRoutes(ctx));
  app.route(`${api}/plans`, plansRoutes(ctx));
  app.route(`${api}/coordinator`, coordinatorRoutes(ctx));
  app.route(api, hsdsRoutes(ctx));
  app.route('/hitta-stod', directoryPages(ctx));
  // the collaboration pages first: the services section's `/:id` would take `samverkan`
  app.route('/', staffCollabRoutes(ctx));
  app.route('/', staffServicesRoutes(ctx));
  return app;
}
