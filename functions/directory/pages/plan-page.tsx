import type { Context } from 'hono';
import { PLAN_ITEM_STATUSES } from '../../core/domain/vocabulary.js';
import { notFound } from '../../core/http/problem.js';
import type { KitEnv } from '../../core/http/staff.js';
import { formatDate, resolveLang, t } from '../../core/i18n.js';
import { Layout } from '../../core/page/layout.js';
import { TableScroll } from '../../core/page/table-scroll.js';
import type { DirectoryContext } from '../context.js';
import { ID_PATTERN } from '../data/ids.js';
import { orgName } from '../data/orgs.js';
import { termLabel } from '../model/vocab.js';
import { presentPlan } from '../views/plans.js';

/** `GET /hitta-stod/samverkan/plan/{id}`: an action plan's items with progress, overdue ones marked. */
export async function planPage(c: Context<KitEnv>, ctx: DirectoryContext): Promise<Response> {
  const lang = resolveLang(c);
  const { config } = ctx.deps;
  const id = c.req.param('id') ?? '';
  const { collection } = await ctx.load();
  const found = ID_PATTERN.test(id) ? collection.plans.find((p) => p.id === id && p.status !== 'retired') : undefined;
  if (!found) throw notFound('No such action plan.');
  const plan = presentPlan(found, ctx.deps.clock.now());
  const owner = plan.agreementId
    ? collection.agreements.find((a) => a.id === plan.agreementId)?.title
    : collection.groups.find((g) => g.id === plan.groupId)?.name;
  const day = (date: string | undefined) => (date ? formatDate(`${date}T12:00:00+01:00`, lang) : '–');
  const suffix = lang === 'en' ? '?lang=en' : '';
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
          : <span lang="sv">{owner}</span>
        </p>
      ) : null}
      <h2>{t(lang, { sv: 'Hur långt planen har kommit', en: 'Progress' })}</h2>
      <p>
        {t(lang, { sv: `${plan.progress.percentDone} % klart`, en: `${plan.progress.percentDone}% done` })} ({plan.progress.total}{' '}
        {t(lang, { sv: 'punkter', en: 'items' })})
        {plan.progress.overdue ? (
          <>
            {' '}
            <span class="tag warn">
              {plan.progress.overdue} {t(lang, { sv: 'försenade', en: 'overdue' })}
            </span>
          </>
        ) : null}
      </p>
      <ul>
        {PLAN_ITEM_STATUSES.map((s) => (
          <li>
            {s[lang]}: {plan.progress.counts[s.id] ?? 0}
          </li>
        ))}
      </ul>
      <h2>{caption}</h2>
      <TableScroll lang={lang} label={caption}>
        <table>
          <caption class="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t(lang, { sv: 'Vad', en: 'What' })}</th>
              <th scope="col">{t(lang, { sv: 'Ansvarig', en: 'Responsible' })}</th>
              <th scope="col">{t(lang, { sv: 'Start', en: 'Start' })}</th>
              <th scope="col">{t(lang, { sv: 'Klart senast', en: 'Deadline' })}</th>
              <th scope="col">{t(lang, { sv: 'Status', en: 'Status' })}</th>
              <th scope="col">{t(lang, { sv: 'Senaste anteckning', en: 'Latest note' })}</th>
            </tr>
          </thead>
          <tbody>
            {plan.items.map((item) => {
              const note = item.notes.at(-1);
              return (
                <tr>
                  <th scope="row" lang="sv">
                    {item.what}
                  </th>
                  <td>{orgName(config, item.responsible)}</td>
                  <td>{day(item.start)}</td>
                  <td>
                    {day(item.deadline)} {item.overdue ? <span class="tag warn">{t(lang, { sv: 'Försenad', en: 'Overdue' })}</span> : null}
                  </td>
                  <td>{termLabel(PLAN_ITEM_STATUSES, item.status, lang)}</td>
                  <td>{note ? `${day(note.date)}: ${note.text}` : '–'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      <p>
        <a href={`/api/directory/plans/${plan.id}/items.csv`}>
          {t(lang, { sv: 'Ladda ner som CSV (Excel)', en: 'Download as CSV (Excel)' })}
        </a>
      </p>
    </Layout>,
  );
}
