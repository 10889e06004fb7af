import type { EventSummary } from './ledger.js';
import type { CalendarEvent } from './event.js';

/** A training as the API shows it: the stored fields plus seat counts and links. */
export interface EventView extends CalendarEvent {
  readonly confirmed: number;
  readonly waitlisted: number;
  readonly seatsLeft: number;
  readonly links: { readonly page: string; readonly ics: string; readonly registrations: string };
}

/** The API view of a training. */
export function eventView(event: CalendarEvent, summary: EventSummary | undefined): EventView {
  const confirmed = summary?.confirmed ?? 0;
  return {
    ...event,
    confirmed,
    waitlisted: summary?.waitlisted ?? 0,
    seatsLeft: Math.max(0, event.capacity - confirmed),
    links: {
      page: `/utbildningar/${event.id}`,
      ics: `/utbildningar/${event.id}.ics`,
      registrations: `/api/calendar/events/${event.id}/registrations`,
    },
  };
}
