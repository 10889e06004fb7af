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
