import { Hono, type Context } from 'hono';
import { contextStorage } from 'hono/context-storage';
import { NONCE, secureHeaders } from 'hono/secure-headers';
import { AuthError } from '../auth/auth.js';
import type { AppDeps } from '../deps.js';
import { resolveLang, t, type Lang } from '../i18n.js';
import { Layout } from '../page/layout.js';
import { SERVICE_PATHS, SERVICES, type ServiceName } from '../routes.js';
import { TooMuchContentionError } from '../store/json.js';
import { cookiePageCaching } from './page-cache.js';
import { PreconditionFailedError, StoreUnavailableError } from '../store/store.js';
import { ProblemError, problemResponse, type ProblemInit } from './problem.js';
import { requestLog } from './request-log.js';
import type { KitEnv } from './staff.js';

function wantsHtml(c: Context): boolean {
  return !new URL(c.req.url).pathname.startsWith('/api/') && (c.req.header('accept') ?? '').includes('text/html');
}

function problemFor(error: unknown): ProblemInit | undefined {
  if (error instanceof ProblemError) return error.problem;
  if (error instanceof AuthError) return { status: 401, title: 'Inloggning krävs', detail: 'The token could not be verified.' };
  if (error instanceof PreconditionFailedError || error instanceof TooMuchContentionError)
    return {
      status: 503,
      title: 'Tjänsten är upptagen, försök igen',
      detail: 'Too many concurrent changes; retry shortly.',
      headers: { 'Retry-After': '1' },
    };
  if (error instanceof StoreUnavailableError)
    return { status: 503, title: 'Tjänsten är inte tillgänglig just nu', detail: 'The data store is unavailable.' };
  return undefined;
}

/** Render a problem as a page in the layout (for browsers) or as problem+json (for the API). */
export function respondProblem(c: Context<KitEnv>, deps: AppDeps, problem: ProblemInit): Response | Promise<Response> {
  if (!wantsHtml(c)) return problemResponse(c, problem);
  const lang = resolveLang(c);
  const path = new URL(c.req.url).pathname;
  const heading = problem.status === 404 ? t(lang, { sv: 'Sidan finns inte', en: 'Page not found' }) : problem.title;
  return c.html(
    <Layout config={deps.config} lang={lang} title={heading} path={path} nonce={c.get('secureHeadersNonce')}>
      <h1>{heading}</h1>
      <p>
        {problem.status === 404
          ? t(lang, {
              sv: 'Kontrollera adressen, eller börja om från startsidan.',
              en: 'Check the address, or start again from the home page.',
            })
          : problem.status >= 500
            ? t(lang, { sv: 'Försök igen om en stund.', en: 'Please try again in a moment.' })
            : t(lang, { sv: 'Gå tillbaka och kontrollera uppgifterna.', en: 'Go back and check what you entered.' })}
      </p>
      <p>
        <a href="/">{t(lang, { sv: 'Till startsidan', en: 'To the home page' })}</a>
      </p>
    </Layout>,
    problem.status,
    problem.headers as Record<string, string> | undefined,
  );
}

function HomePage(props: { deps: AppDeps; lang: Lang; nonce?: string }) {
  const { config } = props.deps;
  const { lang } = props;
  return (
    <Layout config={config} lang={lang} title={t(lang, { sv: 'Start', en: 'Home' })} path="/" nonce={props.nonce}>
      <h1>{config.branding.siteName}</h1>
      <p class="lead">
        {t(lang, {
          sv: `Stöd vid missbruk, beroende och samsjuklighet i ${config.name}: ${config.region.name} och kommunerna tillsammans.`,
          en: `Support for substance use, addiction and co-occurring disorders in ${config.name}: ${config.region.name} and the municipalities together.`,
        })}
      </p>
      <ul class="cards">
        {SERVICES.filter((s) => config.modules[s]).map((s) => (
          <li class="card">
            <h2>
              <a href={SERVICE_PATHS[s].pages[0]}>{t(lang, SERVICE_PATHS[s])}</a>
            </h2>
            <p>{t(lang, { sv: SERVICE_PATHS[s].summarySv, en: SERVICE_PATHS[s].summaryEn })}</p>
          </li>
        ))}
      </ul>
      <h2>{t(lang, { sv: 'Kommunerna i samarbetet', en: 'The municipalities in the collaboration' })}</h2>
      <ul>
        {config.municipalities.map((m) => (
          <li>{m.name}</li>
        ))}
      </ul>
    </Layout>
  );
}

/**
 * The Hono app every service starts from: security headers (CSP without inline script, a nonce for
 * the one inline stylesheet), the page language and the caching of pages that follow it
 * (`cookiePageCaching`), problem+json errors that never carry a stack, `/api/<service>/health`,
 * and the area's start page at `/` (neither for the staff function).
 *
 * @example
 * const app = createBaseApp(deps, 'directory');
 * app.get('/hitta-stod', (c) => c.html(…));
 */
export function createBaseApp(deps: AppDeps, service: ServiceName | 'staff'): Hono<KitEnv> {
  const app = new Hono<KitEnv>();
  app.use(requestLog(deps.log, service));
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", NONCE],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
      },
      strictTransportSecurity: false,
      xFrameOptions: 'DENY',
      referrerPolicy: 'strict-origin-when-cross-origin',
      crossOriginEmbedderPolicy: false,
    }),
  );
  // The layout reads the request (for the language switch) through the context storage.
  app.use(contextStorage());
  app.use(cookiePageCaching());
  app.use(async (c, next) => {
    await next();
    const proto = c.req.header('x-forwarded-proto') ?? new URL(c.req.url).protocol.replace(':', '');
    if (proto === 'https') c.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  });
  app.onError((error, c) => {
    const problem = problemFor(error);
    if (problem) return respondProblem(c, deps, problem);
    deps.log.error('unhandled error', {
      service,
      path: new URL(c.req.url).pathname,
      error: error instanceof Error ? error.name : 'unknown',
    });
    return respondProblem(c, deps, { status: 500, title: 'Något gick fel', detail: 'An unexpected error occurred. It has been logged.' });
  });
  app.notFound((c) => respondProblem(c, deps, { status: 404, title: 'Hittades inte', detail: 'No such resource.' }));
  // the staff function (sign-in and the workspace's landing page) has no API and no start page
  if (service === 'staff') return app;
  app.get(`${SERVICE_PATHS[service].api}/health`, (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ status: 'ok', service, area: deps.config.id, time: deps.clock.now().toISOString() });
  });
  app.get('/', (c) => {
    const lang = resolveLang(c);
    c.header('Cache-Control', 'public, max-age=300');
    return c.html(<HomePage deps={deps} lang={lang} nonce={c.get('secureHeadersNonce')} />);
  });
  return app;
}
