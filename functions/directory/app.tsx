import type { Hono } from 'hono';
import type { AppDeps } from '../core/deps.js';
import { createBaseApp } from '../core/http/base-app.js';
import { cachedResponse } from '../core/http/cache.js';
import { openApiDocument } from '../core/http/openapi.js';
import type { KitEnv } from '../core/http/staff.js';
import { resolveLang, t } from '../core/i18n.js';
import { Layout } from '../core/page/layout.js';

/**
 * The directory service ("Hitta stöd"). This is the service's shell: health, its OpenAPI document and its
 * public page in the area's layout. The service itself is built in its own issue.
 *
 * @example
 * const app = createDirectoryApp({ config, store, clock, auth, log });
 * const res = await app.request('/api/directory/health');
 */
export function createDirectoryApp(deps: AppDeps): Hono<KitEnv> {
  const app = createBaseApp(deps, 'directory');
  app.get('/api/directory/openapi.json', (c) =>
    cachedResponse(
      c,
      JSON.stringify(
        openApiDocument(deps.config, {
          title: 'Hitta stöd (Find support)',
          description: 'The directory API of the county kit.',
          paths: {
            '/api/directory/health': { get: { summary: 'Health', responses: { '200': { description: 'The service answers.' } } } },
          },
        }),
      ),
    ),
  );
  app.get('/hitta-stod', (c) => {
    const lang = resolveLang(c);
    return c.html(
      <Layout
        config={deps.config}
        lang={lang}
        title={t(lang, { sv: 'Hitta stöd', en: 'Find support' })}
        path="/hitta-stod"
        current="directory"
        nonce={c.get('secureHeadersNonce')}
      >
        <h1>{t(lang, { sv: 'Hitta stöd', en: 'Find support' })}</h1>
        <p class="notice">{t(lang, { sv: 'Den här tjänsten är under uppbyggnad.', en: 'This service is being built.' })}</p>
      </Layout>,
    );
  });
  return app;
}
