import { Hono } from 'hono';
import { cachedResponse } from '../../core/http/cache.js';
import { notFound } from '../../core/http/problem.js';
import type { KitEnv } from '../../core/http/staff.js';
import type { DirectoryContext } from '../context.js';
import { organizations } from '../model/organization.js';

/** `/api/directory/organizations`: the organisations services, groups and agreements refer to. */
export function organizationsRoutes(ctx: DirectoryContext) {
  const app = new Hono<KitEnv>();
  const all = organizations(ctx.deps.config);
  app.get('/', (c) => cachedResponse(c, JSON.stringify({ total: all.length, items: all }), { maxAge: 300 }));
  app.get('/:id', async (c) => {
    const org = all.find((o) => o.id === c.req.param('id'));
    if (!org) throw notFound('No such organisation in this area.');
    const { collection } = await ctx.load();
    const body = {
      ...org,
      services: collection.services
        .filter((s) => s.organizationId === org.id && s.status !== 'retired')
        .map((s) => ({ id: s.id, name: s.name })),
      groups: collection.groups
        .filter((g) => g.members.includes(org.id) && g.status !== 'retired')
        .map((g) => ({ id: g.id, name: g.name })),
      agreements: collection.agreements
        .filter((a) => a.parties.includes(org.id) && a.status !== 'retired')
        .map((a) => ({ id: a.id, title: a.title })),
    };
    return cachedResponse(c, JSON.stringify(body));
  });
  return app;
}
