import { getJson } from '../../core/store/json.js';
import type { CalendarContext } from '../context.js';
import type { Ledger } from '../model/ledger.js';
import type { Collection } from './collection.js';
import { changeCollection } from './collection-writes.js';
import { READ_CONCURRENCY } from './events.js';
import { mapLimit } from './limit.js';
import { seatsOf, type Seats } from './seats.js';
import { summaryOf } from './summary.js';

/** Where the ledgers are. */
export const LEDGER_PREFIX = 'calendar/registrations/';
/** Ledgers changed this long before the last sync are read again (clock differences, writes under way). */
const MARGIN_MS = 15 * 60_000;

/** Take one ledger's counts into the collection when they are newer (by revision) than what it holds. */
export function foldSeats(collection: Collection, eventId: string, seats: Seats): boolean {
  const entry = collection.events[eventId];
  const held = collection.summaries[eventId];
  if (!entry || (held && held.rev >= seats.rev)) return false;
  const { confirmed, waitlisted, byOrg, rev } = seats;
  collection.summaries[eventId] = { ...summaryOf(entry.event), confirmed, waitlisted, byOrg, rev };
  return true;
}

/** A ledger read for its counts: `undefined`, with a log line, when it is missing or not a ledger (a store outage still throws). */
async function readLedger(ctx: CalendarContext, key: string): Promise<Ledger | undefined> {
  let value: unknown;
  try {
    value = (await getJson<unknown>(ctx.deps.store, key))?.value;
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    value = null;
  }
  const ledger = value as Partial<Ledger> | null | undefined;
  if (typeof ledger?.eventId === 'string' && typeof ledger.rev === 'number' && Array.isArray(ledger.entries)) return ledger as Ledger;
  ctx.deps.log.warn('ledger skipped', { service: 'calendar', reason: value === undefined ? 'missing' : 'corrupt' });
  return undefined;
}

/**
 * Read ledgers and take their counts into the collection in one conditional write; returns how
 * many changed. A ledger that is missing (deleted since it was listed or notified) or damaged is
 * skipped with a log line, so it cannot hold back the counts of the others.
 */
export async function foldLedgers(ctx: CalendarContext, keys: readonly string[], stamp?: string): Promise<number> {
  const read = await mapLimit(keys, READ_CONCURRENCY, (key) => readLedger(ctx, key));
  const ledgers = read.flatMap((l) => (l ? [l] : []));
  const held = (await ctx.collection.read()).collection;
  const newer = ledgers.filter((l) => held.events[l.eventId] && (held.summaries[l.eventId]?.rev ?? -1) < l.rev);
  // nothing newer, and (for a sync) no ledger in the window to move the note past: no write
  if (newer.length === 0 && (!stamp || keys.length === 0)) return 0;
  return changeCollection(ctx, (c) => {
    if (stamp) c.countsSyncedAt = stamp;
    return newer.filter((l) => foldSeats(c, l.eventId, seatsOf(l))).length;
  });
}

/** Whether a store key is a ledger (`calendar/registrations/<eventId>.json`). */
export const isLedgerKey = (key: string): boolean =>
  key.startsWith(LEDGER_PREFIX) && key.endsWith('.json') && !key.includes('/', LEDGER_PREFIX.length);

/**
 * Take the counts of ledgers just written into the collection, moments after the write and off
 * the request path (on AWS: the bucket's object-created notification; locally: the store wrapper
 * of `npm start`). Keys that are not ledgers are ignored. Bounded whatever the data size: one GET
 * per ledger in the batch, the collection's read, and at most one conditional write (retried on a
 * lost race). The hourly `syncCounts` stays the safety net for a notification that never came.
 */
export function foldWrittenLedgers(ctx: CalendarContext, keys: readonly string[]): Promise<number> {
  const ledgers = [...new Set(keys.filter(isLedgerKey))];
  if (ledgers.length === 0) return Promise.resolve(0);
  ctx.collection.expire();
  return foldLedgers(ctx, ledgers);
}

/**
 * Derive the collection's seat counts from the ledgers, off the request path (the scheduled
 * housekeeping): one listing of the ledgers (a request per 1,000), a read of each changed since the
 * last sync (with a margin), and one conditional write of the collection that also notes when it
 * synced (none when no ledger changed). Counts only move forward (by ledger revision), so a run repeated or raced changes nothing
 * twice; a run that fails before its write leaves the note as it was, and the next run reads the
 * same ledgers again. Returns how many trainings' counts changed.
 */
export async function syncCounts(ctx: CalendarContext): Promise<number> {
  const { store, clock } = ctx.deps;
  const started = clock.now().toISOString();
  ctx.collection.expire();
  const { collection } = await ctx.collection.read();
  const since = collection.countsSyncedAt ? Date.parse(collection.countsSyncedAt) - MARGIN_MS : -Infinity;
  const changed: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.list(LEDGER_PREFIX, { cursor });
    changed.push(...page.items.filter((i) => i.lastModified.getTime() >= since).map((i) => i.key));
    cursor = page.cursor;
  } while (cursor);
  return foldLedgers(ctx, changed, started);
}
