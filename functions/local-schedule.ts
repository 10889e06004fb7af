import type { AppDeps } from './core/deps.js';
import type { ObjectsCreatedTask, ScheduledTask } from './core/lambda.js';
import type { ServiceName } from './core/routes.js';
import type { Store } from './core/store/store.js';
import { LEDGER_PREFIX } from './calendar/data/counts-sync.js';
import { calendarHousekeeping, calendarLedgerWrites } from './calendar/housekeeping.js';
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

/** The tasks each service runs on the data bucket's object-created notifications on AWS, by the key prefix notified. */
export const OBJECT_TASKS: readonly { readonly service: ServiceName; readonly prefix: string; readonly task: ObjectsCreatedTask }[] = [
  { service: 'calendar', prefix: LEDGER_PREFIX, task: calendarLedgerWrites },
];

/**
 * The local equivalent of the data bucket's object-created notifications for `npm start`: the
 * returned dependencies' store notices each successful write under a notified prefix and, `delayMs`
 * later, runs that service's task with the keys written meanwhile (one run at a time; a failure is
 * logged). The task never runs inside the request's await, as on AWS.
 *
 * @example
 * const deps = withObjectNotifications({ config, store, clock, auth, log });
 */
export function withObjectNotifications(deps: AppDeps, delayMs = 250): AppDeps {
  const tasks = OBJECT_TASKS.filter((t) => deps.config.modules[t.service]);
  const pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  const schedule = () => {
    timer ??= setTimeout(() => void flush(), delayMs);
  };
  const flush = async () => {
    timer = undefined;
    if (running) return; // the run under way schedules the next
    running = true;
    try {
      for (const { service, prefix, task } of tasks) {
        const keys = [...pending].filter((k) => k.startsWith(prefix));
        for (const k of keys) pending.delete(k);
        if (keys.length === 0) continue;
        try {
          await task(keys, notified);
        } catch (error) {
          deps.log.error('object task failed', { service, error: error instanceof Error ? error.message : String(error) });
        }
      }
    } finally {
      running = false;
      if (pending.size > 0) schedule();
    }
  };
  const inner = deps.store;
  const store: Store = {
    get: (key, options) => inner.get(key, options),
    list: (prefix, options) => inner.list(prefix, options),
    delete: (key) => inner.delete(key),
    put: async (key, body, options) => {
      const written = await inner.put(key, body, options);
      if (tasks.some((t) => key.startsWith(t.prefix))) {
        pending.add(key);
        schedule();
      }
      return written;
    },
  };
  const notified: AppDeps = { ...deps, store };
  return notified;
}
