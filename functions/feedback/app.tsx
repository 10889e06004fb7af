import type { Hono } from 'hono';
import type { AppDeps } from '../core/deps.js';
import { createBaseApp } from '../core/http/base-app.js';
import { openApiRoute } from '../core/http/openapi.js';
import type { KitEnv } from '../core/http/staff.js';
import { feedbackContext, type FeedbackOptions } from './context.js';
import { auditRoutes } from './routes/audit.js';
import { characterCountRoute } from './routes/character-count.js';
import { formRoutes } from './routes/form.js';
import { moderationPageRoutes } from './routes/moderation-page.js';
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
  const ctx = feedbackContext(deps, options);
  const app = createBaseApp(deps, 'feedback');
  app.route(
    '/api/feedback/openapi.json',
    openApiRoute(() => import('./routes/openapi-document.js').then((m) => m.feedbackDocument(ctx))),
  );
  app.route('/', formRoutes(ctx));
  app.route('/', characterCountRoute());
  app.route('/', summaryRoutes(ctx));
  app.route('/', moderationRoutes(ctx));
  app.route('/', moderationPageRoutes(ctx));
  app.route('/', auditRoutes(ctx));
  return app;
}
