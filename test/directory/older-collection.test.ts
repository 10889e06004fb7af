import { describe, expect, it } from 'vitest';
import { createDirectoryApp } from '../../functions/directory/app.js';
import { COLLECTION_KEY } from '../../functions/directory/model/collection.js';
import { getJson, putJson } from '../../functions/core/store/json.js';
import { directoryApp } from './helpers.js';

describe('a collection stored by an earlier version', () => {
  it('still serves every samverkan page and list: parts added since are read as empty', async () => {
    const { app, deps } = await directoryApp('jamtland', { cacheWindowMs: 0 });
    expect((await app.request('/hitta-stod/samverkan')).status).toBe(200);
    const stored = await getJson<Record<string, unknown>>(deps.store, COLLECTION_KEY);
    expect(stored).toBeDefined();
    const old = { ...stored!.value } as Record<string, unknown> & {
      groups: Record<string, unknown>[];
      agreements: Record<string, unknown>[];
    };
    // the shape before meetings, contacts, party roles, life cycles, goals and plans existed
    delete old['plans'];
    old.groups = old.groups.map(({ memberRoles: _r, contacts: _c, meetings: _m, ...g }) => g);
    old.agreements = old.agreements.map(({ partyRoles: _r, lifecycle: _l, goals: _g, ...a }) => a);
    expect(old.groups.length + old.agreements.length).toBeGreaterThan(0);
    await putJson(deps.store, COLLECTION_KEY, old);
    const later = createDirectoryApp(deps, { cacheWindowMs: 0 });
    for (const path of [
      '/hitta-stod/samverkan',
      '/hitta-stod/samverkan?lang=en',
      '/api/directory/plans',
      '/api/directory/groups',
      '/api/directory/agreements',
    ])
      expect((await later.request(path)).status, path).toBe(200);
  });
});
