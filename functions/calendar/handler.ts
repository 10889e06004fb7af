import { lambdaHandler } from '../core/lambda.js';
import { createCalendarApp } from './app.js';
import { calendarHousekeeping } from './housekeeping.js';

declare const __COUNTY_CONFIG__: string;

/**
 * The Lambda entry of the calendar service: the only place its real dependencies are wired. API
 * requests go to the app; the hourly EventBridge rule runs the housekeeping (purge, repair,
 * attendance file), never inside a user's request.
 */
export const handler = lambdaHandler(
  'calendar',
  createCalendarApp,
  () => ({
    configJson: __COUNTY_CONFIG__,
    bucket: process.env.DATA_BUCKET,
    userPoolIssuer: process.env.USER_POOL_ISSUER,
    userPoolClientId: process.env.USER_POOL_CLIENT_ID,
    publicOrigin: process.env.PUBLIC_ORIGIN,
    s3ForcePathStyle: process.env.S3_FORCE_PATH_STYLE === 'true',
    logLevel: process.env.AWS_LAMBDA_LOG_LEVEL,
  }),
  calendarHousekeeping,
);
