import type { CountyConfig, SeedMeeting, SeedSource } from '../../core/config/schema.js';
import type { Collection } from '../model/collection.js';
import { newMeetingId, type Agreement, type CollaborationGroup, type Meeting } from '../model/group.js';
import type { ActionPlan } from '../model/plan.js';
import type { Service, Stamp } from '../model/service.js';
import { slugify, uniqueId } from './ids.js';

/** Who the seed is attributed to in `created` / `updated`. */
export const SEED_AUTHOR = 'seed';

/** Read an age range out of a seed's free text ("till och med 25 år", "13-21 år", "vuxna", "unga"). */
export function parseAges(text: string | undefined): { minimumAge?: number; maximumAge?: number } {
  if (!text) return {};
  const lower = text.toLowerCase();
  const range = /(\d{1,3})\s*[-–]\s*(\d{1,3})/.exec(lower);
  if (range) return { minimumAge: Number(range[1]), maximumAge: Number(range[2]) };
  const upTo = /(?:till och med|upp till|under)\s*(\d{1,3})/.exec(lower);
  if (upTo) return { maximumAge: Number(upTo[1]) - (lower.includes('under') ? 1 : 0) };
  const from = /(?:från|över)\s*(\d{1,3})/.exec(lower);
  if (from) return { minimumAge: Number(from[1]) };
  if (/vuxna/.test(lower)) return { minimumAge: 18 };
  return {};
}

/** The `source` of a seeded entry: the area's document and, when given, the passage it rests on. */
export function sourceText(document: string | undefined, fact: SeedSource | undefined): string | undefined {
  if (!fact) return document;
  return `${document ? `${document} ` : ''}[${fact.document}]: "${fact.passage}"`;
}

/** Seeded meetings with ids as staff would get them (the date, then `-2`, `-3`…), oldest first. */
function seedMeetings(seeded: readonly SeedMeeting[]): Meeting[] {
  const meetings: Meeting[] = [];
  for (const meeting of [...seeded].sort((a, b) => a.date.localeCompare(b.date))) {
    const id = newMeetingId(meeting.date, meetings);
    meetings.push({
      id,
      date: meeting.date,
      ...(meeting.agenda ? { agenda: meeting.agenda } : {}),
      decisions: meeting.decisions.map((d) => ({ ...d })),
    });
  }
  return meetings;
}

/**
 * The first content of an area's directory, from `config.directory.seed`. Ids are derived from the
 * names, so two seeders racing produce the same document; every entry is unverified and names its source.
 */
export function seedCollection(config: CountyConfig, now: string): Collection {
  const seed = config.directory.seed;
  const stamp: Stamp = { at: now, by: SEED_AUTHOR };
  const source = seed.source;
  const taken = new Set<string>();
  const services: Service[] = seed.units.map((unit) => {
    const ages = parseAges(unit.ages);
    return {
      id: uniqueId(slugify(unit.name), taken),
      name: unit.name,
      ...(unit.note ? { description: unit.note } : {}),
      organizationId: unit.organization ?? unit.municipality ?? 'region',
      principal: unit.principal,
      careLevels: [],
      targetGroups: [
        ...new Set([
          ...(ages.maximumAge !== undefined && ages.maximumAge <= 25 ? ['youth'] : ages.minimumAge === 18 ? ['adults'] : []),
          ...(unit.targetGroups ?? []),
        ]),
      ],
      substances: unit.substances ?? [],
      severityLevels: [],
      municipalities: unit.municipalities ?? (unit.municipality ? [unit.municipality] : []),
      referralRequired: unit.referralRequired ?? null,
      needsAssessmentRequired: null,
      dropIn: false,
      anonymous: false,
      digitalContact: false,
      ...ages,
      ...(unit.ages ? { ageNote: unit.ages } : {}),
      languages: ['sv'],
      locations: [],
      phones: [],
      schedules: [],
      status: unit.status,
      ...(sourceText(source, unit.source) ? { source: sourceText(source, unit.source) } : {}),
      created: stamp,
      updated: stamp,
    };
  });
  const groupIds = new Map(seed.groups.map((group) => [group.name, uniqueId(slugify(group.name), taken)]));
  const groups: CollaborationGroup[] = seed.groups.map((group) => {
    const entrySource = sourceText(source, group.source);
    const parent = group.reportsTo === undefined ? undefined : groupIds.get(group.reportsTo);
    return {
      id: groupIds.get(group.name) as string,
      name: group.name,
      ...(group.note ? { mandate: group.note } : {}),
      ...(group.level ? { level: group.level } : {}),
      ...(parent ? { reportsTo: parent } : {}),
      members: group.members,
      memberRoles: group.memberRoles,
      ...(group.convenes ? { convenes: group.convenes } : {}),
      ...(group.meetingRhythm ? { meetingRhythm: group.meetingRhythm } : {}),
      contacts: [],
      meetings: seedMeetings(group.meetings),
      status: 'active',
      ...(entrySource ? { source: entrySource } : {}),
      created: stamp,
      updated: stamp,
    };
  });
  const agreements: Agreement[] = seed.agreements.map((agreement) => {
    const entrySource = sourceText(source, agreement.source);
    return {
      id: uniqueId(slugify(agreement.name), taken),
      title: agreement.name,
      parties: agreement.parties,
      partyRoles: agreement.partyRoles,
      ...(agreement.owner ? { owner: agreement.owner } : {}),
      ...(agreement.groups.length > 0 ? { groups: agreement.groups.flatMap((name) => groupIds.get(name) ?? []) } : {}),
      ...(agreement.starts ? { starts: agreement.starts } : {}),
      ends: agreement.ends,
      lifecycle: agreement.lifecycle,
      goals: agreement.goals.map((goal) => {
        const goalSource = sourceText(undefined, goal.source);
        return {
          text: goal.text,
          indicators: [...goal.indicators],
          ...(goal.target !== undefined ? { target: goal.target } : {}),
          direction: goal.direction,
          ...(goal.baseline !== undefined ? { baseline: goal.baseline } : {}),
          ...(goalSource ? { source: goalSource } : {}),
        };
      }),
      ...(agreement.note ? { note: agreement.note } : {}),
      status: 'active',
      ...(entrySource ? { source: entrySource } : {}),
      created: stamp,
      updated: stamp,
    };
  });
  const agreementIds = new Map(seed.agreements.map((agreement, i) => [agreement.name, agreements[i]?.id]));
  const plans: ActionPlan[] = seed.plans.map((plan) => {
    const entrySource = sourceText(source, plan.source);
    const groupId = plan.group === undefined ? undefined : groupIds.get(plan.group);
    const agreementId = plan.agreement === undefined ? undefined : agreementIds.get(plan.agreement);
    return {
      id: uniqueId(slugify(plan.title), taken),
      title: plan.title,
      owner: plan.owner,
      ...(groupId ? { groupId } : {}),
      ...(agreementId ? { agreementId } : {}),
      items: plan.items.map((item, i) => ({ id: `punkt-${i + 1}`, ...item, notes: [] })),
      status: 'active',
      ...(entrySource ? { source: entrySource } : {}),
      created: stamp,
      updated: stamp,
    };
  });
  return { schemaVersion: 1, seededAt: now, services, groups, agreements, plans };
}
