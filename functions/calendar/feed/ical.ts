import type { CountyConfig } from '../../core/config/schema.js';
import { t, type Lang } from '../../core/i18n.js';
import type { CalendarEvent } from '../model/event.js';
import { organisationName, trainingTopics, uidDomain } from '../model/vocabulary.js';
import { property, textListProperty, utcDateTime } from '../../core/ical/content-line.js';

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

/** The page listing an organiser's trainings: the ORGANIZER's address and schema.org's `organizer.url`. */
export function organiserUrl(origin: string, organizer: string): string {
  return `${origin}/utbildningar?organizer=${encodeURIComponent(organizer)}`;
}

/** The summary of a training in a feed: cancelled ones start with "INSTÄLLD:" / "CANCELLED:". */
export function feedSummary(event: Pick<CalendarEvent, 'title' | 'status'>, lang: Lang): string {
  return event.status === 'cancelled' ? `${t(lang, { sv: 'INSTÄLLD', en: 'CANCELLED' })}: ${event.title}` : event.title;
}

function eventText(config: CountyConfig, e: CalendarEvent, options: FeedOptions, lang: Lang): string {
  const topic = trainingTopics(config).find((x) => x.id === e.topic);
  const cancelled = e.status === 'cancelled';
  const place = [e.location.place, e.location.address].filter(Boolean).join(', ') || e.location.onlineUrl;
  const organiser = organisationName(config, e.organizer);
  const description = [
    e.description,
    `${t(lang, { sv: 'Arrangör', en: 'Organiser' })}: ${organiser}`,
    e.location.onlineUrl ? `${t(lang, { sv: 'Digitalt', en: 'Online' })}: ${e.location.onlineUrl}` : '',
    cancelled && e.statusReason ? `${t(lang, { sv: 'Orsak', en: 'Reason' })}: ${e.statusReason}` : '',
  ].filter(Boolean);
  return [
    'BEGIN:VEVENT\r\n',
    property('UID', eventUid(config, e), { text: true }),
    property('SEQUENCE', String(e.sequence)),
    property('DTSTAMP', utcDateTime(e.updatedAt)),
    property('DTSTART', utcDateTime(e.start)),
    property('DTEND', utcDateTime(e.end)),
    property('SUMMARY', feedSummary(e, lang), { text: true }),
    place ? property('LOCATION', place, { text: true }) : '',
    property('DESCRIPTION', description.join('\n\n'), { text: true }),
    // METHOD:PUBLISH requires an ORGANIZER in every VEVENT (RFC 5546 §3.2.1); see docs/calendar.md.
    property('ORGANIZER', organiserUrl(options.origin, e.organizer), { params: { CN: organiser } }),
    topic ? textListProperty('CATEGORIES', [t(lang, topic)]) : '',
    property('URL', `${options.origin}/utbildningar/${e.id}`, { params: { VALUE: 'URI' } }),
    property('STATUS', cancelled ? 'CANCELLED' : 'CONFIRMED'),
    property('CREATED', utcDateTime(e.createdAt)),
    property('LAST-MODIFIED', utcDateTime(e.updatedAt)),
    'END:VEVENT\r\n',
  ].join('');
}

/**
 * Write an RFC 5545 calendar of `events`. Times are written in UTC (`Z`), so no VTIMEZONE is
 * needed, and `X-WR-TIMEZONE` tells clients to show them in Europe/Stockholm. Cancelled trainings
 * stay with `STATUS:CANCELLED` and "INSTÄLLD:" ("CANCELLED:" in English) before the title.
 *
 * Every property goes through `property()` (escaping and folding); each VEVENT is kept in `cache`
 * by version, so a feed with one changed training writes only that one again.
 */
export function renderFeed(config: CountyConfig, events: readonly CalendarEvent[], options: FeedOptions, cache?: EventTextCache): string {
  const lang = options.lang ?? 'sv';
  const head = [
    'BEGIN:VCALENDAR\r\n',
    property('VERSION', '2.0'),
    property('PRODID', `-//${config.branding.siteName}//Utbildningar//${lang.toUpperCase()}`, { text: true }),
    property('METHOD', 'PUBLISH'),
    property('NAME', options.name, { text: true }),
    property('X-WR-CALNAME', options.name, { text: true }),
    property('REFRESH-INTERVAL', 'PT6H', { params: { VALUE: 'DURATION' } }),
    property('X-PUBLISHED-TTL', 'PT6H'),
    property('X-WR-TIMEZONE', 'Europe/Stockholm'),
  ];
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
  return `${head.join('')}${parts.join('')}END:VCALENDAR\r\n`;
}
