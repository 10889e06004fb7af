import type { CalendarContext } from '../context.js';
import { forEachLimit } from './limit.js';
import { ledgerKey } from './ledger-counts.js';
import { WRITE_CONCURRENCY } from './new-events.js';

const DAY = 86_400_000;
const LEDGER_PREFIX = 'calendar/registrations/';

/**
 * Delete the registrations of every training that ended more than `retention.registrationDays`
 * ago. Which trainings ended comes from the collection, which ledgers exist from one listing (a
 * request per 1,000 ledgers), so a ledger is deleted only while it exists. Attendance counts stay
 * (they hold no personal data). Returns how many trainings were purged. Run by the scheduled
 * housekeeping and by `POST /api/calendar/purge`; never inside another request.
 */
export async function purgeExpired(ctx: CalendarContext): Promise<number> {
  const { store, clock, config } = ctx.deps;
  const limit = clock.now().getTime() - config.retention.registrationDays * DAY;
  ctx.collection.forget();
  const { events } = await ctx.collection.read();
  const due = new Set(events.filter((e) => Date.parse(e.end) < limit).map((e) => ledgerKey(e.id)));
  const existing: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.list(LEDGER_PREFIX, { cursor });
    existing.push(...page.items.map((i) => i.key).filter((k) => due.has(k)));
    cursor = page.cursor;
  } while (cursor);
  await forEachLimit(existing, WRITE_CONCURRENCY, (key) => store.delete(key));
  return existing.length;
}
