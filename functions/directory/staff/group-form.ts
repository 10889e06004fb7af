import { groupInputSchema, type CollaborationGroup, type GroupInput, type Meeting } from '../model/group.js';
import {
  COMMON_TEXTS,
  checkedInput,
  entryInput,
  lines,
  optional,
  postedFields,
  postedRoles,
  rolesOf,
  rolesText,
  type CollabFormValues,
  type FieldTexts,
} from './collab-form.js';
import type { FormFieldError } from './service-form.js';

/** The single fields of the group form. */
export const GROUP_FIELDS = ['name', 'level', 'reportsTo', 'mandate', 'convenes', 'contactRole', 'meetingRhythm', 'contacts'] as const;
/** The single fields of the meeting form. */
export const MEETING_FIELDS = ['date', 'startsAt', 'agenda', 'minutesUrl'] as const;
/** The fields of one decision row (`d<n>.<field>`). */
export const DECISION_FIELDS = ['text', 'responsible', 'deadline', 'status'] as const;
/** Empty decision rows offered below a meeting's decisions. */
export const NEW_DECISION_ROWS = 2;

/** Texts of the group and meeting forms' fields. */
export const GROUP_TEXTS: FieldTexts = {
  name: { sv: 'Skriv gruppens namn (högst 160 tecken).', en: 'Enter the name of the group (at most 160 characters).' },
  mandate: { sv: 'Mandatet får vara högst 1000 tecken.', en: 'The mandate may be at most 1000 characters.' },
  members: {
    sv: 'Välj minst en medlem som du får ändra för (din egen organisation).',
    en: 'Choose at least one member you may edit for (your own organisation).',
  },
  contacts: {
    sv: 'En kontakt per rad: namn | titel | e-post på en arbetsadress, till exempel Anna Berg | Samordnare | anna.berg@ostersund.se.',
    en: 'One contact per line: name | title | e-mail at a work address, e.g. Anna Berg | Coordinator | anna.berg@ostersund.se.',
  },
  date: COMMON_TEXTS.date!,
  deadline: COMMON_TEXTS.date!,
  minutesUrl: COMMON_TEXTS.url!,
  startsAt: { sv: 'Skriv tiden som TT:MM, till exempel 13:00.', en: 'Enter the time as HH:MM, e.g. 13:00.' },
  text: { sv: 'Skriv vad som beslutades (högst 600 tecken).', en: 'Enter what was decided (at most 600 characters).' },
};

/** A stored group as form text. */
export function formFromGroup(group: CollaborationGroup): CollabFormValues {
  return {
    fields: {
      name: group.name,
      level: group.level ?? '',
      reportsTo: group.reportsTo ?? '',
      mandate: group.mandate ?? '',
      convenes: group.convenes ?? '',
      contactRole: group.contactRole ?? '',
      meetingRhythm: group.meetingRhythm ?? '',
      contacts: group.contacts.map((c) => [c.name, c.title ?? '', c.email].join(' | ')).join('\n'),
      ...rolesText(group.memberRoles),
    },
    orgs: group.members,
  };
}

/** The form text of a posted group form. */
export function groupFormFromPost(form: URLSearchParams, orgs: readonly string[]): CollabFormValues {
  return { fields: { ...postedFields(form, GROUP_FIELDS), ...postedRoles(form, orgs) }, orgs: form.getAll('members') };
}

/** The stored group as input again (for a change that keeps what the form does not show). */
export const groupInputOf = (group: CollaborationGroup): Omit<GroupInput, 'verified'> => entryInput(group);

/** The form name of an API path of a group (`memberRoles.1.role` → `role.<org>`). */
export function groupField(path: string, input: { memberRoles?: readonly { organization: string }[] } = {}): string {
  const [head, index] = path.split('.');
  if (head === 'memberRoles') return `role.${input.memberRoles?.[Number(index)]?.organization ?? ''}`;
  if (head === 'organization') return 'members';
  return head ?? 'name';
}

/**
 * The group input of the form over `base` (meetings and stored fields the form does not show are
 * kept), checked with the API's schema and `check`; or the form's errors.
 */
