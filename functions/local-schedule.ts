import type { AppDeps } from './core/deps.js';
import type { ScheduledTask } from './core/lambda.js';
import type { ServiceName } from './core/routes.js';
import { calendarHousekeeping } from './calendar/housekeeping.js';
import { feedbackHousekeepingTask } from './feedback/task.js';
import { indicatorReleaseTask } from './indicators/release/task.js';

/**
 * The housekeeping each service runs on its EventBridge schedule on AWS (the same tasks as the
 * handlers). Calendar and feedback come before indicators so a release reads fresh attendance and counts.
 */
export const SCHEDULED_TASKS: Readonly<Partial<Record<ServiceName, ScheduledTask>>> = {
  calendar: calendarHousekeeping,
  feedback: feedbackHousekeepingTask,
  indicators: indicatorReleaseTask,
};

/** Run every enabled service's housekeeping once, in turn; a failing task is logged, not thrown. */
export async function runHousekeeping(deps: AppDeps): Promise<void> {
  for (const [service, task] of Object.entries(SCHEDULED_TASKS) as [ServiceName, ScheduledTask][]) {
    if (!deps.config.modules[service]) continue;
    try {
      await task(deps);
    } catch (error) {
      deps.log.error('housekeeping failed', { service, error: error instanceof Error ? error.message : String(error) });
    }
  }
}

/**
 * The local equivalent of the EventBridge schedules for `npm start`: run the housekeeping now and
 * then every `everyMinutes`, one run at a time, never inside a request. Returns a stop function.
 */
export function startLocalSchedule(deps: AppDeps, everyMinutes = 15): () => void {
  let running: Promise<void> | undefined;
  const tick = () => {
    running ??= runHousekeeping(deps).finally(() => (running = undefined));
  };
  tick();
  const timer = setInterval(tick, everyMinutes * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
