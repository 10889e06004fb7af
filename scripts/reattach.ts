import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/** The retained resources of an area (pinned logical ids) and what CloudFormation needs to import each. */
export const RETAINED = {
  DataBucket: { type: 'AWS::S3::Bucket', identifier: 'BucketName', option: 'bucket' },
  AccessLogBucket: { type: 'AWS::S3::Bucket', identifier: 'BucketName', option: 'log-bucket' },
  StaffUserPool: { type: 'AWS::Cognito::UserPool', identifier: 'UserPoolId', option: 'user-pool' },
} as const;

/** The names of the retained resources, by `RETAINED` option. */
export type RetainedNames = Readonly<Record<(typeof RETAINED)[keyof typeof RETAINED]['option'], string>>;

/**
 * The resource mapping for `cdk import`: the kept bucket, log bucket and user pool of a destroyed
 * area, under the logical ids the stack pins, so that a redeploy adopts them instead of creating
 * empty ones.
 *
 * @example
 * resourceMapping({ bucket: 'countykit-jamtland-databucket-1', 'log-bucket': '…', 'user-pool': 'eu-north-1_AbC' });
 */
export function resourceMapping(names: RetainedNames): Record<string, Record<string, string>> {
  return Object.fromEntries(Object.entries(RETAINED).map(([logicalId, r]) => [logicalId, { [r.identifier]: names[r.option] }]));
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { bucket: { type: 'string' }, 'log-bucket': { type: 'string' }, 'user-pool': { type: 'string' } },
  });
  const { bucket, 'log-bucket': logBucket, 'user-pool': userPool } = values;
  if (!bucket || !logBucket || !userPool) {
    console.error(
      'Användning / usage: npm run reattach -- --bucket <data bucket> --log-bucket <log bucket> --user-pool <id> > mapping.json',
    );
    return 2;
  }
  console.log(JSON.stringify(resourceMapping({ bucket, 'log-bucket': logBucket, 'user-pool': userPool }), null, 2));
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main(process.argv.slice(2));
}
