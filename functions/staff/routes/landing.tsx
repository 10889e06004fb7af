import { Hono } from 'hono';
import { currentStaff, type KitEnv } from '../../core/http/staff.js';
import { resolveLang } from '../../core/i18n.js';
import { staffPageWith } from '../../core/session/middleware.js';
import { staffSectionsFor } from '../../core/session/sections.js';
import type { StaffContext } from '../context.js';
import { LandingPage } from '../pages/landing-page.js';

/** `GET /personal`: the workspace's landing page, for anyone signed in. */
export function landingRoutes(ctx: StaffContext): Hono<KitEnv> {
  const { deps } = ctx;
  const app = new Hono<KitEnv>();
  app.get('/personal', staffPageWith(deps, { createKey: true, limits: ctx.limits }), (c) => {
    const staff = currentStaff(c);
    return c.html(
      <LandingPage
        config={deps.config}
        lang={resolveLang(c)}
        nonce={c.get('secureHeadersNonce')}
        staff={staff}
        sections={staffSectionsFor(deps.config, staff)}
      />,
    );
  });
  return app;
}
