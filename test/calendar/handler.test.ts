import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3Store } from '../../functions/core/store/s3-store.js';
import { getJson } from '../../functions/core/store/json.js';
import { fixedClock } from '../../functions/core/deps.js';
import { requireMotoUnderCi, startMoto, type MotoServer } from '../support/moto.js';
import { areaConfig, testKit } from '../support/deps.js';
import { COLLECTION_KEY, type Collection } from '../../functions/calendar/data/collection.js';
import { ledgerKey } from '../../functions/calendar/data/ledger-counts.js';
import { calendarKit } from './helpers.js';
import { seedCalendar } from './seed.js';

const DAY = 86_400_000;

describe.runIf(requireMotoUnderCi())('the calendar Lambda handler on S3 (moto)', () => {
  let moto: MotoServer;
  const saved = { ...process.env };
  beforeAll(async () => {
    moto = await startMoto();
  }, 60_000);
  afterAll(async () => {
    process.env = saved;
    await moto?.stop();
  });

  it('runs the housekeeping on the scheduled event, folds a notified ledger write, and answers HTTP requests with the app', async () => {
    const bucket = await moto.createBucket();
    const store = new S3Store({ client: moto.objectClient(), bucket });
    const kit = await testKit({ area: 'ostergotland', store });
    const seeded = await seedCalendar({ ...kit.deps, clock: fixedClock(new Date()) }, 9);
    Object.assign(process.env, {
      DATA_BUCKET: bucket,
      USER_POOL_ISSUER: 'https://issuer.invalid',
      USER_POOL_CLIENT_ID: 'client',
      S3_FORCE_PATH_STYLE: 'true',
      AWS_ENDPOINT_URL_S3: moto.endpoint,
      AWS_REGION: 'eu-north-1',
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
    });
    (globalThis as { __COUNTY_CONFIG__?: string }).__COUNTY_CONFIG__ = JSON.stringify(areaConfig('ostergotland'));
    const { handler } = await import('../../functions/calendar/handler.js');
    const invoke = handler as unknown as (event: unknown, context: unknown) => Promise<unknown>;

    const due = seeded.filter((e, i) => i % 3 === 0 && Date.parse(e.end) < Date.now() - 90 * DAY).length;
    const report = (await invoke({ source: 'aws.events', 'detail-type': 'Scheduled Event', task: 'calendar-housekeeping' }, {})) as {
      purged: number;
      attendancePublished: boolean;
    };
    expect(report.purged).toBe(due);
    expect(report.attendancePublished).toBe(true);
    expect(await getJson(store, 'calendar/public/attendance.json')).toBeDefined();

    const http = (await invoke(
      {
        version: '2.0',
        routeKey: '$default',
        rawPath: '/api/calendar/events/seed-3',
        rawQueryString: '',
        headers: { host: 'stod.example.se' },
        requestContext: { http: { method: 'GET', path: '/api/calendar/events/seed-3', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1' } },
        isBase64Encoded: false,
      },
      {},
    )) as { statusCode: number; body: string };
    expect(http.statusCode).toBe(200);
    expect(JSON.parse(http.body)).toMatchObject({ id: 'seed-3', confirmed: 1 });

    // a registration writes its ledger; the bucket's notification (keys URL-encoded) folds it into the collection
    const k = await calendarKit({ store, area: 'ostergotland' });
    const { id } = await k.create({ capacity: 3 });
    expect((await k.registerApi(id, { name: 'A', email: 'a@ydre.se' })).status).toBe(201);
    const confirmed = async () => (await getJson<Collection>(store, COLLECTION_KEY))!.value.summaries[id]?.confirmed;
    expect(await confirmed()).toBe(0);
    const key = encodeURIComponent(ledgerKey(id)).replace(/%2F/g, '/');
    const folded = await invoke({ Records: [{ eventSource: 'aws:s3', eventName: 'ObjectCreated:Put', s3: { object: { key } } }] }, {});
    expect(folded).toBe(1);
    expect(await confirmed()).toBe(1);
  }, 60_000);
});
