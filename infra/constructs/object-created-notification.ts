import { RemovalPolicy, Stack, type CfnResource } from 'aws-cdk-lib';
import type { CfnRole, Role } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { EventType, type Bucket } from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { Construct } from 'constructs';
import { SECURE_DEFAULTS } from '../defaults.js';

/** Props of `ObjectCreatedNotification`. */
export interface ObjectCreatedNotificationProps {
  /** The data bucket. */
  readonly bucket: Bucket;
  /** The service function; it recognises the S3 event (`eventSource: aws:s3`) and runs its object task instead of a request. */
  readonly fn: IFunction;
  /** Only objects under this prefix notify (keep every object the task itself writes outside it, or it calls itself). */
  readonly prefix: string;
  /** Only objects whose key ends so notify. */
  readonly suffix?: string;
}

/** The construct id CDK gives its one bucket-notification handler per stack. */
const CDK_HANDLER_ID = /^BucketNotificationsHandler[0-9a-f]{32}$/;

/**
 * The data bucket invokes a service function when an object is created under a prefix: work
 * derived from a write follows it within seconds, off the user's request, and costs nothing
 * between writes. CloudFormation has no cycle-free native form for this (the function already
 * depends on the bucket), so CDK configures it with its own small handler function at deploy time;
 * that handler is held to the kit's rules here: no AWS-managed policy, its own log group with the
 * kit's retention, JSON logs on arm64. Its S3 right is `PutBucketNotification` on this bucket alone.
 */
export class ObjectCreatedNotification extends Construct {
  constructor(scope: Construct, id: string, props: ObjectCreatedNotificationProps) {
    super(scope, id);
    props.bucket.addEventNotification(EventType.OBJECT_CREATED, new LambdaDestination(props.fn), {
      prefix: props.prefix,
      ...(props.suffix ? { suffix: props.suffix } : {}),
    });
    const handler = Stack.of(this).node.children.find((c) => CDK_HANDLER_ID.test(c.node.id));
    if (!handler) throw new Error('The bucket-notification handler of aws-cdk-lib was not found; check its construct id after an upgrade.');
    if (handler.node.tryFindChild('Logs')) return; // already held to the rules by an earlier notification
    const role = handler.node.findChild('Role') as Role;
    // its logs go to the log group below instead of through AWSLambdaBasicExecutionRole
    (role.node.defaultChild as CfnRole).managedPolicyArns = undefined;
    const logs = new LogGroup(handler, 'Logs', { retention: SECURE_DEFAULTS.logRetention, removalPolicy: RemovalPolicy.DESTROY });
    logs.grantWrite(role);
    const fn = handler.node.findChild('Resource') as CfnResource;
    fn.addPropertyOverride('LoggingConfig', { LogFormat: 'JSON', LogGroup: logs.logGroupName });
    fn.addPropertyOverride('Architectures', [SECURE_DEFAULTS.architecture.name]);
    fn.node.addDependency(role);
  }
}
