import type { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCalendarApp } from '../../functions/calendar/app.js';
import { createDirectoryApp } from '../../functions/directory/app.js';
import { createFeedbackApp } from '../../functions/feedback/app.js';
import type { KitEnv } from '../../functions/core/http/staff.js';
import { createLogger } from '../../functions/core/log.js';
import { createIndicatorsApp } from '../../functions/indicators/app.js';
import { testKit } from '../support/deps.js';
import { httpApiEvent, lambdaTestSettings } from '../e2e/lambda-event.js';
import { lambdaHandler } from '../../functions/core/lambda.js';
import { formBody, TEST_SECRET } from '../feedback/helpers.js';

// Written out here rather than taken from the logger, so that the test does not share its blind spots.
const PERSONNUMMER = /(?<![\w-])(?:19|20)?\d{6}[-+ ]?\d{4}(?![\w-])/;
const EMAIL = /[\w.+-]+@[\w-]+\.[\w.-]+/;
const IPV4 = /\b(?:\d{1,3}\.){3}\d{1,3}\b/;
const PNR = '19850101-1234';
const MAIL = 'anna.andersson@example.se';
const IP = '203.0.113.9';
const SENSITIVE = encodeURIComponent(`${PNR} ${MAIL} ${IP}`);

const JSON_TYPE = { 'content-type': 'application/json' };
const lines: string[] = [];
const apps = new Map<string, Hono<KitEnv>>();
/** Representative requests per service: pages, API reads, bad writes, unknown ids, with personal data everywhere a client can put it. */
const REQUESTS: Record<string, Array<[string, RequestInit?]>> = {
  directory: [
    ['/'],
    ['/api/directory/health'],
    ['/api/directory/openapi.json'],
    [`/api/directory/services?q=${SENSITIVE}`],
    [`/hitta-stod?q=${SENSITIVE}`],
    [`/api/directory/services/${encodeURIComponent(PNR)}`],
    ['/api/directory/services', { method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ name: MAIL, note: PNR }) }],
  ],
  calendar: [
    ['/utbildningar'],
    ['/utbildningar/kalender.ics'],
    ['/api/calendar/events'],
    [
      `/api/calendar/events/${encodeURIComponent(MAIL)}/registrations`,
      { method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ email: MAIL, name: PNR }) },
    ],
  ],
  indicators: [
    ['/uppfoljning'],
    ['/api/indicators/definitions'],
    [`/api/indicators/values?org=${SENSITIVE}`],
    ['/api/indicators/export.csv'],
  ],
  feedback: [
    ['/tyck-till'],
    ['/tyck-till/sammanstallning'],
    ['/api/feedback/summary.csv'],
    [
      '/tyck-till',
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
        body: formBody({ malbild: ['respekt'], text: `Ring mig ${PNR}, ${MAIL}`, contact: MAIL, action: 'send' }),
      },
    ],
    [`/personal/tyck-till?e=${SENSITIVE}`],
  ],
};

beforeAll(async () => {
  const kit = await testKit({ area: 'jamtland' });
  const deps = { ...kit.deps, log: createLogger({ service: 'test', write: (_l, line) => lines.push(line) }) };
  apps.set('directory', createDirectoryApp(deps));
  apps.set('calendar', createCalendarApp(deps));
  apps.set('indicators', createIndicatorsApp(deps));
  apps.set('feedback', createFeedbackApp(deps, { secret: TEST_SECRET, clientAddress: () => IP }));
  for (const [service, requests] of Object.entries(REQUESTS)) {
    for (const [path, init] of requests) {
      const headers = { 'x-forwarded-for': IP, 'user-agent': MAIL, accept: 'text/html', ...(init?.headers as Record<string, string>) };
      await apps.get(service)!.request(path, { ...init, headers });
    }
  }
});

describe('the logs of all four services', () => {
  it('hold one JSON line per request with service, route, status and duration', () => {
    const requests = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.message === 'request');
    expect(requests).toHaveLength(Object.values(REQUESTS).flat().length);
    for (const line of requests) {
      expect(line).toMatchObject({ level: expect.stringMatching(/^(INFO|ERROR)$/), timestamp: expect.any(String) });
      expect(line).toMatchObject({ service: expect.any(String), route: expect.any(String), status: expect.any(Number) });
      expect(line.durationMs).toBeGreaterThanOrEqual(0);
    }
    expect(new Set(requests.map((l) => l.service))).toEqual(new Set(Object.keys(REQUESTS)));
  });

  it('name the route pattern, not the path a visitor typed', () => {
    const routes = lines.map((l) => (JSON.parse(l) as { route?: string }).route).filter(Boolean);
    expect(routes).toContain('/api/directory/services/:id');
  });

  it.each([
    ['personnummer', PERSONNUMMER],
    ['e-mail addresses', EMAIL],
    ['IP addresses', IPV4],
  ])('never contain %s', (_name, pattern) => {
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.filter((l) => pattern.test(l))).toEqual([]);
  });
});

describe('the logger', () => {
  it('writes [redacted] for a field value that looks like personal data, whoever passed it', () => {
    const out: string[] = [];
    const log = createLogger({ service: 't', write: (_l, line) => out.push(line), now: () => new Date(0) });
    log.error('unhandled error', { path: `/hitta-stod/${PNR}`, by: MAIL, from: IP, id: '550e8400-e29b-41d4-a716-446655440000' });
    expect(JSON.parse(out[0]!)).toEqual({
      timestamp: '1970-01-01T00:00:00.000Z',
      level: 'ERROR',
      service: 't',
      message: 'unhandled error',
      path: '[redacted]',
      by: '[redacted]',
      from: '[redacted]',
      id: '550e8400-e29b-41d4-a716-446655440000',
    });
  });

  it('drops lines below the minimum level Lambda passes', () => {
    const out: string[] = [];
    const log = createLogger({ service: 't', write: (_l, line) => out.push(line), minLevel: 'WARN' });
    log.info('dropped');
    log.warn('kept');
    expect(out.map((l) => (JSON.parse(l) as { message: string }).message)).toEqual(['kept']);
  });
});

describe('a function on Lambda', () => {
  it('logs the request line with the API Gateway request id, which the access log also carries', async () => {
    const out: string[] = [];
    const handler = lambdaHandler('directory', createDirectoryApp, lambdaTestSettings('jamtland', out));
    const event = httpApiEvent('/api/directory/health');
    const result = (await handler(event as never, { awsRequestId: 'lambda-1' } as never)) as { statusCode: number };
    expect(result.statusCode).toBe(200);
    expect(out.map((l) => JSON.parse(l) as Record<string, unknown>)).toEqual([
      expect.objectContaining({ message: 'request', service: 'directory', status: 200, requestId: 'e2e-GET-/api/directory/health' }),
    ]);
  });
});
