import type { Context } from 'hono';
import { notFound } from '../../core/http/problem.js';
import type { KitEnv } from '../../core/http/staff.js';
import { resolveLang, t } from '../../core/i18n.js';
import { Layout } from '../../core/page/layout.js';
import type { DirectoryContext } from '../context.js';
import { ID_PATTERN } from '../data/ids.js';
import { presentPlan } from '../views/plans.js';
import { agreementHref } from './agreement-parts.js';
import { PlanItemsTable, PlanProgress } from './plan-parts.js';

/** `GET /hitta-stod/samverkan/plan/{id}`: an action plan's items with progress, overdue ones marked. */
export async function planPage(c: Context<KitEnv>, ctx: DirectoryContext): Promise<Response> {
  const lang = resolveLang(c);
  const { config } = ctx.deps;
  const id = c.req.param('id') ?? '';
  const { collection } = await ctx.load();
  const found = ID_PATTERN.test(id) ? collection.plans.find((p) => p.id === id && p.status !== 'retired') : undefined;
  if (!found) throw notFound('No such action plan.');
  const plan = presentPlan(found, ctx.deps.clock.now());
  const suffix = lang === 'en' ? '?lang=en' : '';
  const agreement = collection.agreements.find((a) => a.id === plan.agreementId && a.status !== 'retired');
  const group = collection.groups.find((g) => g.id === plan.groupId && g.status !== 'retired');
  const owner = agreement
    ? { name: agreement.title, href: agreementHref(agreement.id, lang) }
    : group
      ? { name: group.name, href: `/hitta-stod/samverkan/grupp/${group.id}${suffix}` }
      : undefined;
  const caption = t(lang, { sv: 'Planens punkter', en: 'The items of the plan' });
  return c.html(
    <Layout
      config={config}
      lang={lang}
      title={plan.title}
      path={`/hitta-stod/samverkan/plan/${plan.id}`}
      current="directory"
      nonce={c.get('secureHeadersNonce')}
    >
      <p>
        <a href={`/hitta-stod/samverkan${suffix}`}>{t(lang, { sv: 'Samverkansstrukturen', en: 'The collaboration structure' })}</a>
      </p>
      <h1 lang="sv">{plan.title}</h1>
      {owner ? (
        <p>
          {t(
            lang,
            plan.agreementId
              ? { sv: 'Hör till överenskommelsen', en: 'Belongs to the agreement' }
              : { sv: 'Hör till gruppen', en: 'Belongs to the group' },
          )}
          :{' '}
          <a href={owner.href} lang="sv">
            {owner.name}
          </a>
        </p>
      ) : null}
      <h2>{t(lang, { sv: 'Hur långt planen har kommit', en: 'Progress' })}</h2>
      <PlanProgress lang={lang} plan={plan} />
      <h2>{caption}</h2>
      <PlanItemsTable config={config} lang={lang} plan={plan} caption={caption} />
      <p>
        <a href={`/api/directory/plans/${plan.id}/items.csv`}>
          {t(lang, { sv: 'Ladda ner som CSV (Excel)', en: 'Download as CSV (Excel)' })}
        </a>
      </p>
    </Layout>,
  );
}
