import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Stack } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { READ_ONLY_GRANTS } from '../../infra/county-stack.js';
import { SESSION_KEY } from '../../functions/core/session/key.js';
import { servicePrefixes, SERVICES, STAFF_PATHS, type ServiceName } from '../../functions/core/routes.js';
import { AREAS } from '../support/deps.js';
import { undeliverableAlarms } from './alarm-delivery.js';
import { synthAreas, type Synthesized } from './synth.js';

let synth: Synthesized;
beforeAll(() => {
  synth = synthAreas();
}, 120_000);

const template = (area: string): Template => synth.templates.get(area)!;
type Resource = { Type: string; Properties: Record<string, unknown> };

/** The policy statements attached to the execution role of one service's function. */
function functionStatements(t: Template, service: ServiceName): Array<{ Action: string | string[]; Resource: unknown }> {
  const fnId = service[0]!.toUpperCase() + service.slice(1);
  const policies = t.findResources('AWS::IAM::Policy') as Record<string, Resource>;
  const mine = Object.entries(policies).filter(([id]) => id.startsWith(`${fnId}Role`));
  expect(mine).toHaveLength(1);
  return (mine[0]![1].Properties.PolicyDocument as { Statement: Array<{ Action: string | string[]; Resource: unknown }> }).Statement;
}

/**
 * The kit's own functions (the services and staff), by their description; the other function in a
 * stack is CDK's deploy-time handler that configures the bucket's notifications.
 */
function kitFunctions(t: Template): Resource[] {
  return Object.values(t.findResources('AWS::Lambda::Function') as Record<string, Resource>).filter((f) =>
    String(f.Properties.Description).startsWith('County kit:'),
  );
}

/** Object prefixes named in a statement's resources, e.g. `directory/*`. */
const prefixesOf = (resource: unknown): string[] =>
  [...JSON.stringify(resource).matchAll(/"\/([a-z/-]+(?:\/\*|\.json))"/g)].map((m) => m[1]!);

