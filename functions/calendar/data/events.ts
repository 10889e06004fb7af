import { getJson, putJson, type Versioned } from '../../core/store/json.js';
import type { Store } from '../../core/store/store.js';
import type { CalendarEvent } from '../model/event.js';
import { mapLimit } from './limit.js';

const PREFIX = 'calendar/events/';
/** How many training objects are read at once (well within open-file and connection limits). */
export const READ_CONCURRENCY = 32;
const ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;

/** The store key of a training. */
export function eventKey(id: string): string {
  return `${PREFIX}${id}.json`;
}

/** Whether `id` has the shape of a training id (so it is safe in a store key). */
export function isEventId(id: string): boolean {
  return ID.test(id);
}

/** Read one training with its ETag; `undefined` when absent or the id is malformed. */
export function getEvent(store: Store, id: string): Promise<Versioned<CalendarEvent> | undefined> {
  return isEventId(id) ? getJson<CalendarEvent>(store, eventKey(id)) : Promise.resolve(undefined);
}

/** Write a training: create-only without `ifMatch`, else replace only that version. */
export function putEvent(store: Store, event: CalendarEvent, ifMatch?: string): Promise<{ etag: string }> {
  return putJson(store, eventKey(event.id), event, ifMatch ? { ifMatch } : { ifNoneMatch: '*' });
}

/**
 * Every training object of the area with its ETag (a listing and one read per training): only for
 * rebuilding the collection and the scheduled check, never on a public request.
 */
export async function readAllEvents(store: Store): Promise<Versioned<CalendarEvent>[]> {
  const keys: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.list(PREFIX, { cursor });
    keys.push(...page.items.map((i) => i.key));
    cursor = page.cursor;
  } while (cursor);
  const found = await mapLimit(keys, READ_CONCURRENCY, (k) => getJson<CalendarEvent>(store, k));
  return found.flatMap((f) => (f ? [f] : []));
}
