import { Hono } from 'hono';
import { createCalendarApp } from './calendar/app.js';
import type { LocalIssuer } from './core/auth/local-issuer.js';
import type { AppDeps } from './core/deps.js';
import type { KitEnv } from './core/http/staff.js';
import { isStaffPath, SERVICES, serviceForPath, type ServiceName } from './core/routes.js';
import { createDirectoryApp } from './directory/app.js';
import { createFeedbackApp } from './feedback/app.js';
import { createIndicatorsApp } from './indicators/app.js';
import { localSignInApp } from './local-sign-in.js';
import { createStaffApp } from './staff/app.js';

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
  /**
   * Answer only requests addressed to this machine by a loopback name (`localhost`, `127.0.0.1`,
   * `[::1]`) and refuse others with 421. Set it when each request's own origin counts as the public
   * one (no `PUBLIC_ORIGIN`), so a site whose name an attacker points at 127.0.0.1 (DNS rebinding)
   * cannot post forms as if it were this one.
   * @default false
   */
  readonly loopbackOnly?: boolean;
  /** The local issuer: with it, `/logga-in` is the local sign-in page (choose role and organisation). */
  readonly issuer?: LocalIssuer;
}

/** Whether a URL's host names this machine over loopback. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return host === 'localhost' || host.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(host) || host === '[::1]' || host === '::1';
}

/**
 * All enabled services of an area in one app, dispatched by path exactly as API Gateway routes
 * them on AWS (both use `SERVICE_PATHS`). The start page comes from the first enabled service.
 * The staff function's paths (`STAFF_PATHS`) go to the staff app; `/logga-in` is the local
 * sign-in page when an issuer is given.
 *
 * @example
 * const app = createLocalApp(deps);
 * serve({ fetch: app.fetch, port: 3000 });
 */
export function createLocalApp(deps: AppDeps, options: LocalAppOptions = {}): Hono {
  const enabled = SERVICES.filter((s) => deps.config.modules[s]);
  const apps = new Map(enabled.map((s) => [s, APP_FACTORIES[s](deps)] as const));
  const fallback = apps.get(enabled[0] ?? 'directory') ?? createDirectoryApp(deps);
  const staff = createStaffApp(deps);
  const signIn = options.issuer ? localSignInApp(deps, options.issuer) : undefined;
  const root = new Hono();
  if (options.loopbackOnly)
    root.use(async (c, next) => {
      if (isLoopbackHost(new URL(c.req.url).hostname)) return next();
      const problem = {
        type: 'about:blank',
        title: 'Fel värdnamn för den lokala servern',
        status: 421,
        detail: 'The local server answers only at localhost, 127.0.0.1 or [::1]. Set PUBLIC_ORIGIN to serve another name.',
        errors: [{ field: 'Host', message: 'Not a loopback name', sv: 'Inte ett namn för den egna datorn' }],
      };
      return c.body(JSON.stringify(problem), 421, { 'Content-Type': 'application/problem+json; charset=utf-8' });
    });
  if (options.jwks) root.get('/.well-known/jwks.json', (c) => c.json(options.jwks));
  root.all('*', (c) => {
    const path = new URL(c.req.url).pathname;
    if (signIn && path === '/logga-in') return signIn.fetch(c.req.raw, c.env);
    const service = serviceForPath(path);
    const app = (service && apps.get(service)) || (isStaffPath(path) ? staff : fallback);
    return app.fetch(c.req.raw, c.env);
  });
  return root;
}
