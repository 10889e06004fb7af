import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { directoryApp, json, jsonInit, kindaService, type J } from './helpers.js';

// Open Referral's schemas and API text, read from the shared reference folder (never copied into the project).
const HSDS = join(process.cwd(), '..', 'shared', 'hsds');
const load = (file: string) => JSON.parse(readFileSync(join(HSDS, file), 'utf8')) as J;
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const API_TEXT = load('openapi.json');
// the schema references of Open Referral's API text, which the served document uses too
const HSDS_SCHEMA_BASE = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/';
const compiledService = load('compiled/service.json');
// taxonomy.json and taxonomy_term.json are not compiled; the compiled service embeds both
const TERM_SCHEMA = compiledService.properties.attributes.items.properties.taxonomy_term;
const SCHEMA_FILES: Record<string, J> = {
  'taxonomy_term.json': TERM_SCHEMA,
  'taxonomy.json': TERM_SCHEMA.properties.taxonomy_detail,
};
const schemaFile = (file: string): J => SCHEMA_FILES[file] ?? load(file);
/** A list item schema that also refuses fields the list schema does not name. */
const only = (schema: J): J => ({ ...schema, additionalProperties: false });

let ajv: Ajv;
let served: J;
const compiled = new Map<string, ValidateFunction>();

/** Resolve the served document's response schema of `path`, with Open Referral's schema files for its references. */
function servedSchema(path: string, strictItems: boolean): J {
  const resolve = (node: J): J => {
    if (Array.isArray(node)) return node.map(resolve);
    if (!node || typeof node !== 'object') return node;
    if (typeof node.$ref === 'string' && node.$ref.startsWith(HSDS_SCHEMA_BASE)) {
      const schema = schemaFile(node.$ref.slice(HSDS_SCHEMA_BASE.length));
      return strictItems && node.$ref.endsWith('_list.json') ? only(schema) : schema;
    }
    if (typeof node.$ref === 'string' && node.$ref.startsWith('#/components/schemas/'))
      return resolve(served.components.schemas[node.$ref.split('/').pop()!]);
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, resolve(v)]));
  };
  return resolve(served.paths[path].get.responses['200'].content['application/json'].schema);
}

function checkAgainstServed(path: string, body: unknown, strictItems = true): void {
  const key = `${path} ${strictItems}`;
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(servedSchema(path, strictItems));
    compiled.set(key, validate);
  }
  expect(validate(body), `${path}: ${JSON.stringify(validate.errors?.slice(0, 3), null, 1)}`).toBe(true);
}

let ctx: Awaited<ReturnType<typeof directoryApp>>;
let kindaId: string;
const get = async (url: string) => {
  const res = await ctx.app.request(url);
  return { res, body: /^application\/(problem\+)?json/.test(res.headers.get('content-type') ?? '') ? await json(res) : await res.text() };
};
const api = '/api/directory/hsds';

beforeAll(async () => {
  ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
  ctx = await directoryApp('ostergotland');
  const admin = await ctx.kit.bearer({ roles: ['admin'] });
  const created = await ctx.app.request(
    '/api/directory/services',
    jsonInit(
      'POST',
      kindaService({
        locations: [
          { name: 'Kommunhuset', street: 'Storgatan 1', postalCode: '590 40', city: 'Kisa', latitude: 57.99, longitude: 15.63 },
          { confidential: true, street: 'Hemlig väg 2', postalCode: '590 40', city: 'Kisa' },
        ],
      }),
      admin,
    ),
  );
  kindaId = (await json(created)).id;
  served = await json(await ctx.app.request('/api/directory/openapi.json'));
});

