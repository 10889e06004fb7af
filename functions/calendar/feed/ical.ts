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

/** Rendered VEVENT components by training version (id, sequence, time of change, language, origin). */
export type EventTextCache = Map<string, string>;

function eventText(config: CountyConfig, e: CalendarEvent, options: FeedOptions, lang: Lang): string {
  const topic = trainingTopics(config).find((t) => t.id === e.topic);
  const cancelled = e.status === 'cancelled';
  const place = [e.location.place, e.location.address].filter(Boolean).join(', ');
  const lines = [
    e.description,
    `${lang === 'sv' ? 'Arrangör' : 'Organiser'}: ${organisationName(config, e.organizer)}`,
    e.location.onlineUrl ? `${lang === 'sv' ? 'Digitalt' : 'Online'}: ${e.location.onlineUrl}` : '',
    cancelled && e.statusReason ? `${lang === 'sv' ? 'Orsak' : 'Reason'}: ${e.statusReason}` : '',
  ].filter(Boolean);
  return ical()
    .createEvent({
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
    })
    .toString();
}

/**
 * Write an RFC 5545 calendar of `events` with ical-generator. Times are written in UTC (`Z`), so no
 * VTIMEZONE is needed, and `X-WR-TIMEZONE` tells clients to show them in Europe/Stockholm.
 * Cancelled trainings stay with `STATUS:CANCELLED` and "INSTÄLLD:" before the title.
 *
 * Each VEVENT is written by the library on its own and kept in `cache` by version, because the
 * library's line folding is slow; the calendar's own properties come first, then the events.
 */
export function renderFeed(config: CountyConfig, events: readonly CalendarEvent[], options: FeedOptions, cache?: EventTextCache): string {
  const lang = options.lang ?? 'sv';
  const shell = ical({
    name: options.name,
    prodId: { company: config.branding.siteName, product: 'Utbildningar', language: lang.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
    ttl: 6 * 3600,
    x: [['X-WR-TIMEZONE', 'Europe/Stockholm']],
  }).toString();
  const parts = events.map((e) => {
    const key = `${e.id}|${e.sequence}|${e.updatedAt}|${lang}|${options.origin}`;
    const held = cache?.get(key);
    if (held !== undefined) return held;
    const text = eventText(config, e, options, lang);
    if (cache) {
      if (cache.size >= 20_000) cache.clear();
      cache.set(key, text);
    }
    return text;
  });
  const end = shell.lastIndexOf('END:VCALENDAR');
  return `${shell.slice(0, end)}${parts.join('')}${shell.slice(end)}`;
}
