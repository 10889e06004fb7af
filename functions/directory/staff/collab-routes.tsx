import { Hono, type Context } from 'hono';
import { canEditOrg, type Staff } from '../../core/auth/auth.js';
import { fieldErrors, readFormFields } from '../../core/http/body.js';
import { ProblemError } from '../../core/http/problem.js';
import { assertFormBody } from '../../core/http/same-origin.js';
import { currentStaff, type KitEnv } from '../../core/http/staff.js';
import { resolveLang, type Text } from '../../core/i18n.js';
import { staffPage } from '../../core/session/middleware.js';
import type { DirectoryContext } from '../context.js';
import { entryEtag } from '../data/editing.js';
import { itemUpdateSchema, type ActionPlan, type PlanItem } from '../model/plan.js';
import { findEntry } from '../routes/entry-routes.js';
import { updatePlanItem } from '../routes/plans.js';
import { stockholmLocal } from '../search/open-now.js';
import { isOverdue } from '../views/plans.js';
import { agreementAttention, planAttention } from './attention.js';
import { staffAgreementRoutes } from './agreement-routes.js';
import { CollabListPage } from './collab-list-page.js';
import { toFormErrors } from './collab-form.js';
import { COLLAB_NOTICES, redirectWith, unreadable } from './collab-kit.js';
import { COLLAB_PATH as PATH } from './collab-parts.js';
import { staffGroupRoutes } from './group-routes.js';
import { itemField, PlanItemsPage, type ItemFormValues } from './plan-items-page.js';
import type { FormFieldError } from './service-form.js';

const mayEdit = (staff: Staff, orgs: readonly string[]) => orgs.some((o) => canEditOrg(staff, o));
/** Whether `staff` works with a plan: keeps it, or is responsible for one of its items. */
const worksWith = (staff: Staff, plan: ActionPlan) => mayEdit(staff, [plan.owner, ...plan.items.map((i) => i.responsible)]);

/**
 * The collaboration part of the directory's staff section, `/personal/hitta-stod/samverkan`: the
 * groups, agreements and action plans the person works with and what needs attention; groups and
 * agreements to create and edit; action-plan items to move on. Mount before the services section
 * (whose `/:id` would otherwise take `samverkan`).
 */
