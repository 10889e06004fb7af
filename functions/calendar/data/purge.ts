import type { MiddlewareHandler } from 'hono';
import type { KitEnv } from '../../core/http/staff.js';
import type { CalendarContext } from '../context.js';
import { listEvents } from './events.js';
import { sweepPendingWrites } from './new-events.js';
import { ledgerKey } from './registrations.js';

const DAY = 86_400_000;
/** How often a running instance checks for registrations past their retention. */
export const PURGE_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Delete the registrations of every training that ended more than `retention.registrationDays`
 * ago. Attendance counts stay (they hold no personal data). Returns how many trainings were purged.
 */
export async function purgeExpired(ctx: CalendarContext): Promise<number> {
  const { store, clock, config } = ctx.deps;
  const limit = clock.now().getTime() - config.retention.registrationDays * DAY;
  let purged = 0;
  for (const event of await listEvents(store)) {
    if (Date.parse(event.end) >= limit) continue;
    const key = ledgerKey(event.id);
    if ((await store.list(key, { limit: 1 })).items.some((i) => i.key === key)) {
      await store.delete(key);
      purged++;
    }
  }
  return purged;
}

/**
 * There is no scheduler: the app purges on its own (and removes the trainings of writes that died
 * half-way, see `sweepPendingWrites`), on the first write it handles and then at most
 * once an hour per running instance (a Lambda container or the local server), before the request.
 */
export function purgeMiddleware(ctx: CalendarContext): MiddlewareHandler<KitEnv> {
  let next = 0;
  return async (c, proceed) => {
    const now = ctx.deps.clock.now().getTime();
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && now >= next) {
      next = now + PURGE_INTERVAL_MS;
      try {
        const purged = await purgeExpired(ctx);
        if (purged) ctx.deps.log.info('registrations purged', { service: 'calendar', trainings: purged });
        const swept = await sweepPendingWrites(ctx);
        if (swept) ctx.deps.log.warn('trainings of interrupted writes removed', { service: 'calendar', writes: swept });
      } catch {
        next = now; // try again on the next write
        ctx.deps.log.warn('registration purge failed', { service: 'calendar' });
      }
    }
    await proceed();
  };
}
