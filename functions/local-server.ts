import { Hono } from 'hono';
import { createCalendarApp } from './calendar/app.js';
import type { AppDeps } from './core/deps.js';
import type { KitEnv } from './core/http/staff.js';
import { SERVICES, serviceForPath, type ServiceName } from './core/routes.js';
import { createDirectoryApp } from './directory/app.js';
import { createFeedbackApp } from './feedback/app.js';
import { createIndicatorsApp } from './indicators/app.js';

/** Every service's app factory, by name. */
export const APP_FACTORIES: Readonly<Record<ServiceName, (deps: AppDeps) => Hono<KitEnv>>> = {
  directory: createDirectoryApp,
  calendar: createCalendarApp,
  indicators: createIndicatorsApp,
  feedback: createFeedbackApp,
};

/** Options for `createLocalApp`. */
export interface LocalAppOptions {
  /** The public key set of the local issuer, published at `/.well-known/jwks.json`. */
  readonly jwks?: unknown;
}

/**
 * All enabled services of an area in one app, dispatched by path exactly as API Gateway routes
 * them on AWS (both use `SERVICE_PATHS`). The start page comes from the first enabled service.
 *
 * @example
 * const app = createLocalApp(deps);
 * serve({ fetch: app.fetch, port: 3000 });
 */
export function createLocalApp(deps: AppDeps, options: LocalAppOptions = {}): Hono {
  const enabled = SERVICES.filter((s) => deps.config.modules[s]);
  const apps = new Map(enabled.map((s) => [s, APP_FACTORIES[s](deps)] as const));
  const fallback = apps.get(enabled[0] ?? 'directory') ?? createDirectoryApp(deps);
  const root = new Hono();
  if (options.jwks) root.get('/.well-known/jwks.json', (c) => c.json(options.jwks));
  root.all('*', (c) => {
    const service = serviceForPath(new URL(c.req.url).pathname);
    const app = (service && apps.get(service)) || fallback;
    return app.fetch(c.req.raw, c.env);
  });
  return root;
}
