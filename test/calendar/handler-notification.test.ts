import { describe, expect, it } from 'vitest';
import { createCalendarApp } from '../../functions/calendar/app.js';
import type { AppDeps } from '../../functions/core/deps.js';
import { lambdaHandler } from '../../functions/core/lambda.js';
import { httpApiEvent, lambdaTestSettings } from '../e2e/lambda-event.js';

/** An S3 object-created notification as the bucket delivers it to a function. */
const s3Event = (...keys: unknown[]) => ({
  Records: keys.map((key) => ({
    eventVersion: '2.1',
    eventSource: 'aws:s3',
    awsRegion: 'eu-north-1',
    eventName: 'ObjectCreated:Put',
    s3: { bucket: { name: 'data' }, object: key === undefined ? {} : { key, size: 10 } },
  })),
});

/** The calendar's Lambda handler with a recording object task; no storage call is made. */
function calendarHandler() {
  const lines: string[] = [];
  const runs: { keys: readonly string[]; deps: AppDeps }[] = [];
  const handler = lambdaHandler('calendar', createCalendarApp, lambdaTestSettings('ostergotland', lines), undefined, async (keys, deps) => {
    runs.push({ keys, deps });
    return { folded: keys.length };
  });
  const invoke = (event: unknown) => handler(event as never, { awsRequestId: 'lambda-1' } as never) as Promise<unknown>;
  return { invoke, runs, lines };
}

describe('the Lambda handler and S3 object-created notifications', () => {
  it('runs the object task with the decoded keys, never the app', async () => {
    const { invoke, runs, lines } = calendarHandler();
    const result = await invoke(s3Event('calendar/registrations/abc.json', 'calendar/registrations/a%2Bb+c%C3%A5.json'));
    expect(result).toEqual({ folded: 2 });
    expect(runs.map((r) => r.keys)).toEqual([['calendar/registrations/abc.json', 'calendar/registrations/a+b cå.json']]);
    expect(runs[0]!.deps.config.id).toBe('ostergotland');
    // no request line: the app did not see the event
    expect(lines.filter((l) => l.includes('"request"'))).toEqual([]);
  });

  it('skips a malformed record with a log line that names no more of the key than its folder', async () => {
    const { invoke, runs, lines } = calendarHandler();
    await invoke(s3Event('calendar/registrations/secret%E0%A4%A.json', undefined, 42, 'calendar/registrations/ok.json'));
    expect(runs.map((r) => r.keys)).toEqual([['calendar/registrations/ok.json']]);
    const skipped = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.message === 'malformed S3 record skipped');
    expect(skipped.map((l) => l.prefix)).toEqual(['calendar/registrations/', undefined, undefined]);
    expect(lines.join('\n')).not.toContain('secret');
    // only malformed records: the task is not run
    await invoke(s3Event(undefined));
    expect(runs).toHaveLength(1);
  });

  it('passes an HTTP request to the app and not to the object task', async () => {
    const { invoke, runs } = calendarHandler();
    const result = (await invoke(httpApiEvent('/api/calendar/health'))) as { statusCode: number; body: string };
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body)).toMatchObject({ status: 'ok', service: 'calendar' });
    // records of another source are no S3 notification
    await invoke({ Records: [{ eventSource: 'aws:sqs', body: '{}' }] }).catch(() => undefined);
    expect(runs).toEqual([]);
  });
});