describe.each(AREAS)('the %s stack', (area) => {
  it('keeps its data in one versioned, encrypted bucket with all public access blocked and access logs', () => {
    template(area).hasResource('AWS::S3::Bucket', {
      Properties: Match.objectLike({
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
        VersioningConfiguration: { Status: 'Enabled' },
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        LoggingConfiguration: { DestinationBucketName: { Ref: 'AccessLogBucket' }, LogFilePrefix: 'data-bucket/' },
      }),
      DeletionPolicy: 'Retain',
    });
  });

  it('refuses every request to the data bucket that does not use TLS', () => {
    template(area).hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: 'DataBucket' },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('runs every enabled service and the staff function on pinned Node.js 24 on arm64', () => {
    const t = template(area);
    // plus CDK's deploy-time handler of the bucket notification (the calendar's ledger writes)
    t.resourceCountIs('AWS::Lambda::Function', SERVICES.length + 2);
    expect(kitFunctions(t)).toHaveLength(SERVICES.length + 1);
    for (const f of kitFunctions(t)) expect(f.Properties).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'] });
  });

  it('has every function write JSON logs to a log group with retention (INFO and up from the code, WARN and up from Lambda)', () => {
    const t = template(area);
    for (const f of kitFunctions(t)) {
      expect(f.Properties.LoggingConfig).toMatchObject({ LogFormat: 'JSON', ApplicationLogLevel: 'INFO', SystemLogLevel: 'WARN' });
    }
    t.allResourcesProperties('AWS::Lambda::Function', {
      LoggingConfig: Match.objectLike({ LogFormat: 'JSON', LogGroup: Match.anyValue() }),
    });
    t.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: Match.anyValue() });
  });

  it('gives every function its settings as environment variables', () => {
    for (const f of kitFunctions(template(area))) {
      expect(f.Properties.Environment).toEqual({
        Variables: expect.objectContaining({
          DATA_BUCKET: { Ref: 'DataBucket' },
          USER_POOL_ISSUER: expect.anything(),
          USER_POOL_CLIENT_ID: expect.anything(),
          PUBLIC_ORIGIN: expect.anything(),
          NODE_OPTIONS: '--enable-source-maps',
        }),
      });
    }
  });

  it('routes each service path, its staff sections, the staff paths, and everything below them, plus the start page', () => {
    const routes = Object.values(template(area).findResources('AWS::ApiGatewayV2::Route') as Record<string, Resource>).map(
      (r) => r.Properties.RouteKey,
    );
    expect(routes).toContain('ANY /personal/tyck-till');
    expect(routes).toContain('ANY /auth/callback');
    const expected = [...SERVICES.flatMap((s) => servicePrefixes(s)), ...STAFF_PATHS].flatMap((p) => [`ANY ${p}`, `ANY ${p}/{proxy+}`]);
    expect(routes.sort()).toEqual([...expected, 'GET /'].sort());
  });

  it('throttles the default stage as the config says and writes access logs', () => {
    template(area).hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
    });
  });

  it.each(SERVICES)('lets the %s function write only under its own prefix', (service) => {
    const statements = functionStatements(template(area), service);
    const actions = (s: { Action: string | string[] }) => [s.Action].flat();
    const writes = statements.filter((s) => actions(s).some((a) => /^s3:(Put|Delete)/.test(a)));
    expect(writes.flatMap((s) => prefixesOf(s.Resource))).toEqual([`${service}/*`]);
    const reads = statements.filter((s) => actions(s).includes('s3:GetObject'));
    // its own prefix, the exact keys of the published files it reads, and the session key
    expect(reads.flatMap((s) => prefixesOf(s.Resource)).sort()).toEqual([`${service}/*`, ...READ_ONLY_GRANTS[service], SESSION_KEY].sort());
    expect(statements.flatMap(actions).every((a) => !a.includes('*'))).toBe(true);
  });

  it('uses no AWS-managed policies', () => {
    for (const role of Object.values(template(area).findResources('AWS::IAM::Role') as Record<string, Resource>)) {
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    }
  });

  it('keeps the logical ids of the bucket and the user pool, so an update never replaces them', () => {
    const t = template(area);
    expect(Object.keys(t.findResources('AWS::S3::Bucket')).sort()).toEqual(['AccessLogBucket', 'DataBucket']);
    expect(Object.keys(t.findResources('AWS::Cognito::UserPool'))).toEqual(['StaffUserPool']);
  });

  it('lets only administrators add staff, with a strong password policy and MFA', () => {
    const t = template(area);
    t.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'ON',
      Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 14, RequireSymbols: true }) },
      Schema: Match.arrayWith([Match.objectLike({ Name: 'org', AttributeDataType: 'String' })]),
    });
    const groups = Object.values(t.findResources('AWS::Cognito::UserPoolGroup') as Record<string, Resource>).map(
      (g) => g.Properties.GroupName,
    );
    expect(groups.sort()).toEqual(['admin', 'editor', 'moderator']);
  });

  it('returns staff from managed login to /auth/callback and after logout to the start page', () => {
    template(area).hasResourceProperties('AWS::Cognito::UserPoolClient', {
      CallbackURLs: [Match.objectLike({ 'Fn::Join': ['', Match.arrayWith(['/auth/callback'])] })],
      LogoutURLs: [Match.objectLike({ 'Fn::Join': ['', Match.arrayWith(['/'])] })],
      AllowedOAuthFlows: ['code'],
      GenerateSecret: false,
      EnableTokenRevocation: true,
    });
  });

  it('uses managed login version 2 in the area colour', () => {
    const t = template(area);
    t.hasResourceProperties('AWS::Cognito::UserPoolDomain', { ManagedLoginVersion: 2 });
    const colour = readFileSync(join('config', `${area}.yaml`), 'utf8')
      .match(/colour: '#([0-9a-fA-F]{6})'/)![1]!
      .toLowerCase();
    t.hasResourceProperties('AWS::Cognito::ManagedLoginBranding', {
      Settings: Match.objectLike({
        components: {
          primaryButton: { lightMode: Match.objectLike({ defaults: { backgroundColor: `${colour}ff`, textColor: 'ffffffff' } }) },
        },
      }),
    });
  });

  it('lets the service functions read the session key but not write it; the staff function writes only under staff/', () => {
    const t = template(area);
    for (const service of SERVICES) {
      const reads = JSON.stringify(functionStatements(t, service).filter((s) => [s.Action].flat().includes('s3:GetObject')));
      // an exact key, like the published files it reads by contract
      expect(reads).toContain('/staff/session-key.json"');
      expect(reads).not.toContain('/staff/session-key.json*');
    }
    const policies = t.findResources('AWS::IAM::Policy') as Record<string, Resource>;
    const staff = Object.entries(policies).filter(([id]) => id.startsWith('StaffFunctionRole'));
    expect(staff).toHaveLength(1);
    const statements = (staff[0]![1].Properties.PolicyDocument as { Statement: Array<{ Action: string | string[]; Resource: unknown }> })
      .Statement;
    const writes = statements.filter((s) => [s.Action].flat().some((a) => /^s3:(Put|Delete)/.test(a)));
    expect(writes.flatMap((s) => prefixesOf(s.Resource))).toEqual(['staff/*']);
  });

  it('does not let staff change their own organisation', () => {
    template(area).hasResourceProperties('AWS::Cognito::UserPoolClient', { WriteAttributes: Match.not(Match.arrayWith(['custom:org'])) });
  });

  it('alarms on API 5xx, 429 and p95 latency, and on each function’s errors, throttles and near-timeout runs', () => {
    const t = template(area);
    const names = Object.values(t.findResources('AWS::CloudWatch::Alarm') as Record<string, Resource>).map((a) => a.Properties.AlarmName);
    const perFunction = SERVICES.flatMap((s) =>
      ['Errors', 'Throttles', 'NearTimeout'].map((k) => `${s[0]!.toUpperCase()}${s.slice(1)}${k}`),
    );
    expect(names.sort()).toEqual(
      ['ApiServerErrors', 'ApiThrottled', 'ApiLatencyP95', 'StaffErrors', ...perFunction].map((n) => `CountyKit-${area}-${n}`).sort(),
    );
    t.hasResourceProperties('AWS::CloudWatch::Alarm', { ExtendedStatistic: 'p95', Threshold: 3000, EvaluationPeriods: 3 });
    t.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'Duration', Statistic: 'Maximum', Threshold: 8000 });
    t.hasResourceProperties('AWS::Logs::MetricFilter', { FilterPattern: '{ $.status = "429" }' });
  });

  it('sends every alarm and its return to OK to the topic that e-mails the config address', () => {
    const t = template(area);
    const topic = { Ref: Match.stringLikeRegexp('AlarmsTopic') };
    t.allResourcesProperties('AWS::CloudWatch::Alarm', { AlarmActions: [topic], OKActions: [topic] });
    t.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: `larm@${area}.example` });
  });

  it('lets every alarm publish to its topic (policy and key, as SNS would decide)', () => {
    expect(undeliverableAlarms(template(area).toJSON(), `CountyKit-${area}`)).toEqual([]);
  });

  it('keeps no customer-managed key for alarm texts, which hold no personal data', () => {
    template(area).resourceCountIs('AWS::KMS::Key', 0);
  });

  it('is protected against termination', () => {
    expect(synth.stacks.get(area)!.terminationProtection).toBe(true);
  });

  it('tags everything with the area and the cost centre', () => {
    template(area).hasResourceProperties('AWS::S3::Bucket', {
      Tags: Match.arrayWith([
        { Key: 'area', Value: area },
        { Key: 'cost-centre', Value: `county-kit-${area}` },
      ]),
    });
  });

  it('outputs the public URL and the user pool id', () => {
    const outputs = Object.keys(template(area).findOutputs('*'));
    expect(outputs).toEqual(expect.arrayContaining(['PublicUrl', 'UserPoolId', 'UserPoolClientId', 'TokenIssuer']));
  });

  it('has no unacknowledged cdk-nag AwsSolutions findings', () => {
    const result = new AwsSolutionsChecks().validateScope(synth.stacks.get(area)!);
    expect(result.violations.map((v) => `${v.ruleName} ${v.violatingResources.map((r) => r.constructPath).join(', ')}`)).toEqual([]);
  });
});

