import { lambdaHandler, settingsFromEnv } from '../core/lambda.js';
import { createCalendarApp } from './app.js';
import { calendarHousekeeping, calendarLedgerWrites } from './housekeeping.js';

declare const __COUNTY_CONFIG__: string;

/**
 * The Lambda entry of the calendar service: the only place its real dependencies are wired. API
 * requests go to the app; the hourly EventBridge rule runs the housekeeping (purge, repair,
 * attendance file); the data bucket's notification of a ledger write takes its counts into the
 * collection within seconds. None of it runs inside a user's request.
 */
export const handler = lambdaHandler(
  'calendar',
  createCalendarApp,
  settingsFromEnv(__COUNTY_CONFIG__),
  calendarHousekeeping,
  calendarLedgerWrites,
);
