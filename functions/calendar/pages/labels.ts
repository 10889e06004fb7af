import type { CountyConfig } from '../../core/config/schema.js';
import { formatDateTime, t, type Lang } from '../../core/i18n.js';
import type { CalendarEvent } from '../model/event.js';
import { trainingTopics } from '../model/vocabulary.js';

/** The label of a topic id in `lang`. */
export function topicLabel(config: CountyConfig, id: string, lang: Lang): string {
  const topic = trainingTopics(config).find((x) => x.id === id);
  return topic ? t(lang, topic) : id;
}

/** The label of a training's status. */
export function statusLabel(event: CalendarEvent, lang: Lang): string {
  if (event.status === 'cancelled') return t(lang, { sv: 'Inställd', en: 'Cancelled' });
  if (event.status === 'moved') return t(lang, { sv: 'Flyttad', en: 'Moved' });
  return t(lang, { sv: 'Planerad', en: 'Scheduled' });
}

/** "3 mars 2026 13:00–16:00" (the end date repeated only when it differs). */
export function whenLabel(event: CalendarEvent, lang: Lang): string {
  const start = formatDateTime(event.start, lang);
  const end = formatDateTime(event.end, lang);
  const sameDay = start.slice(0, start.lastIndexOf(' ')) === end.slice(0, end.lastIndexOf(' '));
  return `${start}–${sameDay ? end.slice(end.lastIndexOf(' ') + 1) : end}`;
}

/** Month names for the year view. */
export function monthNames(lang: Lang): string[] {
  return Array.from({ length: 12 }, (_, m) =>
    new Intl.DateTimeFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, m, 15))),
  );
}
