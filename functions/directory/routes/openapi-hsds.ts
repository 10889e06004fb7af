import { oa, type OpenApiPaths } from '../../core/http/openapi.js';

const { problem, ref, query: q, idParam } = oa;

/** Where Open Referral publishes the HSDS 3 schemas (the same references as its own API text). */
export const HSDS_SCHEMA_BASE = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/';

const hsds = (file: string) => ({ $ref: `${HSDS_SCHEMA_BASE}${file}` });
const json = (schema: unknown) => ({ description: 'OK', content: { 'application/json': { schema } } });
const page = (item: string) => ({
  description: 'A page; with `format=ndjson` every item unpaged, one per line (`application/x-ndjson`).',
  content: {
    'application/json': { schema: { allOf: [ref('HsdsPage')], properties: { contents: { type: 'array', items: hsds(item) } } } },
    'application/x-ndjson': { schema: hsds(item) },
  },
});
/** The root of the HSDS API (Open Referral's version, profile and OpenAPI link). */
const HSDS_ROOT = {
  type: 'object',
  additionalProperties: false,
  required: ['version', 'profile', 'openapi_url'],
  properties: {
    version: { type: 'string' },
    profile: { type: 'string', format: 'uri' },
    openapi_url: { type: 'string', format: 'uri' },
    publisher: { type: 'string' },
  },
};
const answers = (ok: unknown) => ({ '200': ok, '304': { description: 'Not modified.' }, '400': problem });
const one = (operationId: string, file: string, summary: string) => ({
  get: { operationId, summary, parameters: [idParam], responses: { ...answers(json(hsds(file))), '404': problem } },
});

const P = {
  search: q('search', 'Full text search.'),
  page: q('page', 'Page from 1.', { type: 'integer', minimum: 1 }),
  per_page: q('per_page', 'Items per page, 1–500 (default 50).', { type: 'integer', minimum: 1, maximum: 500 }),
  format: q('format', '`json` (default) or `ndjson`: every result, unpaged, one JSON object per line.', { enum: ['json', 'ndjson'] }),
  taxonomy_id: q('taxonomy_id', 'Only records with a term of this taxonomy (see `/taxonomies`); an unknown id is a 400.'),
  taxonomy_term_id: q('taxonomy_term_id', 'Only records with this taxonomy term (see `/taxonomy_terms`); an unknown id is a 400.'),
  organization_id: q('organization_id', 'Only services of this organization (HSDS id).', { type: 'string', format: 'uuid' }),
  modified_after: q('modified_after', 'Only records modified on or after this ISO 8601 date-time (inclusive).', {
    type: 'string',
    format: 'date-time',
  }),
  minimal: q('minimal', 'true: only `id` and `last_modified` of every service, in one page unless `per_page` is given.', {
    type: 'boolean',
  }),
  full: q('full', 'true: fully nested records. `full_service` means the same here; giving both with different values is a 400.', {
    type: 'boolean',
  }),
  full_service: q('full_service', 'true: services in full (on organizations); on lists the same as `full`.', { type: 'boolean' }),
  postcode: q('postcode', 'Not supported (service areas are municipalities): always a 400.'),
  proximity: q('proximity', 'Not supported: always a 400.'),
  top_only: q('top_only', 'The vocabularies are flat: every term is a top term.', { type: 'boolean' }),
  parent_id: q('parent_id', 'The vocabularies are flat: no term has a parent, so any value gives an empty list.'),
};

