import { describe, expect, it } from 'vitest';
import { directoryApp, json } from './helpers.js';

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 and describes every route of the route table', async () => {
    const { app } = await directoryApp();
    const doc = await json(await app.request('/api/directory/openapi.json'));
    expect(doc.openapi).toBe('3.1.0');
    for (const path of [
      '/api/directory/services',
      '/api/directory/services/{id}',
      '/api/directory/groups',
      '/api/directory/agreements',
      '/api/directory/services.csv',
      '/api/directory/hsds/',
      '/api/directory/hsds/services',
      '/api/directory/hsds/services/{id}',
      '/api/directory/hsds/organizations',
    ])
      expect(Object.keys(doc.paths)).toContain(path);
    const params = doc.paths['/api/directory/services'].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(
      expect.arrayContaining([
        'q',
        'municipality',
        'targetGroup',
        'substance',
        'principal',
        'careLevel',
        'noReferral',
        'openNow',
        'language',
        'age',
        'cursor',
      ]),
    );
    expect(doc.components.schemas.ServiceInput.properties.name).toBeDefined();
  });

  it('lists every API route the app answers', async () => {
    const { app } = await directoryApp();
    const doc = await json(await app.request('/api/directory/openapi.json'));
    const routes = app.routes
      .filter((r) => r.path.startsWith('/api/directory') && !r.path.includes('*') && r.method !== 'ALL')
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m} ${path}`),
    );
    expect(routes.filter((r) => !documented.includes(r))).toEqual([]);
  });
});

describe('the served document says what a replacement keeps and what an editor may change', () => {
  it('names the kept parts, [] as emptying and the editor rule on each PUT and on each part', async () => {
    const { app } = await directoryApp();
    const doc = await json(await app.request('/api/directory/openapi.json'));
    const put = (path: string) => doc.paths[path].put.description as string;
    const group = put('/api/directory/groups/{id}');
    for (const part of ['`members`', '`memberRoles`', '`contacts`', '`meetings`']) expect(group).toContain(part);
    const agreement = put('/api/directory/agreements/{id}');
    for (const part of ['`parties`', '`partyRoles`', '`lifecycle`', '`goals`', '`groups`']) expect(agreement).toContain(part);
    const plan = put('/api/directory/plans/{id}');
    expect(plan).toContain('`items`');
    for (const text of [group, agreement, plan]) {
      expect(text).toMatch(/kept as stored when the body leaves (them|it) out/);
      expect(text).toContain('send `[]` to empty');
      expect(text).toMatch(/An editor \(not admin\) changes only/);
    }
    expect(group).toContain("only its own organisation's membership");
    expect(agreement).toContain("only its own organisation's party");
    expect(plan).toContain('only the items its own organisation is responsible for');
    const props = (name: string) => doc.components.schemas[name].properties as Record<string, { description?: string }>;
    for (const [schema, parts] of [
      ['GroupInput', ['members', 'memberRoles', 'contacts', 'meetings']],
      ['AgreementInput', ['parties', 'partyRoles', 'lifecycle', 'goals', 'groups']],
    ] as const)
      for (const part of parts) expect(props(schema)[part]?.description, `${schema}.${part}`).toMatch(/Kept as stored when a replacement/);
    expect(props('PlanInput').items?.description).toMatch(/Kept as stored when a replacement/);
    expect(props('GroupInput').members?.description).toContain('An editor adds or removes only its own organisation');
    expect(props('AgreementInput').parties?.description).toContain('An editor adds or removes only its own organisation');
  });
});
