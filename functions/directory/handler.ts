import { lambdaHandler } from '../core/lambda.js';
import { createDirectoryApp } from './app.js';

declare const __COUNTY_CONFIG__: string;

/** The Lambda entry of the directory service: the only place its real dependencies are wired. */
export const handler = lambdaHandler('directory', createDirectoryApp, () => ({
  configJson: __COUNTY_CONFIG__,
  bucket: process.env.DATA_BUCKET,
  userPoolIssuer: process.env.USER_POOL_ISSUER,
  userPoolClientId: process.env.USER_POOL_CLIENT_ID,
  publicOrigin: process.env.PUBLIC_ORIGIN,
  s3ForcePathStyle: process.env.S3_FORCE_PATH_STYLE === 'true',
  logLevel: process.env.AWS_LAMBDA_LOG_LEVEL,
}));
