import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { S3Client } from '@aws-sdk/client-s3';
import { FsStore } from '../functions/core/store/fs-store.js';
import { S3ObjectClient } from '../functions/core/store/s3-client.js';
import { S3Store } from '../functions/core/store/s3-store.js';
import type { Store } from '../functions/core/store/store.js';
import { localDataDir } from '../functions/local-paths.js';
import { stackName } from '../infra/county-app.js';

/** The data bucket of a deployed area, from its stack's `DataBucketName` output (AWS CLI). */
export async function areaBucket(area: string): Promise<string> {
  const query = "Stacks[0].Outputs[?OutputKey=='DataBucketName'].OutputValue";
  const args = ['cloudformation', 'describe-stacks', '--stack-name', stackName(area), '--query', query, '--output', 'text'];
  return (await promisify(execFile)('aws', args)).stdout.trim();
}

/** An S3 client for the scripts: path-style when `AWS_ENDPOINT_URL_S3` points at an S3-compatible server. */
export function scriptS3Client(): S3Client {
  return new S3Client({ forcePathStyle: Boolean(process.env.AWS_ENDPOINT_URL_S3) });
}

/**
 * The functions' own S3 client, with the credentials and region the AWS SDK finds on this machine
 * (profiles, SSO, environment), and a longer timeout than a function's, for large objects over the
 * internet.
 */
export async function scriptObjectClient(): Promise<S3ObjectClient> {
  const sdk = scriptS3Client();
  return new S3ObjectClient({
    region: await sdk.config.region(),
    forcePathStyle: Boolean(process.env.AWS_ENDPOINT_URL_S3),
    credentials: () => sdk.config.credentials(),
    timeoutMs: 60_000,
  });
}

/**
 * The store of an area for the scripts: `--local` is the laptop store of `npm start`
 * (`.data/<area>/store`); otherwise the deployed area's bucket (or the `--bucket` given).
 */
export async function areaStore(area: string, options: { local?: boolean; bucket?: string }): Promise<Store> {
  if (options.local) return new FsStore(join(localDataDir(area), 'store'));
  return new S3Store({ client: await scriptObjectClient(), bucket: options.bucket ?? (await areaBucket(area)) });
}
