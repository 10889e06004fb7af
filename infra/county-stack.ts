import { fileURLToPath } from 'node:url';
import type { Construct } from 'constructs';
import { CfnOutput, CfnRule, Duration, Fn, Stack, Tags, type StackProps } from 'aws-cdk-lib';
import type { CountyConfig } from '../functions/core/config/schema.js';
import { readGrants } from '../functions/core/contracts/index.js';
import { SESSION_KEY } from '../functions/core/session/key.js';
import { servicePrefixes, SERVICES, STAFF_PATHS, type ServiceName } from '../functions/core/routes.js';
import { bundleSettings, nodejsBundling, withSeed, withSolver } from './bundling.js';
import { SECURE_DEFAULTS } from './defaults.js';
import { AreaDashboard } from './constructs/area-dashboard.js';
import { CostBudget } from './constructs/cost-budget.js';
import { DataBucket } from './constructs/data-bucket.js';
import { HousekeepingSchedule } from './constructs/housekeeping-schedule.js';
import { ObjectCreatedNotification } from './constructs/object-created-notification.js';
import { OperationsAlarms } from './constructs/operations-alarms.js';
import { PublicApi } from './constructs/public-api.js';
import { ServiceFunction } from './constructs/service-function.js';
import { StaffUserPool } from './constructs/staff-user-pool.js';

/**
 * What each service may read of the others (read-only, the keys of the published files it reads),
 * derived from the cross-service contracts in `functions/core/contracts`. Everything else a
 * function touches is under its own prefix.
 */
export const READ_ONLY_GRANTS: Readonly<Record<ServiceName, readonly string[]>> = {
  directory: readGrants('directory'),
  calendar: readGrants('calendar'),
  indicators: readGrants('indicators'),
  feedback: readGrants('feedback'),
};

/**
 * Where the calendar keeps its registration ledgers (`LEDGER_PREFIX` of
 * `functions/calendar/data/counts-sync.ts`; a test keeps the two equal). A ledger written there
 * notifies the calendar function, which folds its counts into the collection; everything the fold
 * writes (collection, attendance) lies outside it, so the notification never calls itself.
 */
export const CALENDAR_LEDGER_PREFIX = 'calendar/registrations/';

/** The Lambda entry file of a service, or of the staff function (sign-in and `/personal`). */
export function handlerEntry(service: ServiceName | 'staff'): string {
  return fileURLToPath(new URL(`../functions/${service}/handler.ts`, import.meta.url));
}

/** Props of `CountyStack`. */
export interface CountyStackProps extends StackProps {
  /** The validated config of the area; it alone decides what differs between stacks. */
  readonly config: CountyConfig;
}

/**
 * Everything one area runs on in AWS: the data bucket, one function per enabled service, the
 * public HTTP API, the staff user pool, alarms, tags and outputs. All areas get the same
 * structure; only the config differs.
 */
export class CountyStack extends Stack {
  /** The data bucket and its access-log bucket. */
  public readonly data: DataBucket;
  /** The public HTTP API. */
  public readonly publicApi: PublicApi;
  /** The staff user pool. */
  public readonly staff: StaffUserPool;
  /** One function per enabled service. */
  public readonly functions: ReadonlyMap<ServiceName, ServiceFunction>;
  /** The staff function: sign-in, sign-out and the workspace's landing page. */
  public readonly staffFunction: ServiceFunction;
  /** The alarm topic and alarms. */
  public readonly alarms: OperationsAlarms;

