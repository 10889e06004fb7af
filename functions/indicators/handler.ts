import { lambdaHandler } from '../core/lambda.js';
import { createIndicatorsApp } from './app.js';
import { indicatorReleaseTask } from './release/task.js';

declare const __COUNTY_CONFIG__: string;

/**
 * The Lambda entry of the indicators service: the only place its real dependencies are wired.
 * API requests go to the app; the EventBridge schedule runs the release step, loaded only then.
 */
export const handler = lambdaHandler(
  'indicators',
  createIndicatorsApp,
  () => ({
    configJson: __COUNTY_CONFIG__,
    bucket: process.env.DATA_BUCKET,
    userPoolIssuer: process.env.USER_POOL_ISSUER,
    userPoolClientId: process.env.USER_POOL_CLIENT_ID,
    publicOrigin: process.env.PUBLIC_ORIGIN,
    s3ForcePathStyle: process.env.S3_FORCE_PATH_STYLE === 'true',
  }),
  indicatorReleaseTask,
);
