import type { CalendarContext } from '../context.js';
import type { CalendarEvent } from '../model/event.js';
import { isEventId } from './events.js';
import { pastRetention } from './purge.js';
import type { CollectionView } from './collection.js';
import { summaryOf, type EventSummary, type SummaryIndex } from './summary.js';

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
  return { events: view.events, summaries: ctx.seats.overlay(view.collection.summaries), view };
}

/** One training from the collection; `undefined` when there is none with this id. */
export async function findEvent(ctx: CalendarContext, id: string): Promise<PublishedEvent | undefined> {
  if (!isEventId(id)) return undefined;
  return entryOf(ctx, await ctx.collection.read(), id);
}

function entryOf(ctx: CalendarContext, view: CollectionView | undefined, id: string): PublishedEvent | undefined {
  const { collection } = view ?? {};
  const entry = collection && Object.hasOwn(collection.events, id) ? collection.events[id] : undefined;
  if (!collection || !entry) return undefined;
  const summary = Object.hasOwn(collection.summaries, id) ? collection.summaries[id] : undefined;
  return { event: entry.event, etag: entry.etag, summary: summary && ctx.seats.overlay({ [id]: summary })[id] };
}

/**
 * One training with its seats read from its ledger, for the pages that show one training and its
 * free seats (the registration page, `GET /api/calendar/events/{id}`): right for the next reader
 * although the collection's counts are derived later. A warm instance makes one conditional GET
 * (the ledger); the training's own fields come from the collection it holds, read again only when
 * the ledger says the training changed since (every change of a training writes its ledger) or
 * when it does not hold the training (or, for a training past retention whose ledger is gone, for
 * its last counts). Cold: the collection and the ledger, two GETs.
 */
export async function findEventWithSeats(ctx: CalendarContext, id: string): Promise<PublishedEvent | undefined> {
  if (!isEventId(id)) return undefined;
  let found = entryOf(ctx, ctx.collection.heldView(), id) ?? (await findEvent(ctx, id));
  if (!found) return undefined;
  const seats = await ctx.seats.read(ctx.deps.store, id);
  if (seats?.eventSequence !== undefined && seats.eventSequence > found.event.sequence) {
    ctx.collection.expire();
    found = (await findEvent(ctx, id)) ?? found;
  }
  // no ledger: nobody registered (the held counts are right), or it was purged after retention,
  // its counts taken into the collection first (read the collection again for them)
  if (!seats) return pastRetention(ctx, found.event) ? ((await findEvent(ctx, id)) ?? found) : found;
  const { confirmed, waitlisted, byOrg, rev } = seats;
  return { ...found, summary: { ...summaryOf(found.event), confirmed, waitlisted, byOrg, rev } };
}