  constructor(scope: Construct, id: string, props: CountyStackProps) {
    super(scope, id, { description: `County kit for ${props.config.name} (${props.config.id}).`, ...props });
    const { config } = props;
    Tags.of(this).add('area', config.id);
    Tags.of(this).add('cost-centre', `county-kit-${config.id}`);
    Tags.of(this).add('project', 'county-kit');

    this.data = new DataBucket(this, 'Data', { retention: config.retention });
    this.publicApi = new PublicApi(this, 'Public', {
      throttle: config.aws.throttle,
      customDomain: config.aws.customDomain,
      metricNamespaceSuffix: config.id,
    });
    const staffEmail = config.aws.staffEmail;
    this.staff = new StaffUserPool(this, 'Staff', {
      areaId: config.id,
      callbackOrigin: this.publicApi.publicOrigin,
      brandColour: config.branding.colour,
      ses: staffEmail && { from: staffEmail.from, name: staffEmail.name, region: staffEmail.sesRegion },
    });
    this.alarms = new OperationsAlarms(this, 'Alarms', { email: config.alarmEmail });
    const api = this.publicApi;
    this.alarms.alarmOnSum('ApiServerErrors', api.api.metricServerError(), 'The public API answered with 5xx.');
    this.alarms.alarmOnSum('ApiThrottled', api.throttledRequests, 'The public API answered 429: the stage throttling was reached.', {
      threshold: 10,
    });
    this.alarms.alarmOn(
      'ApiLatencyP95',
      api.api.metricLatency({ statistic: 'p95' }),
      'The slowest 5% of answers took 3 s or more for 15 minutes.',
      { threshold: 3000, evaluationPeriods: 3 },
    );

    const settings = bundleSettings(config);
    const bundling = nodejsBundling(settings);
    const enabled = SERVICES.filter((s) => config.modules[s]);
    const environment = {
      USER_POOL_ISSUER: this.staff.issuer,
      USER_POOL_CLIENT_ID: this.staff.client.userPoolClientId,
      PUBLIC_ORIGIN: this.publicApi.publicOrigin,
    };
    // The staff function owns `staff/` and creates the session key there on the first sign-in;
    // every service function may only read the key, to open the session cookie on its staff pages.
    this.staffFunction = new ServiceFunction(this, 'StaffFunction', {
      service: 'staff',
      entry: handlerEntry('staff'),
      bundling,
      bucket: this.data.bucket,
      environment: { ...environment, USER_POOL_DOMAIN: this.staff.domain.baseUrl() },
    });
    this.publicApi.routePrefixes('Staff', this.staffFunction.fn, STAFF_PATHS);
    this.alarms.alarmOnSum('StaffErrors', this.staffFunction.fn.metricErrors(), 'The staff sign-in function failed.');
    const functions = new Map<ServiceName, ServiceFunction>();
    for (const service of enabled) {
      const id = service[0]!.toUpperCase() + service.slice(1);
      const fn = new ServiceFunction(this, id, {
        service,
        entry: handlerEntry(service),
        bundling: service === 'indicators' ? withSolver(bundling) : service === 'directory' ? withSeed(bundling, settings.seed) : bundling,
        bucket: this.data.bucket,
        // the published files of other services it reads (by contract), and the staff session key
        readOnlyKeys: [...READ_ONLY_GRANTS[service].filter((key) => config.modules[key.split('/')[0] as ServiceName]), SESSION_KEY],
        // The release step protects whole periods with an LP solver: more time and memory than a read.
        ...(service === 'indicators' ? { timeout: Duration.seconds(60), memorySize: 1024 } : {}),
        environment,
      });
      this.publicApi.routePrefixes(id, fn.fn, servicePrefixes(service));
      this.alarms.alarmOnSum(`${id}Errors`, fn.fn.metricErrors(), `The ${service} function failed.`);
      this.alarms.alarmOnSum(`${id}Throttles`, fn.fn.metricThrottles(), `The ${service} function was throttled.`);
      const timeoutMs = (fn.fn.timeout ?? SECURE_DEFAULTS.timeout).toMilliseconds();
      this.alarms.alarmOn(
        `${id}NearTimeout`,
        fn.fn.metricDuration({ statistic: 'Maximum' }),
        `A ${service} invocation took 80% or more of its ${timeoutMs / 1000} s timeout.`,
        { threshold: Math.round(timeoutMs * 0.8) },
      );
      functions.set(service, fn);
      if (service === 'indicators' && config.indicators.release.scheduled)
        new HousekeepingSchedule(this, 'IndicatorReleases', { fn: fn.fn, task: 'indicator-releases', every: Duration.hours(24) });
      if (service === 'calendar') {
        // hourly: purge, repair, attendance file, and the counts of any ledger whose notification was lost
        new HousekeepingSchedule(this, 'CalendarHousekeeping', { fn: fn.fn, task: 'calendar-housekeeping' });
        // within seconds of a registration or cancellation: its ledger's counts into the public lists
        new ObjectCreatedNotification(this, 'CalendarLedgerWrites', {
          bucket: this.data.bucket,
          fn: fn.fn,
          prefix: CALENDAR_LEDGER_PREFIX,
          suffix: '.json',
        });
      }
      if (service === 'feedback')
        new HousekeepingSchedule(this, 'FeedbackHousekeeping', { fn: fn.fn, task: 'feedback-housekeeping', every: Duration.minutes(15) });
    }
    const first = enabled[0];
    if (first) this.publicApi.routeStartPage('StartPage', functions.get(first)!.fn);
    this.functions = functions;

    if (config.aws.dashboard) {
      new AreaDashboard(this, 'Dashboard', {
        name: `CountyKit-${config.id}`,
        api: api.api,
        functions: new Map([...functions].map(([s, f]) => [s, f.fn])),
        bucket: this.data.bucket,
      });
    }
    if (config.aws.budget) {
      new CostBudget(this, 'Budget', {
        areaId: config.id,
        monthlyUsd: config.aws.budget.monthlyUsd,
        email: config.aws.budget.email ?? config.alarmEmail,
      });
    }

    new CfnOutput(this, 'PublicUrl', { value: `${this.publicApi.publicOrigin}/`, description: 'The start page of the area.' });
    new CfnOutput(this, 'UserPoolId', { value: this.staff.userPool.userPoolId, description: 'Staff user pool: add staff here.' });
    new CfnOutput(this, 'UserPoolClientId', { value: this.staff.client.userPoolClientId });
    new CfnOutput(this, 'StaffLoginDomain', { value: this.staff.domain.baseUrl(), description: 'Managed login for staff.' });
    new CfnOutput(this, 'TokenIssuer', { value: this.staff.issuer });
    if (this.publicApi.domain) {
      new CfnOutput(this, 'CustomDomainTarget', {
        value: this.publicApi.domain.regionalDomainName,
        description: `DNS: point ${config.aws.customDomain?.domainName} here (CNAME or alias).`,
      });
    }
    new CfnOutput(this, 'DataBucketName', { value: this.data.bucket.bucketName });

    if (!config.aws.account) {
      // A template synthesized without an account (local inspection, tests) must never be deployed.
      new CfnRule(this, 'AccountNotSet', {
        assertions: [
          {
            assert: Fn.conditionEquals('account-not-set', 'deployable'),
            assertDescription:
              `aws.account saknas i config/${config.id}.yaml: mallen byggdes bara för lokal granskning. ` +
              `/ aws.account is missing in config/${config.id}.yaml: this template was built for local inspection only.`,
          },
        ],
      });
    }
  }
}
