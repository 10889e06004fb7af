import { PLAN_ITEM_STATUSES } from '../../core/domain/vocabulary.js';
import { t, type Text } from '../../core/i18n.js';
import { Layout } from '../../core/page/layout.js';
import { StaffBar } from '../../core/session/staff-bar.js';
import { orgName } from '../data/orgs.js';
import type { ActionPlan, PlanItem } from '../model/plan.js';
import { termLabel } from '../model/vocab.js';
import { isOverdue } from '../views/plans.js';
import { COLLAB_PATH as PATH, DATE_HINT, langQuery, type CollabPageBase } from './collab-parts.js';
import { ErrorSummary, Field, Notice, Select, StoredVersion } from './form-parts.js';
import type { FormFieldError } from './service-form.js';

/** What a person typed into one item's form. */
export interface ItemFormValues {
  readonly status: string;
  readonly noteDate: string;
  readonly note: string;
}

/** Props of `PlanItemsPage`. */
export interface PlanItemsPageProps extends CollabPageBase {
  readonly plan: ActionPlan;
  readonly etag: string;
  readonly now: Date;
  /** Today in Stockholm (the default date of a note). */
  readonly today: string;
  /** Whether the person may move `item` on. */
  readonly mayUpdate: (item: PlanItem) => boolean;
  /** The item whose form was sent, with what was typed, its errors, and on a conflict the stored item. */
  readonly sent?: { itemId: string; values: ItemFormValues; errors: readonly FormFieldError[]; stored?: PlanItem };
}

/** The form names of one item's fields (unique on the page). */
export const itemField = (itemId: string, field: keyof ItemFormValues) => `${itemId}.${field}`;

function storedRows(lang: CollabPageBase['lang'], item: PlanItem): [Text, string][] {
  return [
    [{ sv: 'Status', en: 'Status' }, termLabel(PLAN_ITEM_STATUSES, item.status, lang)],
    [{ sv: 'Anteckningar', en: 'Notes' }, item.notes.map((n) => `${n.date}: ${n.text}`).join('\n')],
  ];
}

/** An action plan's items: each item's status and notes, and for the person's own items a form to move it on. */
export function PlanItemsPage(props: PlanItemsPageProps) {
  const { lang, config, plan, sent } = props;
  const q = langQuery(lang);
  const title = t(lang, { sv: `Handlingsplan: ${plan.title}`, en: `Action plan: ${plan.title}` });
  return (
    <Layout config={config} lang={lang} title={title} path={`${PATH}/planer/${plan.id}`} current="directory" nonce={props.nonce}>
      <StaffBar config={config} lang={lang} staff={props.staff} />
      <p>
        <a href={`${PATH}${q}`}>{t(lang, { sv: 'Tillbaka till samverkan', en: 'Back to collaboration' })}</a>{' '}
        <a href={`/hitta-stod/samverkan/plan/${plan.id}${q}`}>{t(lang, { sv: 'Den publika sidan', en: 'The public page' })}</a>
      </p>
      <h1>{title}</h1>
      <Notice lang={lang} text={props.notice} />
      <ErrorSummary lang={lang} errors={sent?.errors ?? []} />
      <p>
        {t(lang, {
          sv: 'Uppdatera status och skriv en daterad anteckning för punkter som din organisation ansvarar för.',
          en: 'Update the status and write a dated note for items your organisation is responsible for.',
        })}
      </p>
      {plan.items.map((item) => {
        const mine = sent?.itemId === item.id ? sent : undefined;
        const errors = mine?.errors ?? [];
        const values: ItemFormValues = mine?.values ?? { status: item.status, noteDate: props.today, note: '' };
        return (
          <section aria-labelledby={`item-${item.id}`}>
            <h2 id={`item-${item.id}`}>{item.what}</h2>
            <p>
              {orgName(config, item.responsible)}
              {item.deadline ? `, ${t(lang, { sv: 'senast', en: 'by' })} ${item.deadline}` : ''}{' '}
              <span class="tag">{termLabel(PLAN_ITEM_STATUSES, item.status, lang)}</span>
              {isOverdue(item, props.now) ? <span class="tag warn">{t(lang, { sv: 'Försenad', en: 'Overdue' })}</span> : null}
            </p>
            {item.notes.length ? (
              <ul>
                {item.notes.map((n) => (
                  <li>
                    {n.date}: {n.text}
                  </li>
                ))}
              </ul>
            ) : null}
            {mine?.stored ? (
              <StoredVersion lang={lang} rows={storedRows(lang, mine.stored)} href={`${PATH}/planer/${plan.id}${q}`} />
            ) : null}
            {props.mayUpdate(item) ? (
              <form method="post" action={`${PATH}/planer/${plan.id}/punkter/${item.id}${q}`} novalidate>
                <input type="hidden" name="etag" value={props.etag} />
                <Select
                  lang={lang}
                  name={itemField(item.id, 'status')}
                  label={{ sv: 'Status', en: 'Status' }}
                  options={PLAN_ITEM_STATUSES}
                  value={values.status}
                  errors={errors}
                />
                <Field
                  lang={lang}
                  name={itemField(item.id, 'noteDate')}
                  label={{ sv: 'Datum för anteckningen', en: 'Date of the note' }}
                  hint={DATE_HINT}
                  value={values.noteDate}
                  errors={errors}
                />
                <Field
                  lang={lang}
                  name={itemField(item.id, 'note')}
                  label={{ sv: 'Anteckning om läget (valfri)', en: 'Progress note (optional)' }}
                  value={values.note}
                  errors={errors}
                  multiline
                />
                <p>
                  <button type="submit">
                    {mine?.stored
                      ? t(lang, { sv: 'Spara min version', en: 'Save my version' })
                      : t(lang, { sv: 'Spara punkten', en: 'Save the item' })}
                    <span class="visually-hidden">: {item.what}</span>
                  </button>
                </p>
              </form>
            ) : null}
          </section>
        );
      })}
    </Layout>
  );
}
