import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3Store } from '../../functions/core/store/s3-store.js';
import { createIndicatorsApp } from '../../functions/indicators/app.js';
import { testKit } from '../support/deps.js';
import { requireMotoUnderCi, startMoto, type MotoServer } from '../support/moto.js';
import { json, putReport, sipReport } from './helpers.js';

const moto = requireMotoUnderCi();
describe.runIf(moto)('indicators on S3 (moto)', () => {
  let server: MotoServer;
  beforeAll(async () => {
    server = await startMoto();
  });
  afterAll(async () => server?.stop());

  it('reports, corrects with If-Match and publishes the area total from S3 objects', async () => {
    const store = new S3Store({ client: server.client(), bucket: await server.createBucket() });
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
    const other = createIndicatorsApp(kit.deps, { cacheWindowMs: 0 });
    const body = await json(await other.request('/api/indicators/area?indicator=sip-established'));
    expect(body.items[0].cells.T.value).toBe(26);
  });
});
