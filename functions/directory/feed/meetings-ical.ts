import type { CountyConfig } from '../../core/config/schema.js';
import { property, utcDateTime } from '../../core/ical/content-line.js';
import { stockholmLocalToDate, t, type Lang } from '../../core/i18n.js';
import { PLAN_ITEM_STATUSES } from '../../core/domain/vocabulary.js';
import { orgName } from '../data/orgs.js';
import type { CollaborationGroup, Meeting } from '../model/group.js';
import { termLabel } from '../model/vocab.js';

/** The stable UID of one meeting: group id and meeting id at the area's domain (never its date or title). */
export function meetingUid(config: CountyConfig, groupId: string, meetingId: string): string {
  const domain = config.aws.customDomain?.domainName ?? `${config.id}.samverkan.invalid`;
  return `${groupId}.${meetingId}@${domain}`;
}

const compactDate = (date: string) => date.replaceAll('-', '');

function nextDay(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The public text of a meeting: its agenda and its decisions (never minutes that are not public, never contacts). */
function meetingDescription(config: CountyConfig, meeting: Meeting, lang: Lang): string {
  const parts: string[] = [];
  if (meeting.agenda) parts.push(`${t(lang, { sv: 'Dagordning', en: 'Agenda' })}: ${meeting.agenda}`);
  for (const d of meeting.decisions) {
    const due = d.deadline ? ` (${t(lang, { sv: 'senast', en: 'by' })} ${d.deadline})` : '';
    parts.push(
      `${t(lang, { sv: 'Beslut', en: 'Decision' })}: ${d.text} – ${orgName(config, d.responsible)}${due}, ${termLabel(PLAN_ITEM_STATUSES, d.status, lang)}`,
    );
  }
  return parts.join('\n');
}

/**
 * A group's meetings as an iCalendar feed (RFC 5545), written line by line with the kit's content-line
 * writer: one VEVENT and one UID per meeting. A meeting with a start time lasts two hours (UTC times);
 * one without is a whole day.
 */
export function meetingsCalendar(
  config: CountyConfig,
  group: CollaborationGroup,
  options: { readonly origin: string; readonly lang: Lang },
): string {
  const { lang, origin } = options;
  const stamp = utcDateTime(group.updated.at);
  const page = `${origin}/hitta-stod/samverkan/grupp/${group.id}${lang === 'en' ? '?lang=en' : ''}`;
  let out =
    property('BEGIN', 'VCALENDAR') +
    property('VERSION', '2.0') +
    property('PRODID', '-//county-kit//samverkan//SV') +
    property('CALSCALE', 'GREGORIAN') +
    property('METHOD', 'PUBLISH') +
    property('X-WR-CALNAME', group.name, { text: true });
  for (const meeting of [...group.meetings].sort((a, b) => a.date.localeCompare(b.date))) {
    out += property('BEGIN', 'VEVENT') + property('UID', meetingUid(config, group.id, meeting.id)) + property('DTSTAMP', stamp);
    const start = meeting.startsAt ? stockholmLocalToDate(`${meeting.date}T${meeting.startsAt}`) : undefined;
    if (start) {
      out += property('DTSTART', utcDateTime(start)) + property('DTEND', utcDateTime(new Date(start.getTime() + 2 * 3600_000)));
    } else {
      out +=
        property('DTSTART', compactDate(meeting.date), { params: { VALUE: 'DATE' } }) +
        property('DTEND', compactDate(nextDay(meeting.date)), { params: { VALUE: 'DATE' } });
    }
    out += property('SUMMARY', `${group.name}: ${t(lang, { sv: 'möte', en: 'meeting' })}`, { text: true });
    const description = meetingDescription(config, meeting, lang);
    if (description) out += property('DESCRIPTION', description, { text: true });
    out += property('URL', page, { params: { VALUE: 'URI' } }) + property('END', 'VEVENT');
  }
  return out + property('END', 'VCALENDAR');
}
