import type { CalendarContext } from '../context.js';
import { COLLECTION_KEY, isCollection, putEntries, removeEntries, type Collection, type CollectionEntry } from './collection.js';

/**
 * Apply one change to the published collection: group-committed with the other changes of this
 * instance, written with `If-Match` under the calendar's one retry rule, and kept by this
 * instance's reader. A collection that is missing is rebuilt from its sources first, so a write
 * never publishes a collection of only the trainings it touched.
 */
export async function changeCollection<R>(ctx: CalendarContext, change: (collection: Collection) => R): Promise<R> {
  const held = await ctx.collection.anyVersion();
  const { result, value, etag } = await ctx.writes.update<Collection, R>(
    COLLECTION_KEY,
    (current) => {
      const collection = isCollection(current) ? current : structuredClone(held.collection);
      return { value: collection, result: change(collection) };
    },
    () => structuredClone(held.collection),
  );
  ctx.collection.remember(value, etag);
  return result;
}

/** Add trainings just written (or replace them by a newer version) in the collection. */
export function publishEntries(ctx: CalendarContext, entries: readonly CollectionEntry[]): Promise<void> {
  return changeCollection(ctx, (c) => {
    putEntries(c, entries);
  });
}

/** Remove trainings from the collection (one write, only when any of them is there). */
export async function unpublishEntries(ctx: CalendarContext, ids: readonly string[]): Promise<void> {
  const held = await ctx.collection.read();
  if (!ids.some((id) => id in held.collection.events || id in held.collection.summaries)) {
    ctx.collection.forget();
    const fresh = await ctx.collection.read();
    if (!ids.some((id) => id in fresh.collection.events || id in fresh.collection.summaries)) return;
  }
  await changeCollection(ctx, (c) => {
    removeEntries(c, ids);
  });
}
