import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Alarm, Metric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Alias, Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { describe, expect, it } from 'vitest';
import { OperationsAlarms } from '../../infra/constructs/operations-alarms.js';
import { undeliverableAlarms } from './alarm-delivery.js';

const metric = new Metric({ namespace: 'Probe', metricName: 'Errors' });

/** A stack with one alarm whose action is the topic that `makeTopic` returns. */
function probe(makeTopic: (stack: Stack) => Topic): string[] {
  const stack = new Stack(new App(), 'Probe');
  const topic = makeTopic(stack);
  new Alarm(stack, 'Probe', { metric, threshold: 1, evaluationPeriods: 1 }).addAlarmAction(new SnsAction(topic));
  return undeliverableAlarms(Template.fromStack(stack).toJSON(), stack.stackName);
}

describe('the alarm delivery check', () => {
  it('passes an alarm on the kit topic, whose policy lets this stack’s alarms publish', () => {
    const stack = new Stack(new App(), 'Probe');
    const alarms = new OperationsAlarms(stack, 'Alarms', { email: 'larm@example.se' });
    alarms.alarmOnSum('Errors', metric, 'probe');
    expect(undeliverableAlarms(Template.fromStack(stack).toJSON(), stack.stackName)).toEqual([]);
  });

  it('fails a TLS-only topic whose policy has only the Deny (the topic policy replaces the default one)', () => {
    expect(probe((s) => new Topic(s, 'Topic', { enforceSSL: true }))).toEqual([
      expect.stringContaining('no topic policy statement allows cloudwatch.amazonaws.com'),
    ]);
  });

  it('fails a policy that allows only the alarms of another stack', () => {
    const problems = probe((s) => {
      const topic = new Topic(s, 'Topic', { enforceSSL: true });
      topic.addToResourcePolicy(
        new PolicyStatement({
          principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
          actions: ['sns:Publish'],
          resources: [topic.topicArn],
          conditions: { ArnLike: { 'aws:SourceArn': 'arn:aws:cloudwatch:*:*:alarm:Other-*' } },
        }),
      );
      return topic;
    });
    expect(problems).toHaveLength(1);
  });

  it('fails a topic encrypted with the AWS-managed SNS key, which CloudWatch may not use', () => {
    const problems = probe((s) => new Topic(s, 'Topic', { masterKey: Alias.fromAliasName(s, 'Managed', 'alias/aws/sns') }));
    expect(problems).toEqual([expect.stringContaining('is not a key of this stack')]);
  });

  it('fails a customer-managed key that does not let CloudWatch use it', () => {
    const problems = probe((s) => new Topic(s, 'Topic', { masterKey: new Key(s, 'Key') }));
    expect(problems).toEqual([expect.stringContaining('kms:Decrypt'), expect.stringContaining('kms:GenerateDataKey')]);
  });

  it('fails an alarm without any action', () => {
    const stack = new Stack(new App(), 'Probe');
    new Alarm(stack, 'Silent', { metric, threshold: 1, evaluationPeriods: 1 });
    expect(undeliverableAlarms(Template.fromStack(stack).toJSON(), stack.stackName)).toEqual([
      expect.stringMatching(/^Silent.*: no alarm action$/),
    ]);
  });
});
