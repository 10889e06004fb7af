import { lambdaHandler, settingsFromEnv } from '../core/lambda.js';
import { createCalendarApp } from './app.js';
import { calendarHousekeeping } from './housekeeping.js';

declare const __COUNTY_CONFIG__: string;

/**
 * The Lambda entry of the calendar service: the only place its real dependencies are wired. API
 * requests go to the app; the hourly EventBridge rule runs the housekeeping (purge, repair,
 * attendance file), never inside a user's request.
 */
export const handler = lambdaHandler('calendar', createCalendarApp, settingsFromEnv(__COUNTY_CONFIG__), calendarHousekeeping);
