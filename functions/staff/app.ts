import type { Hono } from 'hono';
import type { AppDeps } from '../core/deps.js';
import { createBaseApp } from '../core/http/base-app.js';
import type { KitEnv } from '../core/http/staff.js';
import { staffContext, type StaffOptions } from './context.js';
import { landingRoutes } from './routes/landing.js';
import { signInRoutes } from './routes/sign-in.js';
import { signOutRoutes } from './routes/sign-out.js';

/**
 * The staff function: sign-in with the area's identity provider (`/logga-in`, `/auth/callback`),
 * sign-out (`/logga-ut`) and the workspace's landing page (`/personal`). Each service serves its
 * own staff section under `/personal/<section>` with the same session cookie.
 *
 * @example
 * const app = createStaffApp(deps, { oidc: oidcClient({ issuer, clientId, logoutEndpoint }) });
 */
export function createStaffApp(deps: AppDeps, options: StaffOptions = {}): Hono<KitEnv> {
  const ctx = staffContext(deps, options);
  const app = createBaseApp(deps, 'staff');
  app.route('/', signInRoutes(ctx));
  app.route('/', signOutRoutes(ctx));
  app.route('/', landingRoutes(ctx));
  return app;
}
