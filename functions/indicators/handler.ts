import { lambdaHandler, settingsFromEnv } from '../core/lambda.js';
import { createIndicatorsApp } from './app.js';
import { indicatorReleaseTask } from './release/task.js';

declare const __COUNTY_CONFIG__: string;

/**
 * The Lambda entry of the indicators service: the only place its real dependencies are wired.
 * API requests go to the app; the EventBridge schedule runs the release step, loaded only then.
 */
export const handler = lambdaHandler('indicators', createIndicatorsApp, settingsFromEnv(__COUNTY_CONFIG__), indicatorReleaseTask);
