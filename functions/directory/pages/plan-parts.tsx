import type { CountyConfig } from '../../core/config/schema.js';
import { PLAN_ITEM_STATUSES } from '../../core/domain/vocabulary.js';
import { formatDate, t, type Lang } from '../../core/i18n.js';
import { TableScroll } from '../../core/page/table-scroll.js';
import { orgName } from '../data/orgs.js';
import { termLabel } from '../model/vocab.js';
import type { presentPlan } from '../views/plans.js';

/** A plan as the public pages show it: items with overdue marks, progress counted. */
export type PagePlan = ReturnType<typeof presentPlan>;

const day = (date: string | undefined, lang: Lang) => (date ? formatDate(`${date}T12:00:00+01:00`, lang) : '–');

/** How far a plan has come: share done, items in all, overdue ones, counts per status. */
export function PlanProgress(props: { lang: Lang; plan: PagePlan }) {
  const { lang, plan } = props;
  return (
    <>
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
    </>
  );
}

/** A plan's items: what, who, from and by when, status and latest note; overdue ones marked. */
export function PlanItemsTable(props: { config: CountyConfig; lang: Lang; plan: PagePlan; caption: string }) {
  const { config, lang, plan, caption } = props;
  return (
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
                <td>{day(item.start, lang)}</td>
                <td>
                  {day(item.deadline, lang)}{' '}
                  {item.overdue ? <span class="tag warn">{t(lang, { sv: 'Försenad', en: 'Overdue' })}</span> : null}
                </td>
                <td>{termLabel(PLAN_ITEM_STATUSES, item.status, lang)}</td>
                <td>{note ? `${day(note.date, lang)}: ${note.text}` : '–'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
