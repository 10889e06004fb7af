import { Duration } from 'aws-cdk-lib';
import { Dashboard, GraphWidget, Metric } from 'aws-cdk-lib/aws-cloudwatch';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/** Props of `AreaDashboard`. */
export interface AreaDashboardProps {
  /** Dashboard name, e.g. `CountyKit-jamtland`. */
  readonly name: string;
  readonly api: HttpApi;
  /** The functions, by service name. */
  readonly functions: ReadonlyMap<string, IFunction>;
  /** The data bucket: its request metrics are turned on (billed as CloudWatch metrics while the dashboard exists). */
  readonly bucket: Bucket;
}

/**
 * One CloudWatch dashboard per area: API requests and errors, API latency, errors and p95
 * duration per service, and S3 requests. Optional in config (`aws.dashboard`): an account's first
 * three dashboards are free, each further one costs about USD 3 a month.
 */
export class AreaDashboard extends Construct {
  /** The dashboard. */
  public readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: AreaDashboardProps) {
    super(scope, id);
    const period = Duration.minutes(5);
    const per = (f: (fn: IFunction) => Metric) => [...props.functions].map(([s, fn]) => f(fn).with({ label: s, period }));
    props.bucket.addMetric({ id: 'EntireBucket' });
    const s3 = (metricName: string) =>
      new Metric({
        namespace: 'AWS/S3',
        metricName,
        dimensionsMap: { BucketName: props.bucket.bucketName, FilterId: 'EntireBucket' },
        statistic: 'Sum',
        period,
      });
    this.dashboard = new Dashboard(this, 'Dashboard', { dashboardName: props.name });
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'Requests and errors (API)',
        left: [props.api.metricCount({ period }), props.api.metricClientError({ period }), props.api.metricServerError({ period })],
      }),
      new GraphWidget({ title: 'API latency p95 (ms)', left: [props.api.metricLatency({ statistic: 'p95', period })] }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({ title: 'Errors per service', left: per((fn) => fn.metricErrors({ statistic: 'Sum' })) }),
      new GraphWidget({ title: 'Duration p95 per service (ms)', left: per((fn) => fn.metricDuration({ statistic: 'p95' })) }),
      new GraphWidget({
        title: 'S3 requests',
        left: [s3('GetRequests'), s3('PutRequests'), s3('ListRequests'), s3('4xxErrors'), s3('5xxErrors')],
      }),
    );
  }
}
