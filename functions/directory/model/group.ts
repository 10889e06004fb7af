import * as z from 'zod';
import { BASELINE_PERIOD } from '../../core/domain/goal-baseline.js';
import { AGREEMENT_STATUSES, GROUP_LEVELS, PLAN_ITEM_STATUSES } from '../../core/domain/vocabulary.js';
import { bilingualIssue, singleLine } from '../../core/text/index.js';
import { optionalMultiLine, type Stamp } from './service.js';
import { termIds } from './vocab.js';
import { once } from '../../core/once.js';

/** An organisation of the area: a municipality code, `region` or a region unit id. */
export const orgRef = once(() => z.string().regex(/^(\d{4}|[a-z][a-z0-9-]{0,62})$/, 'A municipality code or a region unit id'));
/** The id of an entry or of a part of one (a meeting, an item). */
export const entryId = once(() => z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'An entry id: lower-case letters, digits and hyphens'));

/** The role an organisation sends to a group ("socialchef", "verksamhetschef beroendekliniken"). */
export const memberRoleSchema = once(() => z.strictObject({ organization: orgRef(), role: singleLine(160) }));

/** A named contact of a group: staff data only, never shown to the public or exported. */
export const contactSchema = once(() =>
  z.strictObject({
    name: singleLine(120),
    title: singleLine(160).optional(),
    email: z.email().max(254),
  }),
);
/** A named contact. */
export type Contact = z.output<ReturnType<typeof contactSchema>>;

/** One decision of a meeting: who is to do what by when. */
export const decisionSchema = once(() =>
  z.strictObject({
    text: singleLine(600),
    responsible: orgRef(),
    deadline: z.iso.date().optional(),
    status: z.enum(termIds(PLAN_ITEM_STATUSES)).default('ej-paborjad'),
  }),
);

/** One meeting of a group: date, agenda, minutes link, decisions. */
export const meetingSchema = once(() =>
  z
    .strictObject({
      id: entryId(),
      date: z.iso.date(),
      startsAt: z
        .string()
        .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'A time is HH:MM')
        .optional(),
      agenda: optionalMultiLine(2000),
      minutesUrl: z.url({ protocol: /^https?$/ }).optional(),
      decisions: z.array(decisionSchema()).max(100).default([]),
    })
    .superRefine((meeting, issue) => {
      meeting.decisions.forEach((d, i) => {
        if (d.deadline !== undefined && d.deadline < meeting.date)
          bilingualIssue(issue, ['decisions', i, 'deadline'], 'The deadline is before the meeting', 'Tidsfristen ligger före mötet');
      });
    }),
);
/** One meeting. */
export type Meeting = z.output<ReturnType<typeof meetingSchema>>;

