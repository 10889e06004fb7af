import { Hono, type Context } from 'hono';
import { publicOriginOf } from '../../core/http/origin.js';
import * as z from 'zod';
import { queryParams } from '../../core/http/body.js';
import { cachedResponse } from '../../core/http/cache.js';
import { badRequest, notFound } from '../../core/http/problem.js';
import type { KitEnv } from '../../core/http/staff.js';
import type { DirectoryContext } from '../context.js';
import { hsdsOrganization, hsdsOrganizationSummary, hsdsService, hsdsServiceSummary } from '../hsds/map.js';
import { filterParams, listResponse, moreParams, pageParams, wantsFull } from '../hsds/paging.js';
import { allTerms, HSDS_TAXONOMIES, serviceHasTerm, taxonomyId } from '../hsds/taxonomy.js';
import { hsdsId } from '../hsds/uuid.js';
import type { Collection } from '../model/collection.js';
import type { Service } from '../model/service.js';
import { hsdsVocabularyRoutes } from './hsds-vocabulary.js';
import { organizations } from '../model/organization.js';

/** The HSDS version the export follows. */
export const HSDS_VERSION = '3.1';

/** The filters of the HSDS lists that select services. */
export interface ServiceFilter {
  readonly search?: string;
  readonly taxonomy_id?: string;
  readonly taxonomy_term_id?: string;
  readonly organization_id?: string;
  readonly modified_after?: string;
}

