import type { Hono } from 'hono';
import type { AppDeps } from '../core/deps.js';
import { createBaseApp } from '../core/http/base-app.js';
import { openApiRoute } from '../core/http/openapi.js';
import type { KitEnv } from '../core/http/staff.js';
import { createFeedbackContext, type FeedbackOptions } from './context.js';
import { CHARACTER_COUNT_PATH, FORM_PATH, MODERATION_PATH, OLD_MODERATION_PATH, SUMMARY_PATH } from './pages/paths.js';
import { summaryPageRoutes } from './pages/routes.js';
import { auditRoutes } from './routes/audit.js';
import { characterCountRoute } from './routes/character-count.js';
import { formRoutes } from './routes/form.js';
import { moderationPageRoutes, oldModerationRoutes } from './routes/moderation-page.js';
import { moderationRoutes } from './routes/moderation.js';
import { summaryRoutes } from './routes/summary.js';

/**
 * The feedback service ("Tyck till"): the public form, the moderators' API and the user council's
 * summaries, on the kit's base app (security headers, problem+json errors, health).
 *
 * @example
 * const app = createFeedbackApp({ config, store, clock, auth, log });
 * const res = await app.request('/tyck-till');
 */
export function createFeedbackApp(deps: AppDeps, options: FeedbackOptions = {}): Hono<KitEnv> {
  const ctx = createFeedbackContext(deps, options);
  const app = createBaseApp(deps, 'feedback');
  const api = '/api/feedback';
  app.route(
    `${api}/openapi.json`,
    openApiRoute(() => import('./routes/openapi-document.js').then((m) => m.feedbackDocument(ctx))),
  );
  app.route(`${api}/submissions`, moderationRoutes(ctx));
  app.route(`${api}/audit`, auditRoutes(ctx));
  app.route(api, summaryRoutes(ctx));
  app.route(CHARACTER_COUNT_PATH, characterCountRoute());
  app.route(SUMMARY_PATH, summaryPageRoutes(ctx));
  app.route(OLD_MODERATION_PATH, oldModerationRoutes());
  app.route(FORM_PATH, formRoutes(ctx));
  app.route(MODERATION_PATH, moderationPageRoutes(ctx));
  return app;
}
