import { lambdaHandler } from '../core/lambda.js';
import { createStaffApp } from './app.js';
import { oidcClient } from './oidc.js';

declare const __COUNTY_CONFIG__: string;

/** The Lambda entry of the staff function (sign-in, sign-out, `/personal`): the only place its real dependencies are wired. */
export const handler = lambdaHandler(
  'staff',
  (deps) =>
    createStaffApp(deps, {
      oidc: oidcClient({
        issuer: process.env.USER_POOL_ISSUER ?? '',
        clientId: process.env.USER_POOL_CLIENT_ID ?? '',
        logoutEndpoint: `${process.env.USER_POOL_DOMAIN ?? ''}/logout`,
      }),
    }),
  () => ({
    configJson: __COUNTY_CONFIG__,
    bucket: process.env.DATA_BUCKET,
    userPoolIssuer: process.env.USER_POOL_ISSUER,
    userPoolClientId: process.env.USER_POOL_CLIENT_ID,
    publicOrigin: process.env.PUBLIC_ORIGIN,
    s3ForcePathStyle: process.env.S3_FORCE_PATH_STYLE === 'true',
    logLevel: process.env.AWS_LAMBDA_LOG_LEVEL,
  }),
);
