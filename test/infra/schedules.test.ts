import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_ATTENDANCE_KEY } from '../../functions/calendar/data/attendance.js';
import { COLLECTION_KEY } from '../../functions/calendar/data/collection.js';
import { LEDGER_PREFIX } from '../../functions/calendar/data/counts-sync.js';
import { ledgerKey } from '../../functions/calendar/data/ledger-counts.js';
import { CALENDAR_LEDGER_PREFIX } from '../../infra/county-stack.js';
import { synthAreas, type Synthesized } from './synth.js';

let synth: Synthesized;
beforeAll(() => {
  synth = synthAreas({ areas: ['ostergotland'] });
}, 120_000);

interface RuleProps {
  Properties: { ScheduleExpression: string; Targets: { Arn: unknown; Input: string }[] };
}
const ruleFor = (task: string): RuleProps => {
  const rules = Object.values(synth.templates.get('ostergotland')!.findResources('AWS::Events::Rule')) as RuleProps[];
  const found = rules.filter((r) => JSON.parse(r.Properties.Targets[0]!.Input).task === task);
  expect(found, task).toHaveLength(1);
  return found[0]!;
};

describe('scheduled housekeeping, never inside a user request', () => {
  it('invokes the calendar function hourly with a scheduled event it recognises', () => {
    const rule = ruleFor('calendar-housekeeping');
    expect(rule.Properties.ScheduleExpression).toBe('rate(1 hour)');
    expect(JSON.parse(rule.Properties.Targets[0]!.Input)).toMatchObject({ source: 'aws.events', task: 'calendar-housekeeping' });
    expect(JSON.stringify(rule.Properties.Targets[0]!.Arn)).toContain('Calendar');
  });

  it('invokes the indicators function daily for releases and scheduled revisions', () => {
    const rule = ruleFor('indicator-releases');
    expect(rule.Properties.ScheduleExpression).toBe('rate(1 day)');
    expect(JSON.parse(rule.Properties.Targets[0]!.Input)).toMatchObject({ source: 'aws.events', task: 'indicator-releases' });
    expect(JSON.stringify(rule.Properties.Targets[0]!.Arn)).toContain('Indicators');
  });

  it('lets EventBridge invoke the functions it schedules', () => {
    synth.templates.get('ostergotland')!.hasResourceProperties('AWS::Lambda::Permission', { Principal: 'events.amazonaws.com' });
  });

  it('gives the indicators function time and memory for the solver, the others stay small', () => {
    const t = synth.templates.get('ostergotland')!;
    t.hasResourceProperties('AWS::Lambda::Function', { Timeout: 60, MemorySize: 1024, Environment: Match.anyValue() });
    expect(Object.values(t.findResources('AWS::Lambda::Function', { Properties: { Timeout: 60 } }))).toHaveLength(1);
  });
});

interface NotificationProps {
  Properties: {
    BucketName: unknown;
    NotificationConfiguration: {
      LambdaFunctionConfigurations: {
        Events: string[];
        Filter: { Key: { FilterRules: { Name: string; Value: string }[] } };
        LambdaFunctionArn: unknown;
      }[];
    };
  };
}

describe('the notification of a ledger write, within seconds and never inside a user request', () => {
  const notifications = () =>
    Object.values(synth.templates.get('ostergotland')!.findResources('Custom::S3BucketNotifications')) as NotificationProps[];

  it('invokes the calendar function when an object is created under the ledger prefix of the data bucket', () => {
    expect(notifications()).toHaveLength(1);
    const { BucketName, NotificationConfiguration } = notifications()[0]!.Properties;
    expect(BucketName).toEqual({ Ref: 'DataBucket' });
    expect(NotificationConfiguration.LambdaFunctionConfigurations).toHaveLength(1);
    const [config] = NotificationConfiguration.LambdaFunctionConfigurations;
    expect(config!.Events).toEqual(['s3:ObjectCreated:*']);
    expect(config!.Filter.Key.FilterRules.sort((a, b) => a.Name.localeCompare(b.Name))).toEqual([
      { Name: 'prefix', Value: 'calendar/registrations/' },
      { Name: 'suffix', Value: '.json' },
    ]);
    expect(JSON.stringify(config!.LambdaFunctionArn)).toMatch(/"CalendarFunction[0-9A-F]{8}"/);
    synth.templates.get('ostergotland')!.hasResourceProperties('AWS::Lambda::Permission', {
      Principal: 's3.amazonaws.com',
      SourceArn: { 'Fn::GetAtt': ['DataBucket', 'Arn'] },
      FunctionName: { 'Fn::GetAtt': [Match.stringLikeRegexp('^CalendarFunction'), 'Arn'] },
    });
  });

  it('uses the calendar code’s ledger prefix, under which the fold writes nothing (no invocation loop)', () => {
    expect(CALENDAR_LEDGER_PREFIX).toBe(LEDGER_PREFIX);
    expect(ledgerKey('x').startsWith(CALENDAR_LEDGER_PREFIX)).toBe(true);
    for (const derived of [COLLECTION_KEY, PUBLIC_ATTENDANCE_KEY, 'calendar/attendance/index.json']) {
      expect(derived.startsWith(CALENDAR_LEDGER_PREFIX), derived).toBe(false);
    }
  });

  it('gives CDK’s deploy-time notification handler its S3 right on the data bucket alone', () => {
    const t = synth.templates.get('ostergotland')!;
    const handlers = t.findResources('AWS::Lambda::Function', { Properties: { Runtime: Match.stringLikeRegexp('^python') } });
    expect(Object.keys(handlers)).toHaveLength(1);
    const statements = Object.values(
      t.findResources('AWS::IAM::Policy') as Record<
        string,
        { Properties: { PolicyDocument: { Statement: { Action: unknown; Resource: unknown }[] } } }
      >,
    )
      .flatMap((p) => p.Properties.PolicyDocument.Statement)
      .filter((s) => JSON.stringify(s.Action).includes('PutBucketNotification'));
    expect(statements.map((s) => s.Resource)).toEqual([{ 'Fn::GetAtt': ['DataBucket', 'Arn'] }]);
  });
});
