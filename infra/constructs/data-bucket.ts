import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Bucket, type CfnBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { defaultBucketProps } from '../defaults.js';

/** Retention of the data bucket, in days (from the `retention` section of the county config). */
export interface DataRetention {
  /** Raw feedback submissions under `feedback/submissions/`. */
  readonly feedbackDays: number;
  /** Contact details under `feedback/contacts/`. */
  readonly contactDays: number;
  /** Registrations under `calendar/registrations/`; the bucket keeps them one extra year as a backstop. */
  readonly registrationDays: number;
  /** Old versions of every object. */
  readonly oldVersionsDays: number;
}

/** Props of `DataBucket`. */
export interface DataBucketProps {
  /** Retention days from the county config. */
  readonly retention: DataRetention;
  /**
   * Logical id of the data bucket, pinned so that a refactoring can never replace (and empty) it.
   * @default 'DataBucket'
   */
  readonly logicalId?: string;
  /**
   * Logical id of the access-log bucket.
   * @default 'AccessLogBucket'
   */
  readonly logBucketLogicalId?: string;
  /**
   * How long server access logs (which hold IP addresses) are kept.
   * @default Duration.days(90)
   */
  readonly accessLogRetention?: Duration;
  /**
   * What happens to the buckets when the stack is deleted.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * The area's one data bucket (each service under its own prefix) with its access-log bucket:
 * versioned, encrypted, TLS only, no public access, and lifecycle rules that carry out the
 * retention periods of the config.
 */
export class DataBucket extends Construct {
  /** The data bucket. */
  public readonly bucket: Bucket;
  /** The bucket that receives the data bucket's server access logs. */
  public readonly logBucket: Bucket;

  constructor(scope: Construct, id: string, props: DataBucketProps) {
    super(scope, id);
    // Log delivery through a bucket policy (not ACLs), whatever the app's feature flags say.
    this.node.setContext('@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy', true);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    const r = props.retention;

    this.logBucket = new Bucket(this, 'AccessLogs', {
      ...defaultBucketProps(),
      removalPolicy,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: props.accessLogRetention ?? Duration.days(90) }],
    });
    (this.logBucket.node.defaultChild as CfnBucket).overrideLogicalId(props.logBucketLogicalId ?? 'AccessLogBucket');
    Validations.of(this.logBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the access-log bucket itself; logging it into another bucket would only move the question one bucket on.',
    });

    this.bucket = new Bucket(this, 'Data', {
      ...defaultBucketProps(),
      removalPolicy,
      versioned: true,
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 'data-bucket/',
      lifecycleRules: [
        {
          id: 'expire-old-versions',
          noncurrentVersionExpiration: Duration.days(r.oldVersionsDays),
          abortIncompleteMultipartUploadAfter: Duration.days(7),
        },
        { id: 'remove-expired-delete-markers', expiredObjectDeleteMarker: true },
        // Personal data must not outlive its retention in old versions either: once deleted or
        // expired, its noncurrent versions go after one day instead of oldVersionsDays.
        {
          id: 'feedback-submissions',
          prefix: 'feedback/submissions/',
          expiration: Duration.days(r.feedbackDays),
          noncurrentVersionExpiration: Duration.days(1),
        },
        {
          id: 'feedback-contacts',
          prefix: 'feedback/contacts/',
          expiration: Duration.days(r.contactDays),
          noncurrentVersionExpiration: Duration.days(1),
        },
        // Rate-limit marks are only needed for minutes.
        { id: 'feedback-rate', prefix: 'feedback/rate/', expiration: Duration.days(1), noncurrentVersionExpiration: Duration.days(1) },
        // The calendar deletes registrations registrationDays after the event; this is only the backstop.
        {
          id: 'calendar-registrations',
          prefix: 'calendar/registrations/',
          expiration: Duration.days(r.registrationDays + 366),
          noncurrentVersionExpiration: Duration.days(1),
        },
      ],
    });
    (this.bucket.node.defaultChild as CfnBucket).overrideLogicalId(props.logicalId ?? 'DataBucket');
  }
}
