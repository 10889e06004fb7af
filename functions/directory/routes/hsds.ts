import { Hono, type Context } from 'hono';
import * as z from 'zod';
import { queryParams } from '../../core/http/body.js';
import { cachedResponse } from '../../core/http/cache.js';
import { notFound } from '../../core/http/problem.js';
import type { KitEnv } from '../../core/http/staff.js';
import type { DirectoryContext } from '../context.js';
import { hsdsOrganization, hsdsService, hsdsServiceSummary } from '../hsds/map.js';
import { hsdsId } from '../hsds/uuid.js';
import { organizations } from './organizations.js';

/** The HSDS version the export follows. */
export const HSDS_VERSION = '3.1';

function paged<T>(all: readonly T[], page: number, perPage: number) {
  const totalPages = Math.max(1, Math.ceil(all.length / perPage));
  const contents = all.slice((page - 1) * perPage, page * perPage);
  return {
    total_items: all.length,
    total_pages: totalPages,
    page_number: page,
    size: contents.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}

const pageParams = {
  page: z
    .string()
    .regex(/^\d{1,5}$/, 'A page number from 1')
    .transform(Number)
    .pipe(z.number().min(1))
    .optional(),
  per_page: z
    .string()
    .regex(/^\d{1,3}$/, 'A whole number 1–500')
    .transform(Number)
    .pipe(z.number().min(1).max(500))
    .optional(),
};

/** `/api/directory/hsds/`: the Open Referral HSDS 3 API over the directory's services and organisations. */
export function hsdsRoutes(ctx: DirectoryContext) {
  const app = new Hono<KitEnv>();
  const { config } = ctx.deps;
  const orgs = organizations(config);
  const origin = ctx.deps.publicOrigin ?? 'http://localhost';

  const about = (c: Context<KitEnv>) =>
    cachedResponse(
      c,
      JSON.stringify({
        version: HSDS_VERSION,
        profile: `${origin}/api/directory/openapi.json`,
        openapi_url: `${origin}/api/directory/openapi.json`,
        publisher: config.region.name,
      }),
    );
  app.get('/', about);

  const servicesQuery = z.object({
    ...pageParams,
    search: z.string().max(200).optional(),
    organization_id: z.string().uuid('A UUID').optional(),
    modified_after: z.iso.datetime({ offset: true }).optional(),
    full_service: z.enum(['true', 'false']).optional(),
  });
  app.get('/services', async (c) => {
    const query = queryParams(c, servicesQuery);
    const { collection } = await ctx.load();
    let services = collection.services.filter((s) => s.status !== 'retired');
    if (query.search?.trim()) {
      const order = ctx
        .searchFor(collection)
        .search(query.search)
        .hits.map((h) => h.id);
      services = order.flatMap((id) => services.filter((s) => s.id === id));
    } else services = [...services].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
    if (query.organization_id)
      services = services.filter((s) => hsdsId(config.id, 'organization', s.organizationId) === query.organization_id);
    if (query.modified_after) services = services.filter((s) => Date.parse(s.updated.at) > Date.parse(query.modified_after ?? ''));
    const full = query.full_service === 'true';
    const items = services.map((s) => (full ? hsdsService(config, s, orgs) : hsdsServiceSummary(config, s)));
    return cachedResponse(c, JSON.stringify(paged(items, query.page ?? 1, query.per_page ?? 50)));
  });

  app.get('/services/:id', async (c) => {
    const { collection } = await ctx.load();
    const id = c.req.param('id');
    const service = collection.services.find((s) => s.id === id || hsdsId(config.id, 'service', s.id) === id);
    if (!service) throw notFound('No such service.');
    return cachedResponse(c, JSON.stringify(hsdsService(config, service, orgs)));
  });

  const orgQuery = z.object(pageParams);
  app.get('/organizations', (c) => {
    const query = queryParams(c, orgQuery);
    const items = orgs.map((o) => hsdsOrganization(config, o));
    return cachedResponse(c, JSON.stringify(paged(items, query.page ?? 1, query.per_page ?? 50)));
  });
  app.get('/organizations/:id', (c) => {
    const id = c.req.param('id');
    const org = orgs.find((o) => o.id === id || hsdsId(config.id, 'organization', o.id) === id);
    if (!org) throw notFound('No such organization.');
    return cachedResponse(c, JSON.stringify(hsdsOrganization(config, org)));
  });
  const root = new Hono<KitEnv>();
  root.route('/hsds', app);
  // HSDS clients call the root with a trailing slash
  root.get('/hsds/', about);
  return root;
}