export function staffCollabRoutes(ctx: DirectoryContext): Hono<KitEnv> {
  const { deps } = ctx;
  const app = new Hono<KitEnv>();
  app.use(PATH, staffPage(deps, 'admin', 'editor'));
  app.use(`${PATH}/*`, staffPage(deps, 'admin', 'editor'));
  const base = (c: Context<KitEnv>) => ({
    config: deps.config,
    lang: resolveLang(c),
    nonce: c.get('secureHeadersNonce'),
    staff: currentStaff(c),
  });

  app.get(PATH, async (c) => {
    const staff = currentStaff(c);
    const { collection } = await ctx.load();
    const now = deps.clock.now();
    const active = <T extends { status: string }>(list: readonly T[]) => list.filter((e) => e.status !== 'retired');
    const groups = active(collection.groups)
      .filter((g) => mayEdit(staff, g.members))
      .sort((a, b) => a.name.localeCompare(b.name, 'sv'))
      .map((entry) => {
        const late = entry.meetings.flatMap((m) => m.decisions).filter((d) => isOverdue(d, now)).length;
        return { entry, attention: late ? [{ sv: `${late} försenade beslut`, en: `${late} overdue decisions` }] : [] };
      });
    const agreements = active(collection.agreements)
      .filter((a) => mayEdit(staff, a.parties))
      .map((entry) => ({ entry, attention: agreementAttention(entry, now) }))
      .sort((a, b) => b.attention.length - a.attention.length || a.entry.title.localeCompare(b.entry.title, 'sv'));
    const plans = active(collection.plans)
      .filter((p) => worksWith(staff, p))
      .map((entry) => ({ entry, attention: planAttention(entry, now) }))
      .sort((a, b) => b.attention.length - a.attention.length || a.entry.title.localeCompare(b.entry.title, 'sv'));
    return c.html(
      <CollabListPage
        {...base(c)}
        groups={groups}
        agreements={agreements}
        plans={plans}
        notice={COLLAB_NOTICES[c.req.query('meddelande') ?? '']}
      />,
    );
  });

  const planPage = (
    c: Context<KitEnv>,
    plan: ActionPlan,
    sent?: { itemId: string; values: ItemFormValues; errors: FormFieldError[]; stored?: PlanItem },
    notice?: Text,
    status: 200 | 400 | 409 = 200,
  ) => {
    const staff = currentStaff(c);
    const now = deps.clock.now();
    return c.html(
      <PlanItemsPage
        {...base(c)}
        plan={plan}
        etag={entryEtag(plan)}
        now={now}
        today={stockholmLocal(now).date}
        mayUpdate={(item) => canEditOrg(staff, item.responsible)}
        sent={sent}
        notice={notice}
      />,
      status,
    );
  };
  const planOf = async (c: Context<KitEnv>) => {
    const plan = findEntry<ActionPlan>((await ctx.load()).collection, 'plans', c.req.param('id') ?? '');
    if (!worksWith(currentStaff(c), plan))
      throw new ProblemError({
        status: 403,
        title: 'Behörighet saknas för organisationen',
        detail: 'Neither the plan nor any of its items is of your organisation.',
      });
    return plan;
  };

  app.get(`${PATH}/planer/:id`, async (c) => planPage(c, await planOf(c), undefined, COLLAB_NOTICES[c.req.query('meddelande') ?? '']));

  app.post(`${PATH}/planer/:id/punkter/:itemId`, async (c) => {
    assertFormBody(c);
    const plan = await planOf(c);
    const itemId = c.req.param('itemId');
    const item = plan.items.find((i) => i.id === itemId);
    if (!item) throw new ProblemError({ status: 404, title: 'Punkten finns inte', detail: 'No such item in this plan.' });
    const { params, invalid } = await readFormFields(c, 16384);
    const values: ItemFormValues = {
      status: params.get(itemField(itemId, 'status')) ?? '',
      noteDate: (params.get(itemField(itemId, 'noteDate')) ?? '').trim(),
      note: (params.get(itemField(itemId, 'note')) ?? '').trim(),
    };
    const field = (path: string) =>
      itemField(itemId, path.startsWith('note.date') ? 'noteDate' : path.startsWith('note') ? 'note' : 'status');
    if (invalid.length) return planPage(c, plan, { itemId, values, errors: [unreadable(itemField(itemId, 'note'))] }, undefined, 400);
    const parsed = itemUpdateSchema().safeParse({
      status: values.status,
      ...(values.note ? { note: { date: values.noteDate, text: values.note } } : {}),
    });
    if (!parsed.success) {
      const errors = toFormErrors(fieldErrors(parsed.error.issues), field, {
        [itemField(itemId, 'noteDate')]: {
          sv: 'Skriv ett datum som ÅÅÅÅ-MM-DD, till exempel 2026-12-01.',
          en: 'Enter a date as YYYY-MM-DD, e.g. 2026-12-01.',
        },
        [itemField(itemId, 'note')]: {
          sv: 'Anteckningen får vara högst 600 tecken på en rad.',
          en: 'The note may be at most 600 characters on one line.',
        },
      });
      return planPage(c, plan, { itemId, values, errors }, undefined, 400);
    }
    try {
      await updatePlanItem(ctx, currentStaff(c), plan.id, itemId, params.get('etag') ?? '', parsed.data);
    } catch (error) {
      if (error instanceof ProblemError && error.problem.status === 412)
        return planPage(c, plan, { itemId, values, errors: [], stored: item }, COLLAB_NOTICES.conflict, 409);
      throw error;
    }
    return redirectWith(c, `/planer/${plan.id}`, 'item-saved');
  });

  app.route('/', staffGroupRoutes(ctx));
  app.route('/', staffAgreementRoutes(ctx));
  return app;
}