describe('the HSDS API as Open Referral’s API text describes it', () => {
  it('serves every route of the API text with every parameter it names', () => {
    for (const [path, ops] of Object.entries(API_TEXT.paths as Record<string, J>)) {
      const ours = served.paths[`${api}${path}`];
      expect(ours, path).toBeDefined();
      const names = (ops.get.parameters ?? []).map((p: J) =>
        p.$ref ? API_TEXT.components.parameters[p.$ref.split('/').pop()].name : p.name,
      );
      const mine = ours.get.parameters?.map((p: J) => p.name) ?? [];
      expect(mine, path).toEqual(expect.arrayContaining(names));
    }
  });

  it('answers every route with what the served OpenAPI document promises, lists with only the list fields', async () => {
    const sal = (await get(`${api}/service_at_locations`)).body.contents[0].id;
    const term = (await get(`${api}/taxonomy_terms`)).body.contents[0].id;
    const taxonomy = (await get(`${api}/taxonomies`)).body.contents[0].id;
    const org = (await get(`${api}/organizations`)).body.contents[0].id;
    const cases: [string, string, boolean][] = [
      [`${api}/services?per_page=100`, '/services', true],
      [`${api}/services?per_page=100&full=true`, '/services', false],
      [`${api}/services/${kindaId}`, '/services/{id}', true],
      [`${api}/organizations`, '/organizations', true],
      [`${api}/organizations?full=true`, '/organizations', false],
      [`${api}/organizations/${org}`, '/organizations/{id}', true],
      [`${api}/organizations/${org}?full_service=true`, '/organizations/{id}', true],
      [`${api}/taxonomies`, '/taxonomies', true],
      [`${api}/taxonomies/${taxonomy}`, '/taxonomies/{id}', true],
      [`${api}/taxonomy_terms?per_page=500`, '/taxonomy_terms', true],
      [`${api}/taxonomy_terms/${term}`, '/taxonomy_terms/{id}', true],
      [`${api}/service_at_locations`, '/service_at_locations', true],
      [`${api}/service_at_locations?full=true`, '/service_at_locations', false],
      [`${api}/service_at_locations/${sal}`, '/service_at_locations/{id}', true],
    ];
    for (const [url, path, strict] of cases) {
      const { res, body } = await get(url);
      expect(res.status, url).toBe(200);
      checkAgainstServed(`${api}${path}`, body, strict);
    }
  });

  it('returns an organization with its services array', async () => {
    const kinda = (await get(`${api}/organizations?search=kinda`)).body.contents[0];
    const { body } = await get(`${api}/organizations/${kinda.id}`);
    expect(body.services.map((s: J) => s.name)).toContain('Öppenvården Kinda');
    const full = (await get(`${api}/organizations/${kinda.id}?full_service=true`)).body;
    const validate = ajv.compile(compiledService);
    for (const service of full.services) expect(validate(service)).toBe(true);
    expect(full.services.find((s: J) => s.name === 'Öppenvården Kinda').phones).toHaveLength(1);
  });

  it('treats modified_after as "on or after"', async () => {
    const { body: service } = await get(`${api}/services/${kindaId}`);
    const at = service.last_modified as string;
    const on = await get(`${api}/services?per_page=500&modified_after=${encodeURIComponent(at)}`);
    expect(on.body.contents.map((s: J) => s.id)).toContain(service.id);
    const later = new Date(Date.parse(at) + 1).toISOString();
    const after = await get(`${api}/services?per_page=500&modified_after=${encodeURIComponent(later)}`);
    expect(after.body.contents.map((s: J) => s.id)).not.toContain(service.id);
  });

  it('takes full and full_service alike on services, and refuses them disagreeing', async () => {
    const full = (await get(`${api}/services?per_page=3&full=true`)).body;
    const fullService = (await get(`${api}/services?per_page=3&full_service=true`)).body;
    expect(fullService).toEqual(full);
    expect(full.contents[0].attributes).toBeDefined();
    const { res, body } = await get(`${api}/services?full=true&full_service=false`);
    expect(res.status).toBe(400);
    expect(body.errors[0].field).toBe('full_service');
  });

  it('filters by taxonomy term and taxonomy: every hit carries it, and every service that carries it is a hit', async () => {
    const terms = (await get(`${api}/taxonomy_terms?per_page=500`)).body.contents as J[];
    const all = (await get(`${api}/services?per_page=500&full=true`)).body.contents as J[];
    const carries = (s: J, pick: (a: J) => boolean) => s.attributes.some(pick);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...terms), fc.boolean(), async (term, byTaxonomy) => {
        const url = byTaxonomy ? `taxonomy_id=${term.taxonomy_id}` : `taxonomy_term_id=${term.id}`;
        const pick = (a: J) => (byTaxonomy ? a.taxonomy_term.taxonomy_id === term.taxonomy_id : a.taxonomy_term_id === term.id);
        const hits = (await get(`${api}/services?per_page=500&full=true&${url}`)).body.contents as J[];
        expect(hits.map((s) => s.id).sort()).toEqual(
          all
            .filter((s) => carries(s, pick))
            .map((s) => s.id)
            .sort(),
        );
      }),
      { numRuns: 40 },
    );
  });

  it('answers every unknown or unsupported parameter value with 400, never with everything', async () => {
    for (const query of [
      'taxonomy_id=nope',
      'taxonomy_term_id=00000000-0000-4000-8000-000000000000',
      'format=xml',
      'minimal=yes',
      'minimal=true&full=true',
      'organization_id=kinda',
      'modified_after=yesterday',
      'postal_code=59040',
      'per_page=0',
    ]) {
      const { res, body } = await get(`${api}/services?${query}`);
      expect(res.status, query).toBe(400);
      expect(body.errors.length, query).toBeGreaterThan(0);
    }
    for (const query of ['postcode=59040', 'proximity=1000', 'taxonomy_id=nope'])
      expect((await get(`${api}/service_at_locations?${query}`)).res.status, query).toBe(400);
  });

  it('streams every result unpaged with format=ndjson', async () => {
    const page = (await get(`${api}/services?per_page=2`)).body;
    const { res, body } = await get(`${api}/services?format=ndjson&per_page=2`);
    expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const lines = (body as string)
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as J);
    expect(lines).toHaveLength(page.total_items);
    for (const line of lines) checkAgainstServed(`${api}/services`, { ...page, contents: [line] });
  });

  it('gives only id and last_modified of every service with minimal=true', async () => {
    const { body } = await get(`${api}/services?minimal=true`);
    const all = (await get(`${api}/services?per_page=1`)).body.total_items;
    expect(body.size).toBe(all);
    for (const item of body.contents) expect(Object.keys(item).sort()).toEqual(['id', 'last_modified']);
  });

  it('uses the specification’s extent types for service areas', async () => {
    const { body } = await get(`${api}/services?per_page=500&full=true`);
    for (const service of body.contents)
      for (const area of service.service_areas) expect(['geojson', 'topojson', 'kml', 'text']).toContain(area.extent_type);
  });

  it('lists the kit’s vocabularies as taxonomies with their terms', async () => {
    const taxonomies = (await get(`${api}/taxonomies`)).body.contents as J[];
    expect(taxonomies.map((t) => t.name)).toEqual(expect.arrayContaining(['se-county-kit/substance', 'se-county-kit/target-group']));
    const substance = taxonomies.find((t) => t.name === 'se-county-kit/substance')!;
    const terms = (await get(`${api}/taxonomy_terms?taxonomy_id=${substance.id}`)).body.contents as J[];
    expect(terms.map((t) => t.code)).toEqual(expect.arrayContaining(['alcohol', 'gambling']));
    expect(terms.every((t) => t.taxonomy_id === substance.id)).toBe(true);
  });

  it('lists public places only, never a confidential address', async () => {
    const { body } = await get(`${api}/service_at_locations?full=true&per_page=500`);
    const mine = body.contents.filter((s: J) => s.location.name === 'Kommunhuset');
    expect(mine).toHaveLength(1);
    expect(JSON.stringify(body)).not.toContain('Hemlig');
    const ndjson = (await get(`${api}/service_at_locations?format=ndjson&full=true`)).body as string;
    expect(ndjson).not.toContain('Hemlig');
  });
});
