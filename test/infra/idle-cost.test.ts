import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../functions/core/config/load.js';
import { synthAreas } from './synth.js';

/**
 * Monthly list prices (USD, eu-north-1, checked against the AWS price pages for CloudWatch, KMS,
 * Secrets Manager and Budgets) of everything in a template that costs money while nobody uses
 * the site. Everything else is paid per request, per GB or per active user, and is zero at idle.
 */
const MONTHLY_USD: Readonly<Record<string, number>> = {
  'AWS::CloudWatch::Alarm': 0.1, // standard-resolution metric alarm; the first 10 per account are free
  'AWS::KMS::Key': 1.0, // customer-managed key
  'AWS::CloudWatch::Dashboard': 3.0, // the first 3 per account are free
  'AWS::SecretsManager::Secret': 0.4,
  'AWS::EC2::NatGateway': 32.0,
  'AWS::Budgets::Budget': 0, // budgets without actions are free
};
const FREE_ALARMS = 10;
/** The documented idle figure: at most USD 0.50 besides the alarms, which cost 0.10 each beyond the account's free ten. */
const IDLE_LIMIT_BESIDES_ALARMS = 0.5;

function idleCost(t: Template): { alarms: number; besidesAlarms: number; table: Record<string, number> } {
  const table: Record<string, number> = {};
  for (const type of Object.keys(MONTHLY_USD)) {
    const n = Object.keys(t.findResources(type)).length;
    if (n > 0) table[type] = n;
  }
  const alarms = table['AWS::CloudWatch::Alarm'] ?? 0;
  const besidesAlarms = Object.entries(table)
    .filter(([type]) => type !== 'AWS::CloudWatch::Alarm')
    .reduce((sum, [type, n]) => sum + n * MONTHLY_USD[type]!, 0);
  return { alarms, besidesAlarms, table };
}

let dir: string;
let plain: Template;
let withOptions: Template;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kit-ops-options-'));
  writeFileSync(join(dir, 'jamtland.yaml'), readFileSync('config/jamtland.yaml', 'utf8'));
  plain = synthAreas({ configDir: dir, nag: false }).templates.get('jamtland')!;
  const source = readFileSync('config/jamtland.yaml', 'utf8').replace(
    'aws:\n  region: eu-north-1\n',
    'aws:\n  region: eu-north-1\n  dashboard: true\n  budget:\n    monthlyUsd: 25\n',
  );
  writeFileSync(join(dir, 'jamtland.yaml'), source);
  // nag on: synth fails on any unacknowledged finding of the optional resources.
  withOptions = synthAreas({ configDir: dir }).templates.get('jamtland')!;
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('an idle area', () => {
  it('costs at most USD 0.50 a month besides its alarms, with the dashboard off', () => {
    const cost = idleCost(plain);
    expect(cost.besidesAlarms).toBeLessThanOrEqual(IDLE_LIMIT_BESIDES_ALARMS);
    expect(cost.alarms).toBe(16); // 3 for the API, 3 per service function, 1 for the staff function
    const total = cost.besidesAlarms + Math.max(0, cost.alarms - FREE_ALARMS) * MONTHLY_USD['AWS::CloudWatch::Alarm']!;
    expect(total).toBeCloseTo(0.6, 5); // alone in its account; each further area adds 16 × 0.10
  });

  it('has neither a dashboard nor a budget unless the config asks for them', () => {
    plain.resourceCountIs('AWS::CloudWatch::Dashboard', 0);
    plain.resourceCountIs('AWS::Budgets::Budget', 0);
  });
});

describe('the optional dashboard and budget', () => {
  it('adds one dashboard with requests, errors, latency per service and S3 requests', () => {
    withOptions.hasResourceProperties('AWS::CloudWatch::Dashboard', { DashboardName: 'CountyKit-jamtland' });
    const body = JSON.stringify(withOptions.findResources('AWS::CloudWatch::Dashboard'));
    for (const title of ['Requests and errors (API)', 'API latency p95', 'Errors per service', 'Duration p95 per service', 'S3 requests']) {
      expect(body).toContain(title);
    }
    withOptions.hasResourceProperties('AWS::S3::Bucket', { MetricsConfigurations: [{ Id: 'EntireBucket' }] });
    expect(idleCost(withOptions).besidesAlarms).toBe(3);
  });

  it('adds a monthly cost budget for the area’s cost-centre tag that e-mails the alarm address', () => {
    withOptions.hasResourceProperties('AWS::Budgets::Budget', {
      Budget: Match.objectLike({
        BudgetLimit: { Amount: 25, Unit: 'USD' },
        TimeUnit: 'MONTHLY',
        CostFilters: { TagKeyValue: ['user:cost-centre$county-kit-jamtland'] },
      }),
      NotificationsWithSubscribers: Match.arrayWith([
        Match.objectLike({
          Notification: Match.objectLike({ Threshold: 100, NotificationType: 'FORECASTED' }),
          Subscribers: [{ SubscriptionType: 'EMAIL', Address: 'larm@jamtland.example' }],
        }),
      ]),
    });
  });

  it('refuses a budget amount that is not positive, naming file, line and key in both languages', () => {
    const file = join(dir, 'jamtland.yaml');
    writeFileSync(
      file,
      readFileSync('config/jamtland.yaml', 'utf8').replace(
        'aws:\n  region: eu-north-1\n',
        'aws:\n  region: eu-north-1\n  budget:\n    monthlyUsd: -5\n',
      ),
    );
    const line = readFileSync(file, 'utf8').split('\n').indexOf('    monthlyUsd: -5') + 1;
    let error: unknown;
    try {
      synthAreas({ configDir: dir, nag: false });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      expect.objectContaining({
        line,
        key: 'aws.budget.monthlyUsd',
        sv: expect.stringContaining('för litet'),
        en: expect.stringContaining('too small'),
      }),
    ]);
  });
});
