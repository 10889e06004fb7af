import { canEditOrg, type Staff } from '../../core/auth/auth.js';
import { PLAN_ITEM_STATUSES } from '../../core/domain/vocabulary.js';
import { badRequest, ProblemError, type FieldError } from '../../core/http/problem.js';
import { stockholmLocal } from '../search/open-now.js';
import type { Collection } from '../model/collection.js';
import type { ActionPlan, PlanInput, PlanItem } from '../model/plan.js';

/** Statuses after which an item is no longer due. */
const CLOSED = new Set(['klar', 'stoppad']);

/** Whether an item is past its deadline (by today's date in Stockholm) and not done or stopped. */
export function isOverdue(item: Pick<PlanItem, 'deadline' | 'status'>, now: Date): boolean {
  return item.deadline !== undefined && !CLOSED.has(item.status) && item.deadline < stockholmLocal(now).date;
}

/** Counts per status, how many are overdue and the share done (0–100, whole per cent). */
export function planProgress(items: readonly PlanItem[], now: Date) {
  const counts = Object.fromEntries(PLAN_ITEM_STATUSES.map((s) => [s.id, items.filter((i) => i.status === s.id).length]));
  const done = counts['klar'] ?? 0;
  return {
    counts,
    total: items.length,
    overdue: items.filter((i) => isOverdue(i, now)).length,
    percentDone: items.length ? Math.round((100 * done) / items.length) : 0,
  };
}

/** A plan with its items' overdue marks and its progress, as the public sees it. */
export function presentPlan(plan: ActionPlan, now: Date) {
  return {
    ...plan,
    items: plan.items.map((item) => ({ ...item, overdue: isOverdue(item, now) })),
    progress: planProgress(plan.items, now),
  };
}

/** Organisations of the area only: the owner and each item's responsible organisation. */
export function checkPlanInput(input: PlanInput, known: ReadonlySet<string>): void {
  const errors: FieldError[] = [];
  const unknown = (field: string, value: string) =>
    errors.push({ field, message: `Not an organisation of this area: ${value}`, sv: `Inte en organisation i området: ${value}` });
  if (!known.has(input.owner)) unknown('owner', input.owner);
  input.items.forEach((item, i) => known.has(item.responsible) || unknown(`items.${i}.responsible`, item.responsible));
  if (errors.length) throw badRequest(errors);
}

/** The agreement or group a plan belongs to exists. */
export function checkPlanLinks(plan: ActionPlan, collection: Collection): void {
  if (plan.agreementId !== undefined && !collection.agreements.some((a) => a.id === plan.agreementId))
    throw badRequest([
      { field: 'agreementId', message: `No such agreement: ${plan.agreementId}`, sv: `Överenskommelsen finns inte: ${plan.agreementId}` },
    ]);
  if (plan.groupId !== undefined && !collection.groups.some((g) => g.id === plan.groupId))
    throw badRequest([{ field: 'groupId', message: `No such group: ${plan.groupId}`, sv: `Gruppen finns inte: ${plan.groupId}` }]);
}

/**
 * The own-item rule for a change of a plan's items as a whole (a replacement, a CSV import): an
 * editor adds, changes or removes only items whose responsible organisation is its own, before and
 * after; an admin any. 403 naming each item it may not touch (`name`: the item's index in the new
 * list, or none for a removed one, and its id).
 */
export function assertOwnItems(
  staff: Staff,
  before: readonly PlanItem[],
  after: readonly PlanItem[],
  name: (index: number | undefined, id: string) => string = (index, id) => `items.${index ?? id}`,
): void {
  if (staff.roles.includes('admin')) return;
  const stored = new Map(before.map((item) => [item.id, item]));
  const mine = (item: PlanItem | undefined) => item === undefined || canEditOrg(staff, item.responsible);
  const errors: FieldError[] = [];
  const refuse = (field: string, item: PlanItem) =>
    errors.push({
      field,
      message: `Item ${item.id} belongs to ${item.responsible}, not your organisation`,
      sv: `Punkten ${item.id} hör till ${item.responsible}, inte till din organisation`,
    });
  after.forEach((item, i) => {
    const previous = stored.get(item.id);
    if (JSON.stringify(previous) === JSON.stringify(item)) return;
    if (!mine(previous)) refuse(name(i, item.id), previous as PlanItem);
    else if (!mine(item)) refuse(name(i, item.id), item);
  });
  const kept = new Set(after.map((item) => item.id));
  for (const item of before) if (!kept.has(item.id) && !mine(item)) refuse(name(undefined, item.id), item);
  if (errors.length)
    throw new ProblemError({
      status: 403,
      title: 'Behörighet saknas för organisationen',
      detail: `${errors.length} item(s) belong to other organisations; an editor changes only its own items. Nothing was stored.`,
      errors,
    });
}
