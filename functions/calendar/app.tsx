import type { Hono } from 'hono';
import type { AppDeps } from '../core/deps.js';
import { createBaseApp } from '../core/http/base-app.js';
import { cachedResponse } from '../core/http/cache.js';
import { openApiDocument } from '../core/http/openapi.js';
import type { KitEnv } from '../core/http/staff.js';
import { resolveLang, t } from '../core/i18n.js';
import { Layout } from '../core/page/layout.js';

/**
 * The calendar service ("Utbildningar"). This is the service's shell: health, its OpenAPI document and its
 * public page in the area's layout. The service itself is built in its own issue.
 *
 * @example
 * const app = createCalendarApp({ config, store, clock, auth, log });
 * const res = await app.request('/api/calendar/health');
 */
export function createCalendarApp(deps: AppDeps): Hono<KitEnv> {
  const app = createBaseApp(deps, 'calendar');
  app.get('/api/calendar/openapi.json', (c) =>
    cachedResponse(
      c,
      JSON.stringify(
        openApiDocument(deps.config, {
          title: 'Utbildningar (Trainings)',
          description: 'The calendar API of the county kit.',
          paths: {
            '/api/calendar/health': { get: { summary: 'Health', responses: { '200': { description: 'The service answers.' } } } },
          },
        }),
      ),
    ),
  );
  app.get('/utbildningar', (c) => {
    const lang = resolveLang(c);
    return c.html(
      <Layout
        config={deps.config}
        lang={lang}
        title={t(lang, { sv: 'Utbildningar', en: 'Trainings' })}
        path="/utbildningar"
        current="calendar"
        nonce={c.get('secureHeadersNonce')}
      >
        <h1>{t(lang, { sv: 'Utbildningar', en: 'Trainings' })}</h1>
        <p class="notice">{t(lang, { sv: 'Den här tjänsten är under uppbyggnad.', en: 'This service is being built.' })}</p>
      </Layout>,
    );
  });
  return app;
}
