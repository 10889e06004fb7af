import { Hono } from 'hono';
import * as z from 'zod';
import { queryParams } from '../../core/http/body.js';
import { cachedResponse } from '../../core/http/cache.js';
import { notFound } from '../../core/http/problem.js';
import type { KitEnv } from '../../core/http/staff.js';
import type { DirectoryContext } from '../context.js';
import { hsdsServiceAtLocations } from '../hsds/map.js';
import { filterParams, listResponse, moreParams, pageParams, refusedParams, wantsFull } from '../hsds/paging.js';
import { allTerms, HSDS_TAXONOMIES, hsdsTaxonomy } from '../hsds/taxonomy.js';
import type { Collection } from '../model/collection.js';
import type { Service } from '../model/service.js';
import type { ServiceFilter } from './hsds.js';

const matches = (search: string | undefined, ...texts: unknown[]) =>
  !search?.trim() || texts.some((t) => typeof t === 'string' && t.toLocaleLowerCase('sv').includes(search.trim().toLocaleLowerCase('sv')));

/**
 * The optional HSDS routes: `/taxonomies` and `/taxonomy_terms` (the kit's vocabularies) and
 * `/service_at_locations` (the public places of services; confidential ones never appear).
 */
export function hsdsVocabularyRoutes(
  ctx: DirectoryContext,
  selectServices: (collection: Collection, filter: ServiceFilter) => Promise<Service[]>,
) {
  const app = new Hono<KitEnv>();
  const { config } = ctx.deps;
  const taxonomies = HSDS_TAXONOMIES.map((def) => hsdsTaxonomy(config, def));
  const terms = allTerms(config).map(({ term }) => term);

  const taxonomyQuery = z.strictObject({ ...pageParams(), search: filterParams().search });
  app.get('/taxonomies', (c) => {
    const query = queryParams(c, taxonomyQuery);
    return listResponse(
      c,
      taxonomies.filter((t) => matches(query.search, t.name, t.description)),
      query,
    );
  });
  app.get('/taxonomies/:id', (c) => {
    const found = taxonomies.find((t) => t.id === c.req.param('id'));
    if (!found) throw notFound('No such taxonomy.');
    return cachedResponse(c, JSON.stringify(found));
  });

  const { top_only, parent_id } = moreParams();
  const termQuery = z.strictObject({
    ...pageParams(),
    search: filterParams().search,
    taxonomy_id: filterParams().taxonomy_id,
    top_only,
    parent_id,
  });
  app.get('/taxonomy_terms', (c) => {
    const query = queryParams(c, termQuery);
    // the vocabularies are flat: every term is a top term and none has a parent
    const list = terms.filter(
      (t) =>
        (!query.taxonomy_id || t.taxonomy_id === query.taxonomy_id) &&
        query.parent_id === undefined &&
        matches(query.search, t.code, t.name, t.description),
    );
    return listResponse(c, list, query);
  });
  app.get('/taxonomy_terms/:id', (c) => {
    const found = terms.find((t) => t.id === c.req.param('id'));
    if (!found) throw notFound('No such taxonomy term.');
    return cachedResponse(c, JSON.stringify(found));
  });

  const { organization_id, modified_after } = moreParams();
  const salQuery = z.strictObject({ ...pageParams(), ...filterParams(), organization_id, modified_after, ...refusedParams() });
  app.get('/service_at_locations', async (c) => {
    const query = queryParams(c, salQuery);
    const full = wantsFull(query);
    const { collection } = await ctx.load();
    const items = (await selectServices(collection, query)).flatMap((service) =>
      hsdsServiceAtLocations(config, service).map((sal) => {
        if (full) return sal;
        const { location: _full, ...summary } = sal;
        return summary;
      }),
    );
    return listResponse(c, items, query);
  });
  app.get('/service_at_locations/:id', async (c) => {
    const id = c.req.param('id');
    const { collection } = await ctx.load();
    for (const service of collection.services) {
      if (service.status === 'retired') continue;
      const found = hsdsServiceAtLocations(config, service).find((sal) => sal.id === id);
      if (found) return cachedResponse(c, JSON.stringify(found));
    }
    throw notFound('No such service_at_location.');
  });
  return app;
}
