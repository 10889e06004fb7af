import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { directoryApp, json, jsonInit, kindaService, type J } from './helpers.js';

// The official HSDS schemas, read from the shared reference folder (never copied into the project).
const HSDS = join(process.cwd(), '..', 'shared', 'hsds');
const load = (file: string) => JSON.parse(readFileSync(join(HSDS, file), 'utf8')) as Record<string, unknown>;
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

let validators: Record<string, ValidateFunction>;

function check(name: string, data: unknown): void {
  const validate = validators[name]!;
  expect(validate(data), JSON.stringify(validate.errors, null, 1)).toBe(true);
}

beforeAll(() => {
  const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
  const page = (load('openapi.json') as J).components.schemas.Page;
  const paged = (item: string) => ({
    allOf: [page, { type: 'object', properties: { contents: { type: 'array', items: load(`compiled/${item}.json`) } } }],
  });
  validators = {
    service: ajv.compile(load('compiled/service.json')),
    organization: ajv.compile(load('compiled/organization.json')),
    servicePage: ajv.compile(paged('service_list')),
    organizationPage: ajv.compile(paged('organization_list')),
  };
});

async function withFullService() {
  const { app, kit } = await directoryApp('ostergotland');
  const admin = await kit.bearer({ roles: ['admin'] });
  const body = kindaService({
    verified: true,
    email: 'oppenvarden@kinda.example',
    url: 'https://kinda.example/oppenvard',
    minimumAge: 18,
    languages: ['sv', 'en'],
    locations: [
      {
        name: 'Kommunhuset',
        street: 'Storgatan 1',
        postalCode: '590 40',
        city: 'Kisa',
        latitude: 57.99,
        longitude: 15.63,
        accessibility: 'Hiss och ramp',
      },
      { confidential: true, street: 'Hemlig väg 2', postalCode: '590 40', city: 'Kisa' },
    ],
  });
  const created = await json(await app.request('/api/directory/services', jsonInit('POST', body, admin)));
  return { app, id: created.id as string };
}

describe('the HSDS API', () => {
  it('describes itself at the root', async () => {
    const { app } = await directoryApp();
    const root = await json(await app.request('/api/directory/hsds/'));
    expect(root.version).toBe('3.1');
    expect(root.openapi_url).toMatch(/\/api\/directory\/openapi\.json$/);
  });

  it('lists services as a page that validates against the official schemas', async () => {
    const { app } = await withFullService();
    const page = await json(await app.request('/api/directory/hsds/services?per_page=5&page=2'));
    check('servicePage', page);
    expect(page.page_number).toBe(2);
    expect(page.size).toBe(5);
  });

  it('answers one full service that validates, without the confidential address', async () => {
    const { app, id } = await withFullService();
    const service = await json(await app.request(`/api/directory/hsds/services/${id}`));
    check('service', service);
    expect(service.service_at_locations).toHaveLength(1);
    expect(JSON.stringify(service)).not.toContain('Hemlig');
    expect(service.attributes.map((a: J) => a.taxonomy_term.code)).toEqual(expect.arrayContaining(['municipality', 'adults', 'gambling']));
  });

  it('validates every seeded service of every area-like seed', async () => {
    const { app, kit } = await directoryApp('ostergotland');
    const page = await json(await app.request('/api/directory/hsds/services?per_page=100&full_service=true'));
    const seeded = kit.deps.config.directory.seed.units.length;
    expect(seeded).toBeGreaterThan(0);
    expect(page.contents).toHaveLength(seeded);
    for (const service of page.contents) check('service', service);
  });

  it('finds a service by its HSDS id', async () => {
    const { app } = await directoryApp('ostergotland');
    const page = await json(await app.request('/api/directory/hsds/services?search=mini%20maria'));
    const first = page.contents[0];
    const again = await json(await app.request(`/api/directory/hsds/services/${first.id}`));
    expect(again.name).toBe(first.name);
  });

  it('lists organizations as a page that validates, each one valid on its own', async () => {
    const { app } = await directoryApp('ostergotland');
    const page = await json(await app.request('/api/directory/hsds/organizations'));
    check('organizationPage', page);
    expect(page.contents.map((o: J) => o.name)).toContain('Kinda');
    const one = await json(await app.request(`/api/directory/hsds/organizations/${page.contents[0].id}`));
    check('organization', one);
  });

  it('rejects a bad page number with 400 naming the parameter', async () => {
    const { app } = await directoryApp();
    const res = await app.request('/api/directory/hsds/services?page=0');
    expect(res.status).toBe(400);
    expect((await json(res)).errors[0].field).toBe('page');
  });
});