export function groupFromForm(
  values: CollabFormValues,
  base: Partial<GroupInput>,
  allOrgs: readonly string[],
  check: (input: GroupInput) => void,
): { input: GroupInput } | { errors: FormFieldError[] } {
  const f = values.fields;
  const contacts = lines(f.contacts ?? '').map((line) => {
    const [name = '', title = '', email = ''] = line.split('|').map((p) => p.trim());
    return { name, ...(title ? { title } : {}), email };
  });
  const memberRoles = rolesOf(f, allOrgs);
  const raw = {
    ...base,
    name: f.name ?? '',
    level: optional(f.level),
    reportsTo: optional(f.reportsTo),
    mandate: f.mandate ?? '',
    convenes: optional(f.convenes),
    contactRole: optional(f.contactRole),
    meetingRhythm: optional(f.meetingRhythm),
    members: values.orgs,
    memberRoles,
    contacts,
    verified: false,
  };
  return checkedInput(
    (r) => groupInputSchema().safeParse(r),
    raw,
    check,
    (p) => groupField(p, { memberRoles }),
    GROUP_TEXTS,
  );
}

/** A meeting as form text: its fields and its decisions as rows `d<n>.<field>`. */
export function formFromMeeting(meeting: Meeting | undefined): CollabFormValues {
  const fields: Record<string, string> = meeting
    ? { date: meeting.date, startsAt: meeting.startsAt ?? '', agenda: meeting.agenda ?? '', minutesUrl: meeting.minutesUrl ?? '' }
    : {};
  meeting?.decisions.forEach((d, n) => {
    Object.assign(fields, {
      [`d${n}.text`]: d.text,
      [`d${n}.responsible`]: d.responsible,
      [`d${n}.deadline`]: d.deadline ?? '',
      [`d${n}.status`]: d.status,
    });
  });
  return { fields, orgs: [] };
}

/** How many decision rows a form shows: the typed or stored ones and a few empty ones. */
export function decisionRows(values: CollabFormValues): number {
  let n = 0;
  while (`d${n}.text` in values.fields) n++;
  return n + NEW_DECISION_ROWS;
}

/** The form text of a posted meeting form (decision rows up to the most a meeting holds). */
export function meetingFormFromPost(form: URLSearchParams): CollabFormValues {
  const fields = postedFields(form, MEETING_FIELDS);
  let row = 0;
  for (let n = 0; n < 100 + NEW_DECISION_ROWS; n++) {
    const typed = DECISION_FIELDS.map((f) => form.get(`d${n}.${f}`) ?? '');
    if (!typed[0]!.trim() && !typed[2]!.trim()) continue;
    DECISION_FIELDS.forEach((f, i) => (fields[`d${row}.${f}`] = typed[i]!));
    row++;
  }
  return { fields, orgs: [] };
}

/**
 * The group input with the meeting of the form put in place of the meeting `id` (added when new),
 * checked like the whole group; or the form's errors next to the meeting's fields.
 */
export function groupWithMeeting(
  values: CollabFormValues,
  group: CollaborationGroup,
  id: string,
  check: (input: GroupInput) => void,
): { input: GroupInput } | { errors: FormFieldError[] } {
  const f = values.fields;
  const decisions = [];
  for (let n = 0; `d${n}.text` in f; n++)
    decisions.push({
      text: f[`d${n}.text`]!.trim(),
      responsible: f[`d${n}.responsible`] ?? '',
      ...(optional(f[`d${n}.deadline`]) ? { deadline: optional(f[`d${n}.deadline`]) } : {}),
      status: f[`d${n}.status`] || 'ej-paborjad',
    });
  const meeting = {
    id,
    date: (f.date ?? '').trim(),
    startsAt: optional(f.startsAt),
    agenda: f.agenda ?? '',
    minutesUrl: optional(f.minutesUrl),
    decisions,
  };
  const others = group.meetings.filter((m) => m.id !== id);
  const at = group.meetings.findIndex((m) => m.id === id);
  const index = at < 0 ? others.length : at;
  const meetings = [...others.slice(0, index), meeting, ...others.slice(index)];
  const meetingField = (path: string) => {
    const parts = path.split('.');
    if (parts[0] !== 'meetings' || Number(parts[1]) !== index) return 'date';
    if (parts[2] === 'decisions') return `d${parts[3]}.${parts[4] ?? 'text'}`;
    return parts[2] ?? 'date';
  };
  return checkedInput(
    (r) => groupInputSchema().safeParse(r),
    { ...groupInputOf(group), meetings, verified: false },
    check,
    meetingField,
    GROUP_TEXTS,
  );
}
