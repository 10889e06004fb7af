import { Hono } from 'hono';
import type { KitEnv } from '../../core/http/staff.js';
import type { DirectoryContext } from '../context.js';
import { agreementPage } from './agreement-page.js';
import { collaborationPage } from './collaboration-page.js';
import { groupPage } from './group-page.js';
import { planPage } from './plan-page.js';
import { reportPage } from './report-page.js';
import { searchPage } from './search-page.js';
import { servicePage } from './service-page.js';

/** The public pages under `/hitta-stod`. */
export function directoryPages(ctx: DirectoryContext) {
  const app = new Hono<KitEnv>();
  app.get('/', (c) => searchPage(c, ctx));
  app.get('/samverkan', (c) => collaborationPage(c, ctx));
  app.get('/samverkan/grupp/:id', (c) => groupPage(c, ctx));
  app.get('/samverkan/plan/:id', (c) => planPage(c, ctx));
  app.get('/samverkan/overenskommelse/:id', (c) => agreementPage(c, ctx));
  app.get('/samverkan/overenskommelse/:id/rapport', (c) => reportPage(c, ctx));
  app.get('/tjanst/:id', (c) => servicePage(c, ctx));
  return app;
}
