import * as z from 'zod';
import { PLAN_ITEM_STATUSES } from '../../core/domain/vocabulary.js';
import { bilingualIssue, singleLine } from '../../core/text/index.js';
import { termIds } from './vocab.js';
import { entryId, orgRef } from './group.js';
import type { Stamp } from './service.js';
import { once } from '../../core/once.js';

/** The statuses an item can have. */
export const itemStatus = once(() => z.enum(termIds(PLAN_ITEM_STATUSES)));

/** A dated progress note of an item. */
export const progressNoteSchema = once(() => z.strictObject({ date: z.iso.date(), text: singleLine(600) }));

/** One item of an action plan: what, who, from when, by when, how far. */
export const planItemSchema = once(() =>
  z
    .strictObject({
      id: entryId(),
      what: singleLine(400),
      responsible: orgRef(),
      start: z.iso.date().optional(),
      deadline: z.iso.date().optional(),
      status: itemStatus().default('ej-paborjad'),
      notes: z.array(progressNoteSchema()).max(200).default([]),
    })
    .superRefine((item, issue) => {
      if (item.start && item.deadline && item.deadline < item.start)
        bilingualIssue(issue, ['deadline'], 'The deadline is before the start', 'Slutdatum ligger före startdatum');
    }),
);
/** One item. */
export type PlanItem = z.output<ReturnType<typeof planItemSchema>>;

/** The fields staff send for an action plan (handlingsplan) of an agreement or a group. */
export const planInputSchema = once(() =>
  z
    .strictObject({
      title: singleLine(240),
      /** The organisation that keeps the plan (its editors change the plan as a whole). */
      owner: orgRef(),
      agreementId: entryId().optional(),
      groupId: entryId().optional(),
      items: z
        .array(planItemSchema())
        .max(500)
        .default([])
        .describe(
          "The plan's items. Kept as stored when a replacement (PUT) leaves it out; `[]` empties it. An editor changes only the items its own organisation is responsible for.",
        ),
      status: z.enum(['active', 'retired']).default('active'),
      source: singleLine(400).optional(),
      verified: z.boolean().default(false),
    })
    .superRefine((plan, issue) => {
      if ((plan.agreementId === undefined) === (plan.groupId === undefined))
        bilingualIssue(
          issue,
          ['agreementId'],
          'A plan belongs to exactly one agreement or one group',
          'En plan hör till precis en överenskommelse eller en grupp',
        );
      plan.items.forEach((item, i) => {
        if (plan.items.findIndex((other) => other.id === item.id) !== i)
          bilingualIssue(issue, ['items', i, 'id'], 'Two items have this id', 'Två punkter har samma id');
      });
    }),
);
/** What staff send for a plan. */
export type PlanInput = z.output<ReturnType<typeof planInputSchema>>;

/** A stored action plan. */
export interface ActionPlan extends Omit<PlanInput, 'verified'> {
  readonly id: string;
  readonly created: Stamp;
  readonly updated: Stamp;
  readonly verified?: Stamp;
}

/** What an item's responsible organisation sends to move its own item on. */
export const itemUpdateSchema = once(() =>
  z.strictObject({
    status: itemStatus(),
    note: progressNoteSchema().optional(),
  }),
);
/** What an item's responsible organisation sends. */
export type ItemUpdate = z.output<ReturnType<typeof itemUpdateSchema>>;
