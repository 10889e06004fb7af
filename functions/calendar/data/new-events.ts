import { getJson, putJson } from '../../core/store/json.js';
import type { CalendarContext } from '../context.js';
import type { CalendarEvent } from '../model/event.js';
import { publishEntries, unpublishEntries } from './collection-writes.js';
import { eventKey, putEvent } from './events.js';
import { forEachLimit } from './limit.js';

/** How many training objects are written (or removed) at once. */
export const WRITE_CONCURRENCY = 8;
/** Where a write of several trainings notes their ids until it is complete. */
export const PENDING_PREFIX = 'calendar/pending/';
/** After this long a pending note belongs to a write that died (a Lambda runs at most 15 minutes). */
export const STALE_PENDING_MS = 20 * 60_000;

/** The note of a write of several trainings under way. */
interface PendingWrite {
  readonly ids: readonly string[];
  readonly startedAt: string;
}

/**
 * Remove trainings written by an incomplete write, their collection entries and then its note (kept when a
 * removal fails, so the next sweep tries again). Returns whether everything went.
 */
async function removeWritten(ctx: CalendarContext, ids: readonly string[], note: string | undefined): Promise<boolean> {
  const { store } = ctx.deps;
  let complete = true;
  await forEachLimit(ids, WRITE_CONCURRENCY, (id) =>
    store.delete(eventKey(id)).catch(() => {
      complete = false;
    }),
  );
  await unpublishEntries(ctx, ids).catch(() => {
    complete = false;
  });
  if (complete && note) await store.delete(note).catch(() => undefined);
  return complete;
}

/**
 * Store new trainings (one, a series or an imported programme) all or nothing: create-only
 * writes, at most `WRITE_CONCURRENCY` at once, then their collection entries in one write. When anything
 * fails, what was written is removed again before the error is thrown. A write of several first
 * leaves a note of their ids under `calendar/pending/`, removed at the end; should the process
 * die half-way, `sweepPendingWrites` removes the trainings of a note that has grown stale.
 */
export async function storeNewEvents(ctx: CalendarContext, events: readonly CalendarEvent[]): Promise<string[]> {
  const { store, clock } = ctx.deps;
  const note = events.length > 1 ? `${PENDING_PREFIX}${ctx.newId()}.json` : undefined;
  if (note) {
    const pending: PendingWrite = { ids: events.map((e) => e.id), startedAt: clock.now().toISOString() };
    await putJson(store, note, pending, { ifNoneMatch: '*' });
  }
  const etags: string[] = new Array<string>(events.length);
  const written: string[] = [];
  try {
    await forEachLimit(events, WRITE_CONCURRENCY, async (event, i) => {
      etags[i] = (await putEvent(store, event)).etag;
      written.push(event.id);
    });
    await publishEntries(
      ctx,
      events.map((event, i) => ({ event, etag: etags[i]! })),
    );
    if (note) await store.delete(note);
  } catch (error) {
    if (!(await removeWritten(ctx, written, note))) ctx.deps.log.warn('incomplete write not fully removed', { service: 'calendar' });
    throw error;
  }
  return etags;
}

/** Remove the trainings of writes that died half-way (notes older than `STALE_PENDING_MS`); returns how many notes were cleared. */
export async function sweepPendingWrites(ctx: CalendarContext): Promise<number> {
  const { store, clock } = ctx.deps;
  let cleared = 0;
  let cursor: string | undefined;
  do {
    const page = await store.list(PENDING_PREFIX, { cursor });
    for (const item of page.items) {
      const note = await getJson<PendingWrite>(store, item.key);
      if (!note || clock.now().getTime() - Date.parse(note.value.startedAt) < STALE_PENDING_MS) continue;
      if (await removeWritten(ctx, note.value.ids, item.key)) cleared++;
    }
    cursor = page.cursor;
  } while (cursor);
  return cleared;
}
