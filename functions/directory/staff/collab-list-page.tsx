import { t, type Lang, type Text } from '../../core/i18n.js';
import { Layout } from '../../core/page/layout.js';
import { TableScroll } from '../../core/page/table-scroll.js';
import { StaffBar } from '../../core/session/staff-bar.js';
import { orgName } from '../data/orgs.js';
import type { Agreement, CollaborationGroup } from '../model/group.js';
import type { ActionPlan } from '../model/plan.js';
import { COLLAB_PATH as PATH, langQuery, type CollabPageBase } from './collab-parts.js';
import { Notice } from './form-parts.js';
import { SERVICES_PATH } from './services-page.js';

/** One row of the overview: an entry, whether the person may edit it, and what needs attention. */
export interface CollabRow<T> {
  readonly entry: T;
  readonly attention: readonly Text[];
}

/** Props of `CollabListPage`. */
export interface CollabListPageProps extends CollabPageBase {
  readonly groups: readonly CollabRow<CollaborationGroup>[];
  readonly agreements: readonly CollabRow<Agreement>[];
  readonly plans: readonly CollabRow<ActionPlan>[];
}

function Attention(props: { lang: Lang; items: readonly Text[] }) {
  return props.items.length ? (
    <>
      {props.items.map((a) => (
        <span class="tag warn">{t(props.lang, a)}</span>
      ))}
    </>
  ) : (
    <span class="muted">{t(props.lang, { sv: 'Inget', en: 'Nothing' })}</span>
  );
}

function Table(props: {
  lang: Lang;
  caption: Text;
  head: Text;
  rows: readonly { href: string; name: string; who: string; attention: readonly Text[] }[];
}) {
  const { lang } = props;
  return (
    <TableScroll lang={lang} label={t(lang, props.caption)}>
      <table>
        <caption>{t(lang, props.caption)}</caption>
        <thead>
          <tr>
            <th scope="col">{t(lang, props.head)}</th>
            <th scope="col">{t(lang, { sv: 'Organisationer', en: 'Organisations' })}</th>
            <th scope="col">{t(lang, { sv: 'Behöver åtgärd', en: 'Needs attention' })}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr>
              <th scope="row">
                <a href={r.href}>{r.name}</a>
              </th>
              <td>{r.who}</td>
              <td>
                <Attention lang={lang} items={r.attention} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The groups, agreements and action plans the person works with, each with what needs attention. */
export function CollabListPage(props: CollabListPageProps) {
  const { lang, config } = props;
  const q = langQuery(lang);
  const names = (orgs: readonly string[]) => orgs.map((o) => orgName(config, o)).join(', ');
  const title = t(lang, { sv: 'Hitta stöd: samverkan', en: 'Find support: collaboration' });
  return (
    <Layout config={config} lang={lang} title={title} path={PATH} current="directory" nonce={props.nonce}>
      <StaffBar config={config} lang={lang} staff={props.staff} />
      <h1>{title}</h1>
      <Notice lang={lang} text={props.notice} />
      <p>
        {t(lang, {
          sv: 'Samverkansgrupper, överenskommelser och handlingsplaner som du får ändra. Det som behöver åtgärd står i sista kolumnen.',
          en: 'Collaboration groups, agreements and action plans you may change. What needs attention is in the last column.',
        })}{' '}
        <a href={`${SERVICES_PATH}${q}`}>{t(lang, { sv: 'Till tjänsterna', en: 'To the services' })}</a>
      </p>
      <h2>{t(lang, { sv: 'Samverkansgrupper', en: 'Collaboration groups' })}</h2>
      <p>
        <a href={`${PATH}/grupper/ny${q}`}>{t(lang, { sv: 'Lägg till en grupp', en: 'Add a group' })}</a>
      </p>
      {props.groups.length ? (
        <Table
          lang={lang}
          caption={{ sv: 'Grupper och deras medlemmar', en: 'Groups and their members' }}
          head={{ sv: 'Grupp', en: 'Group' }}
          rows={props.groups.map((r) => ({
            href: `${PATH}/grupper/${r.entry.id}${q}`,
            name: r.entry.name,
            who: names(r.entry.members),
            attention: r.attention,
          }))}
        />
      ) : (
        <p>{t(lang, { sv: 'Inga grupper som du får ändra.', en: 'No groups you may change.' })}</p>
      )}
      <h2>{t(lang, { sv: 'Överenskommelser', en: 'Agreements' })}</h2>
      <p>
        <a href={`${PATH}/overenskommelser/ny${q}`}>{t(lang, { sv: 'Lägg till en överenskommelse', en: 'Add an agreement' })}</a>
      </p>
      {props.agreements.length ? (
        <Table
          lang={lang}
          caption={{ sv: 'Överenskommelser och deras parter', en: 'Agreements and their parties' }}
          head={{ sv: 'Överenskommelse', en: 'Agreement' }}
          rows={props.agreements.map((r) => ({
            href: `${PATH}/overenskommelser/${r.entry.id}${q}`,
            name: r.entry.title,
            who: names(r.entry.parties),
            attention: r.attention,
          }))}
        />
      ) : (
        <p>{t(lang, { sv: 'Inga överenskommelser som du får ändra.', en: 'No agreements you may change.' })}</p>
      )}
      <h2>{t(lang, { sv: 'Handlingsplaner', en: 'Action plans' })}</h2>
      {props.plans.length ? (
        <Table
          lang={lang}
          caption={{ sv: 'Handlingsplaner med punkter för er', en: 'Action plans with items for you' }}
          head={{ sv: 'Handlingsplan', en: 'Action plan' }}
          rows={props.plans.map((r) => ({
            href: `${PATH}/planer/${r.entry.id}${q}`,
            name: r.entry.title,
            who: names([r.entry.owner]),
            attention: r.attention,
          }))}
        />
      ) : (
        <p>{t(lang, { sv: 'Inga handlingsplaner med punkter för er.', en: 'No action plans with items for you.' })}</p>
      )}
    </Layout>
  );
}
