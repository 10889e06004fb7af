import { type Duration, RemovalPolicy, Stack, Validations, type CfnElement } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { ApplicationLogLevel, LoggingFormat, SystemLogLevel } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { SECURE_DEFAULTS } from '../defaults.js';

/** Props of `ServiceFunction`. */
export interface ServiceFunctionProps {
  /** The service name; also the bucket prefix the function owns (`<service>/`). */
  readonly service: string;
  /** Path of the Lambda entry file (exports `handler`). */
  readonly entry: string;
  /** Bundling options (see `nodejsBundling`). */
  readonly bundling: BundlingOptions;
  /** The data bucket; the function may read, write, delete and list only under its own prefix. */
  readonly bucket: IBucket;
  /**
   * Keys of other services' published files the function may read (never write), e.g.
   * `calendar/public/attendance.json` (see `functions/core/contracts`).
   * @default []
   */
  readonly readOnlyKeys?: readonly string[];
  /** Environment variables, besides `DATA_BUCKET` and `NODE_OPTIONS`, which are always set. */
  readonly environment?: Readonly<Record<string, string>>;
  /**
   * Memory in MB (arm64 CPU share grows with it, which shortens cold starts).
   * @default 512
   */
  readonly memorySize?: number;
  /**
   * Timeout of one invocation.
   * @default Duration.seconds(10)
   */
  readonly timeout?: Duration;
  /**
   * Log retention of the function's log group.
   * @default RetentionDays.THREE_MONTHS
   */
  readonly logRetention?: RetentionDays;
  /**
   * Reserved concurrency. Unset by default: new AWS accounts have a total of 10, and reserving
   * any of it makes the deploy fail there; the API stage's throttling bounds the load instead.
   * @default - unreserved
   */
  readonly reservedConcurrentExecutions?: number;
}

/**
 * The one wrapper around `NodejsFunction` that every service uses: pinned Node.js 24 on arm64,
 * locally bundled, its own execution role (no AWS-managed policies), its own log group with
 * retention, and S3 rights on its own prefix only.
 */
export class ServiceFunction extends Construct {
  /** The function. */
  public readonly fn: NodejsFunction;
  /** Its execution role. */
  public readonly role: Role;
  /** Its log group. */
  public readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: ServiceFunctionProps) {
    super(scope, id);
    this.logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention ?? SECURE_DEFAULTS.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of the ${props.service} function: its log group and its own bucket prefix.`,
    });
    this.logGroup.grantWrite(this.role);

    const own = `${props.service}/`;
    this.role.addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'OwnPrefixReadWrite',
        actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
        resources: [props.bucket.arnForObjects(`${own}*`)],
      }),
    );
    const readOnly = props.readOnlyKeys ?? [];
    if (readOnly.length > 0) {
      this.role.addToPrincipalPolicy(
        new PolicyStatement({
          sid: 'PublishedFilesReadOnly',
          actions: ['s3:GetObject'],
          resources: readOnly.map((key) => props.bucket.arnForObjects(key)),
        }),
      );
    }
    // ListBucket is granted on the bucket without a prefix condition on purpose: S3 answers a read
    // of a missing object with 404 only to a caller that may list the bucket, and the prefix
    // condition does not apply to that check, so a conditioned grant turns every "not there yet"
    // into a 403 that the store must treat as an outage. Key names carry ids, never personal data;
    // object contents stay limited to the prefix and keys above.
    this.role.addToPrincipalPolicy(
      new PolicyStatement({ sid: 'ListBucketForNotFound', actions: ['s3:ListBucket'], resources: [props.bucket.bucketArn] }),
    );

    // nag reads the `<own prefix>*` object ARN as a wildcard; here the wildcard is the point (every
    // key under the service's own prefix) and the prefix is the boundary. The read-only grants are
    // exact keys, so they need no acknowledgement.
    const bucketId = Stack.of(this).resolve((props.bucket.node.defaultChild as CfnElement).logicalId) as string;
    Validations.of(this.role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${own}*]`,
      reason: `Object keys under ${own} are created at run time (ids, periods); access is limited to that one prefix.`,
    });

    this.fn = new NodejsFunction(this, 'Function', {
      entry: props.entry,
      handler: 'handler',
      runtime: SECURE_DEFAULTS.runtime,
      architecture: SECURE_DEFAULTS.architecture,
      memorySize: props.memorySize ?? SECURE_DEFAULTS.memorySize,
      timeout: props.timeout ?? SECURE_DEFAULTS.timeout,
      role: this.role,
      logGroup: this.logGroup,
      // JSON lines with levels; Lambda sets AWS_LAMBDA_LOG_LEVEL, which the kit's logger honours.
      loggingFormat: LoggingFormat.JSON,
      applicationLogLevelV2: ApplicationLogLevel.INFO,
      systemLogLevelV2: SystemLogLevel.WARN,
      bundling: props.bundling,
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      environment: {
        ...props.environment,
        DATA_BUCKET: props.bucket.bucketName,
        NODE_OPTIONS: '--enable-source-maps',
      },
      description: `County kit: the ${props.service} service.`,
    });
  }
}
