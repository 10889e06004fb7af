import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, BucketEncryption, ObjectOwnership, type BucketProps } from 'aws-cdk-lib/aws-s3';

/**
 * The secure defaults of the kit, in one place. Constructs merge their props over these, so a
 * stack gets the safe choice unless it asks for something else on purpose.
 */
export const SECURE_DEFAULTS = {
  /** Pinned, not `NODEJS_LATEST`: a runtime change is a reviewed change, never a surprise on deploy. */
  runtime: Runtime.NODEJS_24_X,
  architecture: Architecture.ARM_64,
  memorySize: 512,
  /** Below API Gateway's 30 s integration limit, so a slow call ends as our own 5xx, not a gateway one. */
  timeout: Duration.seconds(10),
  logRetention: RetentionDays.THREE_MONTHS,
} as const;

/**
 * Bucket settings every bucket of the kit starts from: encrypted, TLS only, no public access,
 * bucket-owner-enforced (no ACLs), kept when the stack is deleted.
 *
 * @example
 * new Bucket(this, 'Logs', { ...defaultBucketProps(), lifecycleRules: [...] });
 */
export function defaultBucketProps(): BucketProps {
  return {
    encryption: BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
    removalPolicy: RemovalPolicy.RETAIN,
  };
}
