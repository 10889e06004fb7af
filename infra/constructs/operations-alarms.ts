import { Aws, Duration, Stack, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData, type Metric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

/** Props of `OperationsAlarms`. */
export interface OperationsAlarmsProps {
  /** Who is told (the config's `alarmEmail`; AWS asks them to confirm once). */
  readonly email: string;
  /**
   * Length of one evaluation period.
   * @default Duration.minutes(5)
   */
  readonly period?: Duration;
}

/** Options of one alarm beyond its metric and description. */
export interface AlarmOptions {
  /**
   * Alarm when the statistic reaches this value.
   * @default 1
   */
  readonly threshold?: number;
  /**
   * How many periods are looked at, and how many of them must breach.
   * @default 1
   */
  readonly evaluationPeriods?: number;
}

/**
 * A TLS-only SNS topic with an e-mail subscription that CloudWatch alarms of this stack (and only
 * those) may publish to, and helpers that add alarms with both ALARM and OK notifications.
 *
 * The topic is not encrypted with a KMS key: alarm texts hold alarm names, metric values and
 * times, never personal data, and a customer-managed key would cost about USD 1 a month per area
 * for nothing it protects; the AWS-managed SNS key cannot be used, because CloudWatch may not use it.
 */
export class OperationsAlarms extends Construct {
  /** The alarm topic. */
  public readonly topic: Topic;
  /** Every alarm added, in order. */
  public readonly all: Alarm[] = [];
  /** Prefix of every alarm name: `<stack name>-`. */
  public readonly namePrefix: string;
  private readonly period: Duration;
  private readonly action: SnsAction;

  constructor(scope: Construct, id: string, props: OperationsAlarmsProps) {
    super(scope, id);
    this.period = props.period ?? Duration.minutes(5);
    this.namePrefix = `${Stack.of(this).stackName}-`;
    this.topic = new Topic(this, 'Topic', { enforceSSL: true, displayName: 'County kit alarms' });
    // enforceSSL attaches a topic policy, which replaces SNS's default one: without this
    // statement nothing may publish, and every alarm would fail silently.
    this.topic.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchAlarmsOfThisStack',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: {
          StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID },
          ArnLike: { 'aws:SourceArn': `arn:${Aws.PARTITION}:cloudwatch:${Aws.REGION}:${Aws.ACCOUNT_ID}:alarm:${this.namePrefix}*` },
        },
      }),
    );
    Validations.of(this.topic).acknowledge({
      id: 'AwsSolutions-SNS2',
      reason:
        'Alarm messages carry alarm names, metric values and times, never personal data. A customer-managed key costs ' +
        'about USD 1 a month per area and protects nothing here; the AWS-managed SNS key cannot be used by CloudWatch.',
    });
    this.topic.addSubscription(new EmailSubscription(props.email));
    this.action = new SnsAction(this.topic);
  }

  /**
   * Alarm when the sum of `metric` over one period reaches `threshold`.
   *
   * @example
   * alarms.alarmOnSum('ApiServerErrors', api.metricServerError(), 'The API answered with 5xx.');
   */
  alarmOnSum(id: string, metric: Metric, description: string, options: AlarmOptions = {}): Alarm {
    return this.alarmOn(id, metric.with({ statistic: 'Sum', period: this.period }), description, options);
  }

  /**
   * Alarm when `metric` (with its own statistic, e.g. `p95` or `Maximum`) reaches `threshold`.
   *
   * @example
   * alarms.alarmOn('ApiLatencyP95', api.metricLatency({ statistic: 'p95' }), 'Slow answers.', { threshold: 3000 });
   */
  alarmOn(id: string, metric: Metric, description: string, options: AlarmOptions = {}): Alarm {
    const periods = options.evaluationPeriods ?? 1;
    const alarm = new Alarm(this, id, {
      alarmName: `${this.namePrefix}${id}`,
      metric: metric.with({ period: this.period }),
      threshold: options.threshold ?? 1,
      evaluationPeriods: periods,
      datapointsToAlarm: periods,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    });
    alarm.addAlarmAction(this.action);
    alarm.addOkAction(this.action);
    this.all.push(alarm);
    return alarm;
  }
}
