import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { CountyConfig } from '../../core/config/schema.js';
import type { Lang } from '../../core/i18n.js';
import type { CalendarEvent } from '../model/event.js';
import { organisationName, trainingTopics, uidDomain } from '../model/vocabulary.js';

/** Options of one feed. */
export interface FeedOptions {
  /** The calendar's name as subscribers see it. */
  readonly name: string;
  /** Absolute origin for links (`https://stod.example.se`). */
  readonly origin: string;
  readonly lang?: Lang;
}

/** The stable UID of a training: its id at the area's domain (never title or date). */
export function eventUid(config: CountyConfig, event: Pick<CalendarEvent, 'id' | 'uid'>): string {
  return event.uid ?? `${event.id}@${uidDomain(config)}`;
}

/**
 * Write an RFC 5545 calendar of `events` with ical-generator. Times are written in UTC (`Z`), so no
 * VTIMEZONE is needed, and `X-WR-TIMEZONE` tells clients to show them in Europe/Stockholm.
 * Cancelled trainings stay with `STATUS:CANCELLED` and "INSTÄLLD:" before the title.
 */
export function renderFeed(config: CountyConfig, events: readonly CalendarEvent[], options: FeedOptions): string {
  const lang = options.lang ?? 'sv';
  const topics = trainingTopics(config);
  const calendar = ical({
    name: options.name,
    prodId: { company: config.branding.siteName, product: 'Utbildningar', language: lang.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
    ttl: 6 * 3600,
    x: [['X-WR-TIMEZONE', 'Europe/Stockholm']],
  });
  for (const e of events) {
    const topic = topics.find((t) => t.id === e.topic);
    const cancelled = e.status === 'cancelled';
    const place = [e.location.place, e.location.address].filter(Boolean).join(', ');
    const lines = [
      e.description,
      `${lang === 'sv' ? 'Arrangör' : 'Organiser'}: ${organisationName(config, e.organizer)}`,
      e.location.onlineUrl ? `${lang === 'sv' ? 'Digitalt' : 'Online'}: ${e.location.onlineUrl}` : '',
      cancelled && e.statusReason ? `${lang === 'sv' ? 'Orsak' : 'Reason'}: ${e.statusReason}` : '',
    ].filter(Boolean);
    calendar.createEvent({
      id: eventUid(config, e),
      sequence: e.sequence,
      start: new Date(e.start),
      end: new Date(e.end),
      stamp: new Date(e.updatedAt),
      lastModified: new Date(e.updatedAt),
      created: new Date(e.createdAt),
      summary: `${cancelled ? 'INSTÄLLD: ' : ''}${e.title}`,
      description: lines.join('\n\n'),
      location: place || e.location.onlineUrl || null,
      url: `${options.origin}/utbildningar/${e.id}`,
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      categories: topic ? [{ name: lang === 'sv' ? topic.sv : topic.en }] : [],
    });
  }
  return calendar.toString();
}