/** The HSDS 3 routes under `/api/directory/hsds`, with Open Referral's parameter names and response schemas. Unknown parameters are a 400. */
export const HSDS_PATHS: OpenApiPaths = {
  '/api/directory/hsds/': {
    get: { operationId: 'hsdsRoot', summary: 'HSDS API: version and profile', responses: { '200': json(HSDS_ROOT) } },
  },
  '/api/directory/hsds': {
    get: { operationId: 'hsdsRootNoSlash', summary: 'HSDS API: version and profile', responses: { '200': json(HSDS_ROOT) } },
  },
  '/api/directory/hsds/services': {
    get: {
      operationId: 'hsdsListServices',
      summary: 'HSDS API: paged services (list fields only unless `full`)',
      parameters: [
        P.search,
        P.page,
        P.per_page,
        P.format,
        P.taxonomy_term_id,
        P.taxonomy_id,
        P.organization_id,
        P.modified_after,
        P.minimal,
        P.full,
        P.full_service,
      ],
      responses: answers(page('compiled/service_list.json')),
    },
  },
  '/api/directory/hsds/services/{id}': one('hsdsGetService', 'compiled/service.json', 'HSDS API: one fully nested service'),
  '/api/directory/hsds/organizations': {
    get: {
      operationId: 'hsdsListOrganizations',
      summary: 'HSDS API: paged organizations (list fields only unless `full` or `full_service`)',
      parameters: [P.search, P.full_service, P.full, P.taxonomy_term_id, P.taxonomy_id, P.page, P.per_page, P.format],
      responses: answers(page('compiled/organization_list.json')),
    },
  },
  '/api/directory/hsds/organizations/{id}': {
    get: {
      operationId: 'hsdsGetOrganization',
      summary: 'HSDS API: one organization with its services (in full with `full_service=true`)',
      parameters: [idParam, P.full_service],
      responses: { ...answers(json(hsds('compiled/organization.json'))), '404': problem },
    },
  },
  '/api/directory/hsds/taxonomies': {
    get: {
      operationId: 'hsdsListTaxonomies',
      summary: 'HSDS API: the kit’s vocabularies as taxonomies',
      parameters: [P.search, P.page, P.per_page, P.format],
      responses: answers(page('taxonomy.json')),
    },
  },
  '/api/directory/hsds/taxonomies/{id}': one('hsdsGetTaxonomy', 'taxonomy.json', 'HSDS API: one taxonomy'),
  '/api/directory/hsds/taxonomy_terms': {
    get: {
      operationId: 'hsdsListTaxonomyTerms',
      summary: 'HSDS API: the terms of the vocabularies',
      parameters: [P.search, P.page, P.per_page, P.format, P.taxonomy_id, P.top_only, P.parent_id],
      responses: answers(page('taxonomy_term.json')),
    },
  },
  '/api/directory/hsds/taxonomy_terms/{id}': one('hsdsGetTaxonomyTerm', 'taxonomy_term.json', 'HSDS API: one taxonomy term'),
  '/api/directory/hsds/service_at_locations': {
    get: {
      operationId: 'hsdsListServiceAtLocations',
      summary: 'HSDS API: public places of services (confidential addresses never appear)',
      parameters: [
        P.search,
        P.taxonomy_term_id,
        P.taxonomy_id,
        P.organization_id,
        P.modified_after,
        P.full,
        P.page,
        P.per_page,
        P.format,
        P.postcode,
        P.proximity,
      ],
      responses: answers(page('compiled/service_at_location_list.json')),
    },
  },
  '/api/directory/hsds/service_at_locations/{id}': one(
    'hsdsGetServiceAtLocation',
    'compiled/service_at_location.json',
    'HSDS API: one service_at_location with its location',
  ),
};

/** The page object of HSDS lists (Open Referral's `Page`). */
export const HSDS_PAGE_SCHEMA = {
  type: 'object',
  required: ['total_items', 'total_pages', 'page_number', 'size', 'first_page', 'last_page', 'empty'],
  properties: {
    total_items: { type: 'integer' },
    total_pages: { type: 'integer' },
    page_number: { type: 'integer' },
    size: { type: 'integer' },
    first_page: { type: 'boolean' },
    last_page: { type: 'boolean' },
    empty: { type: 'boolean' },
    contents: { type: 'array' },
  },
};