/** A new meeting id for `date`, unique in the group. */
export function newMeetingId(date: string, meetings: readonly Meeting[]): string {
  const base = /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : 'mote';
  const taken = new Set(meetings.map((m) => m.id));
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** The fields staff send for a collaboration group (samverkansgrupp). */
export const groupInputSchema = once(() =>
  z.strictObject({
    name: singleLine(160),
    mandate: optionalMultiLine(1000),
    level: z.enum(termIds(GROUP_LEVELS)).optional(),
    /** The id of the group this one reports to (the structure is a tree). */
    reportsTo: entryId().optional(),
    members: z
      .array(orgRef())
      .max(100)
      .default([])
      .describe(
        'Member organisations. Kept as stored when a replacement (PUT) leaves it out; `[]` empties it. An editor adds or removes only its own organisation.',
      ),
    /** The role each member organisation sends; every organisation named here is a member. */
    memberRoles: z
      .array(memberRoleSchema())
      .max(200)
      .default([])
      .describe(
        "The role each member organisation sends. Kept as stored when a replacement (PUT) leaves it out; `[]` empties it. An editor changes only its own organisation's roles.",
      ),
    /** The organisation that convenes (sends the invitation and chairs). */
    convenes: orgRef().optional(),
    contactRole: singleLine(160).optional(),
    meetingRhythm: singleLine(160).optional(),
    contacts: z
      .array(contactSchema())
      .max(50)
      .default([])
      .describe('Named contacts (staff data, never public). Kept as stored when a replacement (PUT) leaves it out; `[]` empties it.'),
    meetings: z
      .array(meetingSchema())
      .max(500)
      .default([])
      .describe('Meetings with their decisions. Kept as stored when a replacement (PUT) leaves it out; `[]` empties it.'),
    status: z.enum(['active', 'retired']).default('active'),
    source: singleLine(400).optional(),
    verified: z.boolean().default(false),
  }),
);
/** What staff send for a group. */
export type GroupInput = z.output<ReturnType<typeof groupInputSchema>>;

/** A stored collaboration group. */
export interface CollaborationGroup extends Omit<GroupInput, 'verified'> {
  readonly id: string;
  readonly created: Stamp;
  readonly updated: Stamp;
  readonly verified?: Stamp;
}

/** One step of an agreement's life cycle: the status it entered and the date it did. */
export const lifecycleStepSchema = once(() =>
  z.strictObject({
    status: z.enum(termIds(AGREEMENT_STATUSES)),
    date: z.iso.date(),
  }),
);

/**
 * A goal of an agreement ("mål och mått"): indicators of the indicator store, a direction and, when
 * the agreement sets one, a target value. A goal without a target (most agreements state only a
 * direction) is judged against a baseline: the released figure of its `baseline` period, else of the
 * first released period that ends on or after the day the agreement applies from.
 */
export const goalSchema = once(() =>
  z
    .strictObject({
      text: singleLine(400),
      indicators: z
        .array(z.string().regex(/^[a-z][a-z0-9-]{0,62}$/, 'An indicator id'))
        .min(1)
        .max(10),
      target: z
        .number()
        .finite()
        .optional()
        .describe('The target value. Optional: without it the goal states only its direction and is judged against the baseline.'),
      direction: z.enum(['increase', 'decrease', 'maintain']),
      baseline: z
        .string()
        .regex(BASELINE_PERIOD, 'A period: 2015, 2015-Q1 or 2015-03')
        .optional()
        .describe(
          'For a goal without a target: the period whose released figure it is judged against. Default: the first released period that ends on or after the day the agreement applies from (`starts`, else the day it came into force).',
        ),
      source: singleLine(400).optional().describe('The passage of a source document the goal rests on.'),
    })
    .superRefine((goal, issue) => {
      const refuse = (path: string, message: string, sv: string) => bilingualIssue(issue, [path], message, sv);
      if (goal.target === undefined && goal.direction === 'maintain')
        refuse(
          'target',
          'A goal to maintain a level needs a target; without one, say whether the figure is to increase or decrease',
          'Ett mål att bibehålla en nivå behöver ett målvärde; utan målvärde anger du om värdet ska öka eller minska',
        );
      if (goal.target !== undefined && goal.baseline !== undefined)
        refuse(
          'baseline',
          'A goal with a target is judged against the target, not a baseline: leave one out',
          'Ett mål med målvärde bedöms mot målvärdet, inte mot en utgångsperiod: ta bort det ena',
        );
    }),
);
/** A goal of an agreement. */
export type Goal = z.output<ReturnType<typeof goalSchema>>;

/** The fields staff send for an agreement (överenskommelse). `ends: null` = until further notice. */
export const agreementInputSchema = once(() =>
  z
    .strictObject({
      title: singleLine(240),
      parties: z
        .array(orgRef())
        .max(100)
        .default([])
        .describe(
          'Party organisations. Kept as stored when a replacement (PUT) leaves it out; `[]` empties it. An editor adds or removes only its own organisation.',
        ),
      /** The role each party plays; every organisation named here is a party. */
      partyRoles: z
        .array(memberRoleSchema())
        .max(200)
        .default([])
        .describe(
          "The role each party plays. Kept as stored when a replacement (PUT) leaves it out; `[]` empties it. An editor changes only its own organisation's roles.",
        ),
      /** The organisation that owns the agreement and its review. */
      owner: orgRef().optional(),
      /** The collaboration groups that own the agreement and follow it up (a steering group); their decisions go on its report. */
      groups: z
        .array(entryId())
        .max(20)
        .optional()
        .describe(
          'Ids of the groups that own and follow up the agreement. Kept as stored when a replacement (PUT) leaves it out; `[]` empties it.',
        ),
      starts: z.iso.date().optional(),
      ends: z.iso.date().nullable().default(null),
      reviewDate: z.iso.date().optional(),
      /** Every status the agreement has had, with the date of each change, oldest first; the last is the current one. */
      lifecycle: z
        .array(lifecycleStepSchema())
        .max(100)
        .default([])
        .describe(
          'Every status change with its date, oldest first. Kept as stored when a replacement (PUT) leaves it out; a replacement that sends it keeps every stored change and may only add later ones.',
        ),
      documentUrl: z.url({ protocol: /^https?$/ }).optional(),
      note: optionalMultiLine(1000),
      goals: z
        .array(goalSchema())
        .max(50)
        .default([])
        .describe('Goals and measures (mål och mått). Kept as stored when a replacement (PUT) leaves it out; `[]` empties it.'),
      status: z.enum(['active', 'retired']).default('active'),
      source: singleLine(400).optional(),
      verified: z.boolean().default(false),
    })
    .superRefine((a, issue) => {
      a.lifecycle.forEach((step, i) => {
        const before = a.lifecycle[i - 1];
        if (before && step.date < before.date)
          bilingualIssue(
            issue,
            ['lifecycle', i, 'date'],
            `A status change cannot be dated before the previous one (${before.date})`,
            `En statusändring kan inte dateras före den förra (${before.date})`,
          );
        if (before && step.status === before.status)
          bilingualIssue(issue, ['lifecycle', i, 'status'], 'The status is the same as before', 'Statusen är densamma som förut');
      });
      if (a.starts && a.ends && a.ends < a.starts)
        bilingualIssue(issue, ['ends'], 'The agreement ends before it starts', 'Överenskommelsen upphör innan den börjar gälla');
    }),
);
/** What staff send for an agreement. */
export type AgreementInput = z.output<ReturnType<typeof agreementInputSchema>>;

/** A stored agreement. */
export interface Agreement extends Omit<AgreementInput, 'verified'> {
  readonly id: string;
  readonly created: Stamp;
  readonly updated: Stamp;
  readonly verified?: Stamp;
}
