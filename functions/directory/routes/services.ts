import { Hono } from 'hono';
import { cachedResponse } from '../../core/http/cache.js';
import { badRequest, type FieldError } from '../../core/http/problem.js';
import { queryParams } from '../../core/http/body.js';
import type { KitEnv } from '../../core/http/staff.js';
import type { DirectoryContext } from '../context.js';
import { knownOrgs } from '../data/orgs.js';
import { serviceInputSchema, type Service, type ServiceInput } from '../model/service.js';
import { findServices } from '../search/find.js';
import { serviceQuerySchema } from '../search/query.js';
import { isStale, keepConfidentialAddresses, publicService } from '../views/public-service.js';
import { entryRoutes, type EntryResource } from './entry-routes.js';

/** Checks of a service against the area: organisation, municipality codes, languages, ages. */
export function checkServiceInput(ctx: DirectoryContext, input: ServiceInput, prefix = ''): FieldError[] {
  const { config } = ctx.deps;
  const errors: FieldError[] = [];
  if (!knownOrgs(config).has(input.organizationId))
    errors.push({ field: `${prefix}organizationId`, message: 'Unknown organisation in this area', sv: 'Okänd organisation i området' });
  const codes = new Set(config.municipalities.map((m) => m.code));
  input.municipalities.forEach((code, i) => {
    if (!codes.has(code))
      errors.push({ field: `${prefix}municipalities.${i}`, message: 'Not a municipality of this area', sv: 'Inte en kommun i området' });
  });
  input.languages.forEach((lang, i) => {
    if (!config.languages.includes(lang))
      errors.push({ field: `${prefix}languages.${i}`, message: 'Not a language of this area', sv: 'Inte ett språk i området' });
  });
  if (input.minimumAge !== undefined && input.maximumAge !== undefined && input.minimumAge > input.maximumAge)
    errors.push({ field: `${prefix}maximumAge`, message: 'Must not be below minimumAge', sv: 'Får inte vara lägre än lägsta ålder' });
  return errors;
}

/** How services are validated, owned and presented; the API and the staff pages share it. */
export function serviceResource(ctx: DirectoryContext): EntryResource<ServiceInput, Service> {
  return {
    kind: 'services',
    schema: serviceInputSchema,
    orgsOf: (entry) => [entry.organizationId],
    check: (input) => {
      const errors = checkServiceInput(ctx, input);
      if (errors.length) throw badRequest(errors);
    },
    present: (entry, now, editor) => (editor ? { ...entry, stale: isStale(entry.verified?.at, now) } : publicService(entry, now)),
    keep: (input, current) => ({ ...input, locations: keepConfidentialAddresses(input.locations, current.locations) }),
  };
}

/** `/api/directory/services`: search and read services (public), create, replace and retire them (staff). */
export function servicesRoutes(ctx: DirectoryContext) {
  const app = new Hono<KitEnv>();
  const querySchema = serviceQuerySchema(ctx.deps.config);

  app.get('/', async (c) => {
    const query = queryParams(c, querySchema);
    const snapshot = await ctx.load();
    const now = ctx.deps.clock.now();
    const page = await findServices(snapshot.collection, () => ctx.searchFor(snapshot.collection), query, now);
    const body = {
      total: page.total,
      matchedAllWords: page.matchedAllWords,
      items: page.items.map((f) => ({
        ...publicService(f.service, now),
        ...(f.score !== undefined ? { score: f.score, matchedFields: f.matchedFields, matchedTerms: f.matchedTerms } : {}),
      })),
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    };
    // open-now answers change with the clock; keep them short-lived
    return cachedResponse(c, JSON.stringify(body), { maxAge: query.openNow ? 30 : 60 });
  });

  app.route('/', entryRoutes(ctx, serviceResource(ctx)));
  return app;
}
