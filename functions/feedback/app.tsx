import type { Hono } from 'hono';
import type { AppDeps } from '../core/deps.js';
import { createBaseApp } from '../core/http/base-app.js';
import { cachedResponse } from '../core/http/cache.js';
import { openApiDocument } from '../core/http/openapi.js';
import type { KitEnv } from '../core/http/staff.js';
import { resolveLang, t } from '../core/i18n.js';
import { Layout } from '../core/page/layout.js';

/**
 * The feedback service ("Tyck till"). This is the service's shell: health, its OpenAPI document and its
 * public page in the area's layout. The service itself is built in its own issue.
 *
 * @example
 * const app = createFeedbackApp({ config, store, clock, auth, log });
 * const res = await app.request('/api/feedback/health');
 */
export function createFeedbackApp(deps: AppDeps): Hono<KitEnv> {
  const app = createBaseApp(deps, 'feedback');
  app.get('/api/feedback/openapi.json', (c) =>
    cachedResponse(
      c,
      JSON.stringify(
        openApiDocument(deps.config, {
          title: 'Tyck till (Have your say)',
          description: 'The feedback API of the county kit.',
          paths: {
            '/api/feedback/health': { get: { summary: 'Health', responses: { '200': { description: 'The service answers.' } } } },
          },
        }),
      ),
    ),
  );
  app.get('/tyck-till', (c) => {
    const lang = resolveLang(c);
    return c.html(
      <Layout
        config={deps.config}
        lang={lang}
        title={t(lang, { sv: 'Tyck till', en: 'Have your say' })}
        path="/tyck-till"
        current="feedback"
        nonce={c.get('secureHeadersNonce')}
      >
        <h1>{t(lang, { sv: 'Tyck till', en: 'Have your say' })}</h1>
        <p class="notice">{t(lang, { sv: 'Den här tjänsten är under uppbyggnad.', en: 'This service is being built.' })}</p>
      </Layout>,
    );
  });
  return app;
}
