import type { CalendarContext } from '../context.js';
import type { CalendarEvent } from '../model/event.js';
import { isEventId } from './events.js';
import type { CollectionView } from './collection.js';
import type { EventSummary, SummaryIndex } from './summary.js';

/** One training as the collection holds it: the training, its object's ETag and its seat counts. */
export interface PublishedEvent {
  readonly event: CalendarEvent;
  readonly etag: string;
  readonly summary: EventSummary | undefined;
}

/** The trainings (in start order) and their seat counts, from the collection. */
export async function publishedEvents(
  ctx: CalendarContext,
): Promise<{ events: readonly CalendarEvent[]; summaries: SummaryIndex; view: CollectionView }> {
  const view = await ctx.collection.read();
  return { events: view.events, summaries: view.collection.summaries, view };
}

/** One training from the collection; `undefined` when there is none with this id. */
export async function findEvent(ctx: CalendarContext, id: string): Promise<PublishedEvent | undefined> {
  if (!isEventId(id)) return undefined;
  const { collection } = await ctx.collection.read();
  const entry = Object.hasOwn(collection.events, id) ? collection.events[id] : undefined;
  return entry && { event: entry.event, etag: entry.etag, summary: collection.summaries[id] };
}
