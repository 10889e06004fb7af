import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData, type Metric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
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

/**
 * An encrypted, TLS-only SNS topic with an e-mail subscription, and a helper that adds alarms
 * ("anything at all in a period") to it.
 */
export class OperationsAlarms extends Construct {
  /** The alarm topic. */
  public readonly topic: Topic;
  /** The customer-managed key of the topic (CloudWatch may use it to publish). */
  public readonly key: Key;
  private readonly period: Duration;
  private readonly action: SnsAction;

  constructor(scope: Construct, id: string, props: OperationsAlarmsProps) {
    super(scope, id);
    this.period = props.period ?? Duration.minutes(5);
    // The key only protects alarm messages in flight: when the stack goes, it may go too.
    this.key = new Key(this, 'TopicKey', {
      enableKeyRotation: true,
      description: 'County kit: encrypts the alarm topic.',
      removalPolicy: RemovalPolicy.DESTROY,
      pendingWindow: Duration.days(7),
    });
    // The AWS-managed SNS key cannot be used here: CloudWatch needs these two rights on the key.
    this.key.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: ['*'],
      }),
    );
    this.topic = new Topic(this, 'Topic', { masterKey: this.key, enforceSSL: true, displayName: 'County kit alarms' });
    this.topic.addSubscription(new EmailSubscription(props.email));
    this.action = new SnsAction(this.topic);
  }

  /**
   * Alarm when the sum of `metric` over one period reaches `threshold`.
   *
   * @example
   * alarms.alarmOnSum('ApiServerErrors', api.metricServerError(), 'The API answered with 5xx.');
   */
  alarmOnSum(id: string, metric: Metric, description: string, threshold = 1): Alarm {
    const alarm = new Alarm(this, id, {
      metric: metric.with({ statistic: 'Sum', period: this.period }),
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    });
    alarm.addAlarmAction(this.action);
    return alarm;
  }
}
