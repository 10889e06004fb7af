import { lambdaHandler, settingsFromEnv } from '../core/lambda.js';
import { createDirectoryApp } from './app.js';

declare const __COUNTY_CONFIG__: string;

/** The Lambda entry of the directory service: the only place its real dependencies are wired. */
export const handler = lambdaHandler('directory', createDirectoryApp, settingsFromEnv(__COUNTY_CONFIG__));
