import { fileURLToPath } from 'node:url';
import type { Construct } from 'constructs';
import { CfnOutput, Duration, Stack, Tags, type StackProps } from 'aws-cdk-lib';
import type { CountyConfig } from '../functions/core/config/schema.js';
import { readGrants } from '../functions/core/contracts/index.js';
import { SERVICE_PATHS, SERVICES, type ServiceName } from '../functions/core/routes.js';
import { bundleSettings, nodejsBundling, withSolver } from './bundling.js';
import { DataBucket } from './constructs/data-bucket.js';
import { OperationsAlarms } from './constructs/operations-alarms.js';
import { PublicApi } from './constructs/public-api.js';
import { ReleaseSchedule } from './constructs/release-schedule.js';
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

/** The Lambda entry file of a service. */
export function handlerEntry(service: ServiceName): string {
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
  /** The alarm topic and alarms. */
  public readonly alarms: OperationsAlarms;

  constructor(scope: Construct, id: string, props: CountyStackProps) {
    super(scope, id, { description: `County kit for ${props.config.name} (${props.config.id}).`, ...props });
    const { config } = props;
    Tags.of(this).add('area', config.id);
    Tags.of(this).add('cost-centre', `county-kit-${config.id}`);
    Tags.of(this).add('project', 'county-kit');

    this.data = new DataBucket(this, 'Data', { retention: config.retention });
    this.publicApi = new PublicApi(this, 'Public', { throttle: config.aws.throttle, customDomain: config.aws.customDomain });
    this.staff = new StaffUserPool(this, 'Staff', { areaId: config.id, callbackOrigin: this.publicApi.publicOrigin });
    this.alarms = new OperationsAlarms(this, 'Alarms', { email: config.alarmEmail });
    this.alarms.alarmOnSum('ApiServerErrors', this.publicApi.api.metricServerError(), 'The public API answered with 5xx.');

    const bundling = nodejsBundling(bundleSettings(config));
    const enabled = SERVICES.filter((s) => config.modules[s]);
    const functions = new Map<ServiceName, ServiceFunction>();
    for (const service of enabled) {
      const id = service[0]!.toUpperCase() + service.slice(1);
      const fn = new ServiceFunction(this, id, {
        service,
        entry: handlerEntry(service),
        bundling: service === 'indicators' ? withSolver(bundling) : bundling,
        bucket: this.data.bucket,
        readOnlyKeys: READ_ONLY_GRANTS[service].filter((key) => config.modules[key.split('/')[0] as ServiceName]),
        // The release step protects whole periods with an LP solver: more time and memory than a read.
        ...(service === 'indicators' ? { timeout: Duration.seconds(60), memorySize: 1024 } : {}),
        environment: {
          USER_POOL_ISSUER: this.staff.issuer,
          USER_POOL_CLIENT_ID: this.staff.client.userPoolClientId,
          PUBLIC_ORIGIN: this.publicApi.publicOrigin,
        },
      });
      const paths = SERVICE_PATHS[service];
      this.publicApi.routePrefixes(id, fn.fn, [paths.api, ...paths.pages]);
      this.alarms.alarmOnSum(`${id}Errors`, fn.fn.metricErrors(), `The ${service} function failed.`);
      this.alarms.alarmOnSum(`${id}Throttles`, fn.fn.metricThrottles(), `The ${service} function was throttled.`);
      functions.set(service, fn);
      if (service === 'indicators' && config.indicators.release.scheduled) new ReleaseSchedule(this, 'IndicatorReleases', { fn: fn.fn });
    }
    const first = enabled[0];
    if (first) this.publicApi.routeStartPage('StartPage', functions.get(first)!.fn);
    this.functions = functions;

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
  }
}
