import type { ScheduledTask } from '../core/lambda.js';

/** The feedback housekeeping (EventBridge on AWS, the local schedule in `npm start`), loaded only when it runs. */
export const feedbackHousekeepingTask: ScheduledTask = async (deps) => (await import('./scheduled.js')).feedbackHousekeeping(deps);
