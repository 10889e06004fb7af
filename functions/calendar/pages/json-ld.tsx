import { raw } from 'hono/html';
import type { CountyConfig } from '../../core/config/schema.js';
import type { CalendarEvent } from '../model/event.js';
import { organiserUrl } from '../feed/ical.js';
import { organisationName } from '../model/vocabulary.js';

/**
 * The offer's availability: withdrawn when cancelled, closed once the registration deadline or the
 * training has passed, sold out when every seat is taken (new registrations go to the waiting
 * list), else in stock.
 */
export function offerAvailability(event: CalendarEvent, remaining: number, now: Date): string {
  if (event.status === 'cancelled') return 'https://schema.org/Discontinued';
  if (now > new Date(event.registrationDeadline) || now > new Date(event.end)) return 'https://schema.org/OutOfStock';
  return `https://schema.org/${remaining > 0 ? 'InStock' : 'SoldOut'}`;
}

/** schema.org EducationEvent of a training page; only properties that Event, Offer, Place and Organization define. */
export function eventJsonLd(
  config: CountyConfig,
  event: CalendarEvent,
  page: { readonly url: string; readonly origin: string; readonly now: Date },
  confirmed: number,
): Record<string, unknown> {
  const { url } = page;
  const online = event.location.onlineUrl;
  const physical = event.location.place;
  const place = physical ? { '@type': 'Place', name: physical, address: event.location.address ?? physical } : undefined;
  const virtual = online ? { '@type': 'VirtualLocation', url: online } : undefined;
  const remaining = Math.max(0, event.capacity - confirmed);
  return {
    '@context': 'https://schema.org',
    '@type': 'EducationEvent',
    '@id': url,
    name: event.title,
    url,
    ...(event.description ? { description: event.description } : {}),
    startDate: event.start,
    endDate: event.end,
    inLanguage: event.language,
    eventStatus: `https://schema.org/${event.status === 'cancelled' ? 'EventCancelled' : event.status === 'moved' ? 'EventRescheduled' : 'EventScheduled'}`,
    ...(event.status === 'moved' && event.previousStart ? { previousStartDate: event.previousStart } : {}),
    eventAttendanceMode: `https://schema.org/${place && virtual ? 'Mixed' : virtual ? 'Online' : 'Offline'}EventAttendanceMode`,
    location: place && virtual ? [place, virtual] : (place ?? virtual),
    organizer: {
      '@type': 'Organization',
      name: organisationName(config, event.organizer),
      url: organiserUrl(page.origin, event.organizer),
    },
    offers: {
      '@type': 'Offer',
      price: 0,
      priceCurrency: 'SEK',
      url,
      availability: offerAvailability(event, remaining, page.now),
      validThrough: event.registrationDeadline,
    },
    maximumAttendeeCapacity: event.capacity,
    remainingAttendeeCapacity: event.status === 'cancelled' ? 0 : remaining,
    isAccessibleForFree: true,
  };
}

/** The `<script type="application/ld+json">` element (data, not executed); `<` and `>` escaped. */
export function JsonLd(props: { data: unknown }) {
  const json = JSON.stringify(props.data).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
  return raw(`<script type="application/ld+json">${json}</script>`);
}
