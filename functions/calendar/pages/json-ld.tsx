import { raw } from 'hono/html';
import type { CountyConfig } from '../../core/config/schema.js';
import type { CalendarEvent } from '../model/event.js';
import { organisationName } from '../model/vocabulary.js';

/** schema.org EducationEvent of a training page. */
export function eventJsonLd(config: CountyConfig, event: CalendarEvent, url: string, confirmed: number): Record<string, unknown> {
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
    organizer: { '@type': 'Organization', name: organisationName(config, event.organizer) },
    offers: {
      '@type': 'Offer',
      price: 0,
      priceCurrency: 'SEK',
      url,
      availability: `https://schema.org/${remaining > 0 ? 'InStock' : 'SoldOut'}`,
      validThrough: event.registrationDeadline,
    },
    maximumAttendeeCapacity: event.capacity,
    remainingAttendeeCapacity: remaining,
    isAccessibleForFree: true,
  };
}

/** The `<script type="application/ld+json">` element (data, not executed); `<` and `>` escaped. */
export function JsonLd(props: { data: unknown }) {
  const json = JSON.stringify(props.data).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
  return raw(`<script type="application/ld+json">${json}</script>`);
}
