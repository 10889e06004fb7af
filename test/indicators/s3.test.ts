import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3Store } from '../../functions/core/store/s3-store.js';
import { createIndicatorsApp } from '../../functions/indicators/app.js';
import { testKit } from '../support/deps.js';
import { requireMotoUnderCi, startMoto, type MotoServer } from '../support/moto.js';
import type { Store } from '../../functions/core/store/store.js';
import { json, jsonHeaders, putReport, sipReport } from './helpers.js';

const moto = requireMotoUnderCi();
describe.runIf(moto)('indicators on S3 (moto)', () => {
  let server: MotoServer;
  beforeAll(async () => {
    server = await startMoto();
  });
  afterAll(async () => server?.stop());

  it('reports, corrects with If-Match and publishes the area total from S3 objects', async () => {
    const store = new S3Store({ client: server.objectClient(), bucket: await server.createBucket() });
    const kit = await testKit({ area: 'norrbotten', store });
    const app = createIndicatorsApp(kit.deps, { cacheWindowMs: 0 });
    const admin = await kit.bearer({ roles: ['admin'] });
    const first = await putReport({ app }, 'sip-established/2026-Q3/2580', sipReport(6, 9), admin);
    expect(first.status).toBe(201);
    await putReport({ app }, 'sip-established/2026-Q3/2584', sipReport(5, 5), admin);
    const fixed = await putReport({ app }, 'sip-established/2026-Q3/2580', sipReport(7, 9), admin, {
      'if-match': first.headers.get('etag') as string,
    });
    expect(fixed.status).toBe(200);
    const made = await app.request('/api/indicators/releases', {
      method: 'POST',
      headers: jsonHeaders(admin),
      body: JSON.stringify({ period: '2026-Q3' }),
    });
    expect(made.status).toBe(201);
    const other = createIndicatorsApp(kit.deps, { cacheWindowMs: 0 });
    const body = await json(await other.request('/api/indicators/area?indicator=sip-established'));
    expect(body.items[0].cells.T.value).toBe(26);
  });

  it('answers a cold public page from one object, however many reports there are', async () => {
    const store = new S3Store({ client: server.objectClient(), bucket: await server.createBucket() });
    const kit = await testKit({ area: 'norrbotten', store, now: '2026-11-23T10:00:00+01:00' });
    const app = createIndicatorsApp(kit.deps, { cacheWindowMs: 0 });
    const admin = await kit.bearer({ roles: ['admin'] });
    for (const m of kit.deps.config.municipalities) {
      await putReport({ app }, `sip-established/2026-Q3/${m.code}`, sipReport(6, 9), admin);
      await putReport({ app }, `relatives-supported/2026-Q3/${m.code}`, sipReport(7, 8), admin);
    }
    const made = await app.request('/api/indicators/releases', {
      method: 'POST',
      headers: jsonHeaders(admin),
      body: JSON.stringify({ period: '2026-Q3' }),
    });
    expect(made.status).toBe(201);
    const calls = { get: 0, list: 0 };
    const counted: Store = {
      get: (k, o) => ((calls.get += 1), store.get(k, o)),
      list: (p, o) => ((calls.list += 1), store.list(p, o)),
      put: (k, b, o) => store.put(k, b, o),
      delete: (k) => store.delete(k),
    };
    const cold = createIndicatorsApp({ ...kit.deps, store: counted }, { cacheWindowMs: 60_000 });
    expect((await cold.request('/uppfoljning/sip-established')).status).toBe(200);
    expect((await cold.request('/uppfoljning')).status).toBe(200);
    expect((await cold.request('/api/indicators/export.csv')).status).toBe(200);
    // the releases object and the directory's agreement goals, however many reports there are
    expect(calls).toEqual({ get: 2, list: 0 });
  });
});
