import { getJson } from '../../core/store/json.js';
import type { CalendarContext } from '../context.js';
import type { CalendarEvent } from '../model/event.js';
import { putEntries, removeEntries, type CollectionEntry } from './collection.js';
import { changeCollection } from './collection-writes.js';
import { eventKey, READ_CONCURRENCY } from './events.js';
import { readLedgerCounts } from './ledger-counts.js';
import { mapLimit } from './limit.js';

const PREFIX = 'calendar/events/';
/** Trainings changed this long before the last check are read again (clock differences, writes under way). */
const MARGIN_MS = 15 * 60_000;

/**
 * Compare the collection with the training objects and repair it: add a training the collection
 * misses (its write stopped between the object and the collection), take in one changed since the
 * last check, drop one whose object is gone. One listing (a request per 1,000 trainings) plus a
 * read per training that differs. Returns how many entries changed.
 */
export async function reconcileCollection(ctx: CalendarContext): Promise<number> {
  const { store, clock } = ctx.deps;
  ctx.collection.forget();
  const { collection } = await ctx.collection.read();
  const since = collection.syncedAt ? Date.parse(collection.syncedAt) - MARGIN_MS : -Infinity;
  const listed = new Map<string, number>();
  let cursor: string | undefined;
  do {
    const page = await store.list(PREFIX, { cursor });
    for (const item of page.items) listed.set(item.key.slice(PREFIX.length, -'.json'.length), item.lastModified.getTime());
    cursor = page.cursor;
  } while (cursor);
  const toRead = [...listed].filter(([id, modified]) => !collection.events[id] || modified >= since).map(([id]) => id);
  const found = await mapLimit(toRead, READ_CONCURRENCY, (id) => getJson<CalendarEvent>(store, eventKey(id)));
  const entries: CollectionEntry[] = found.flatMap((f) => (f ? [{ event: f.value, etag: f.etag }] : []));
  const changed = entries.filter((e) => collection.events[e.event.id]?.etag !== e.etag);
  // A training new to the collection may already have registrations (its counts were lost with it).
  const uncounted = changed.filter((e) => !collection.summaries[e.event.id]);
  const counts = await mapLimit(uncounted, READ_CONCURRENCY, (e) => readLedgerCounts(store, e.event));
  const gone = Object.keys(collection.events).filter((id) => !listed.has(id));
  await changeCollection(ctx, (c) => {
    putEntries(c, changed);
    uncounted.forEach((e, i) => {
      const s = counts[i];
      const held = c.summaries[e.event.id];
      if (s && (!held || held.rev < s.rev)) c.summaries[e.event.id] = s;
    });
    removeEntries(c, gone);
    c.syncedAt = clock.now().toISOString();
  });
  if (changed.length || gone.length)
    ctx.deps.log.warn('training collection repaired', { service: 'calendar', changed: changed.length, removed: gone.length });
  return changed.length + gone.length;
}