/** `/api/directory/hsds/`: the Open Referral HSDS 3 API over the directory's services and organisations. */
export function hsdsRoutes(ctx: DirectoryContext) {
  const app = new Hono<KitEnv>();
  const { config } = ctx.deps;
  const orgs = organizations(config);
  const taxonomyIds = new Set(HSDS_TAXONOMIES.map((d) => taxonomyId(config, d.key)));
  const termIds = new Set(allTerms(config).map(({ term }) => term.id as string));

  /** Services passing the filters, in search rank (with `search`) or name order; 400 for an unknown taxonomy or term id. */
  const selectServices = async (collection: Collection, filter: ServiceFilter): Promise<Service[]> => {
    const errors = [
      ...(filter.taxonomy_id && !taxonomyIds.has(filter.taxonomy_id)
        ? [{ field: 'taxonomy_id', message: 'No such taxonomy (see /taxonomies)', sv: 'Okänd taxonomi' }]
        : []),
      ...(filter.taxonomy_term_id && !termIds.has(filter.taxonomy_term_id)
        ? [{ field: 'taxonomy_term_id', message: 'No such taxonomy term (see /taxonomy_terms)', sv: 'Okänd term' }]
        : []),
    ];
    if (errors.length) throw badRequest(errors, 'Invalid query parameters.');
    let services = collection.services.filter((s) => s.status !== 'retired');
    if (filter.search?.trim()) {
      const byId = new Map(services.map((s) => [s.id, s]));
      services = (await ctx.searchFor(collection)).search(filter.search).hits.flatMap((h) => byId.get(h.id) ?? []);
    } else services = [...services].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
    if (filter.organization_id)
      services = services.filter((s) => hsdsId(config.id, 'organization', s.organizationId) === filter.organization_id);
    // "modified on or after this datetime"
    if (filter.modified_after) {
      const after = Date.parse(filter.modified_after);
      services = services.filter((s) => Date.parse(s.updated.at) >= after);
    }
    if (filter.taxonomy_id || filter.taxonomy_term_id)
      services = services.filter((s) => serviceHasTerm(config, s, { termId: filter.taxonomy_term_id, taxonomyId: filter.taxonomy_id }));
    return services;
  };

  const about = (c: Context<KitEnv>) =>
    cachedResponse(
      c,
      JSON.stringify({
        version: HSDS_VERSION,
        profile: `${publicOriginOf(c, ctx.deps.publicOrigin)}/api/directory/openapi.json`,
        openapi_url: `${publicOriginOf(c, ctx.deps.publicOrigin)}/api/directory/openapi.json`,
        publisher: config.region.name,
      }),
    );
  app.get('/', about);

  const { organization_id, modified_after, minimal } = moreParams();
  const servicesQuery = z.strictObject({ ...pageParams(), ...filterParams(), organization_id, modified_after, minimal });
  app.get('/services', async (c) => {
    const query = queryParams(c, servicesQuery);
    const { collection } = await ctx.load();
    const services = await selectServices(collection, query);
    const full = wantsFull(query);
    if (query.minimal) {
      if (full)
        throw badRequest([{ field: 'minimal', message: 'minimal and full exclude each other', sv: 'minimal och full utesluter varandra' }]);
      // "just id and the modified date", all in one page unless a page size is asked for
      const items = services.map((s) => ({ id: hsdsId(config.id, 'service', s.id), last_modified: new Date(s.updated.at).toISOString() }));
      return listResponse(c, items, query, Math.max(1, items.length));
    }
    return listResponse(
      c,
      services.map((s) => (full ? hsdsService(config, s, orgs) : hsdsServiceSummary(config, s))),
      query,
    );
  });

  app.get('/services/:id', async (c) => {
    const { collection } = await ctx.load();
    const id = c.req.param('id');
    const service = collection.services.find((s) => s.id === id || hsdsId(config.id, 'service', s.id) === id);
    if (!service) throw notFound('No such service.');
    return cachedResponse(c, JSON.stringify(hsdsService(config, service, orgs)));
  });

  const orgQuery = z.strictObject({ ...pageParams(), ...filterParams() });
  app.get('/organizations', async (c) => {
    const query = queryParams(c, orgQuery);
    const { collection } = await ctx.load();
    let list = orgs;
    if (query.taxonomy_id || query.taxonomy_term_id) {
      const filter = { taxonomy_id: query.taxonomy_id, taxonomy_term_id: query.taxonomy_term_id };
      const providers = new Set((await selectServices(collection, filter)).map((s) => s.organizationId));
      list = list.filter((o) => providers.has(o.id));
    }
    if (query.search?.trim()) {
      const needle = query.search.trim().toLocaleLowerCase('sv');
      list = list.filter((o) => o.name.toLocaleLowerCase('sv').includes(needle));
    }
    // `full`: the full organization; `full_service` adds its services in full
    const items = list.map((o) =>
      query.full || query.full_service
        ? {
            ...hsdsOrganization(config, o),
            services: collection.services
              .filter((s) => s.organizationId === o.id && s.status !== 'retired')
              .map((s) => (query.full_service ? hsdsService(config, s, orgs) : hsdsServiceSummary(config, s))),
          }
        : hsdsOrganizationSummary(config, o),
    );
    return listResponse(c, items, query);
  });

  const orgOneQuery = z.strictObject({ full_service: filterParams().full_service });
  app.get('/organizations/:id', async (c) => {
    const query = queryParams(c, orgOneQuery);
    const id = c.req.param('id');
    const org = orgs.find((o) => o.id === id || hsdsId(config.id, 'organization', o.id) === id);
    if (!org) throw notFound('No such organization.');
    const { collection } = await ctx.load();
    const services = collection.services
      .filter((s) => s.organizationId === org.id && s.status !== 'retired')
      .sort((a, b) => a.name.localeCompare(b.name, 'sv'))
      .map((s) => (query.full_service ? hsdsService(config, s, orgs) : hsdsServiceSummary(config, s)));
    return cachedResponse(c, JSON.stringify({ ...hsdsOrganization(config, org), services }));
  });

  app.route('/', hsdsVocabularyRoutes(ctx, selectServices));
  const root = new Hono<KitEnv>();
  root.route('/hsds', app);
  // HSDS clients call the root with a trailing slash
  root.get('/hsds/', about);
  return root;
}
