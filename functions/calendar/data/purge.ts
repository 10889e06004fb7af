import type { CalendarContext } from '../context.js';
import type { CalendarEvent } from '../model/event.js';
import { foldLedgers, LEDGER_PREFIX } from './counts-sync.js';
import { forEachLimit } from './limit.js';
import { ledgerKey } from './ledger-counts.js';
import { WRITE_CONCURRENCY } from './new-events.js';

const DAY = 86_400_000;

/** Whether a training's registrations are due for deletion (it ended more than `retention.registrationDays` ago). */
export function pastRetention(ctx: CalendarContext, event: CalendarEvent): boolean {
  const { clock, config } = ctx.deps;
  return Date.parse(event.end) < clock.now().getTime() - config.retention.registrationDays * DAY;
}

/**
 * Delete the registrations of every training that ended more than `retention.registrationDays`
 * ago. Which trainings ended comes from the collection, which ledgers exist from one listing (a
 * request per 1,000 ledgers), so a ledger is deleted only while it exists. Its counts are taken
 * into the collection first (they hold no personal data and stay); if that fails, nothing is deleted. Returns how many trainings were purged. Run by the scheduled
 * housekeeping and by `POST /api/calendar/purge`; never inside another request.
 */
export async function purgeExpired(ctx: CalendarContext): Promise<number> {
  const { store } = ctx.deps;
  ctx.collection.forget();
  const { events } = await ctx.collection.read();
  const due = new Set(events.filter((e) => pastRetention(ctx, e)).map((e) => ledgerKey(e.id)));
  const existing: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.list(LEDGER_PREFIX, { cursor });
    existing.push(...page.items.map((i) => i.key).filter((k) => due.has(k)));
    cursor = page.cursor;
  } while (cursor);
  // their last counts into the collection first: a ledger is the only place they are until derived
  await foldLedgers(ctx, existing);
  await forEachLimit(existing, WRITE_CONCURRENCY, (key) => store.delete(key));
  return existing.length;
}
