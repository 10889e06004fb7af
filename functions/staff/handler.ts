import { lambdaHandler, settingsFromEnv } from '../core/lambda.js';
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
  settingsFromEnv(__COUNTY_CONFIG__),
);
