import { lambdaHandler, settingsFromEnv } from '../core/lambda.js';
import { createFeedbackApp } from './app.js';
import { feedbackHousekeepingTask } from './task.js';

declare const __COUNTY_CONFIG__: string;

/**
 * The Lambda entry of the feedback service: the only place its real dependencies are wired.
 * API requests go to the app; the EventBridge schedule runs the housekeeping, loaded only then.
 */
export const handler = lambdaHandler('feedback', createFeedbackApp, settingsFromEnv(__COUNTY_CONFIG__), feedbackHousekeepingTask);