describe('the cdk-nag check', () => {
  it('does report a finding that nobody acknowledged', () => {
    const stack = new Stack(synth.app, 'NagProbe');
    new Bucket(stack, 'Unlogged', { enforceSSL: true });
    const rules = new AwsSolutionsChecks().validateScope(stack).violations.map((v) => v.ruleName);
    expect(rules).toContain('AwsSolutions-S1');
  });
});

describe('lifecycle rules', () => {
  it('remove old versions of personal data after a day, not after oldVersionsDays', () => {
    const t = synthAreas({ areas: ['jamtland'], nag: false }).templates.get('jamtland')!;
    const rules = Object.values(t.findResources('AWS::S3::Bucket', { Properties: { LifecycleConfiguration: Match.anyValue() } }))
      .flatMap(
        (b) =>
          (
            b as {
              Properties: { LifecycleConfiguration: { Rules: { Id: string; NoncurrentVersionExpiration?: { NoncurrentDays: number } }[] } };
            }
          ).Properties.LifecycleConfiguration.Rules,
      )
      .filter((r) => ['feedback-submissions', 'feedback-contacts', 'feedback-rate', 'calendar-registrations'].includes(r.Id));
    expect(rules).toHaveLength(4);
    for (const rule of rules) expect(rule.NoncurrentVersionExpiration).toEqual({ NoncurrentDays: 1 });
  });

  it('follow the retention days of the config file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kit-retention-'));
    try {
      const source = readFileSync('config/jamtland.yaml', 'utf8')
        .replace(/feedbackDays: \d+/, 'feedbackDays: 400')
        .replace(/contactDays: \d+/, 'contactDays: 14')
        .replace(/registrationDays: \d+/, 'registrationDays: 60')
        .replace(/oldVersionsDays: \d+/, 'oldVersionsDays: 45');
      writeFileSync(join(dir, 'jamtland.yaml'), source);
      const t = synthAreas({ configDir: dir, nag: false }).templates.get('jamtland')!;
      t.hasResourceProperties('AWS::S3::Bucket', {
        VersioningConfiguration: { Status: 'Enabled' },
        LifecycleConfiguration: {
          Rules: Match.arrayWith([
            Match.objectLike({ Id: 'expire-old-versions', NoncurrentVersionExpiration: { NoncurrentDays: 45 } }),
            Match.objectLike({ Id: 'feedback-submissions', Prefix: 'feedback/submissions/', ExpirationInDays: 400 }),
            Match.objectLike({ Id: 'feedback-contacts', Prefix: 'feedback/contacts/', ExpirationInDays: 14 }),
            Match.objectLike({ Id: 'feedback-rate', Prefix: 'feedback/rate/', ExpirationInDays: 1 }),
            Match.objectLike({ Id: 'calendar-registrations', Prefix: 'calendar/registrations/', ExpirationInDays: 60 + 366 }),
          ]),
        },
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a custom domain in the config', () => {
  it('maps the domain to the default stage and makes it the public origin of every function', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kit-domain-'));
    try {
      const source = readFileSync('config/jamtland.yaml', 'utf8').replace(
        'aws:\n  region: eu-north-1\n',
        'aws:\n  region: eu-north-1\n  customDomain:\n    domainName: stod.example.se\n' +
          '    certificateArn: arn:aws:acm:eu-north-1:123456789012:certificate/0a1b2c3d-0000-4000-8000-000000000000\n',
      );
      writeFileSync(join(dir, 'jamtland.yaml'), source);
      // With nag on: synth itself fails on any unacknowledged finding.
      const t = synthAreas({ configDir: dir }).templates.get('jamtland')!;
      t.hasResourceProperties('AWS::ApiGatewayV2::DomainName', { DomainName: 'stod.example.se' });
      t.resourceCountIs('AWS::ApiGatewayV2::ApiMapping', 1);
      for (const f of kitFunctions(t)) {
        expect(f.Properties.Environment).toEqual({ Variables: expect.objectContaining({ PUBLIC_ORIGIN: 'https://stod.example.se' }) });
      }
      expect(Object.keys(t.findOutputs('CustomDomainTarget'))).toEqual(['CustomDomainTarget']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
