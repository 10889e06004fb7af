import type { Context } from 'hono';
import { notFound } from '../../core/http/problem.js';
import type { KitEnv } from '../../core/http/staff.js';
import { formatDate, resolveLang, t } from '../../core/i18n.js';
import { Layout } from '../../core/page/layout.js';
import type { DirectoryContext } from '../context.js';
import { ID_PATTERN } from '../data/ids.js';
import { publicGroup } from '../views/groups.js';
import { agreementHref } from './agreement-parts.js';
import { DecisionList, GroupFacts } from './group-parts.js';

/** `GET /hitta-stod/samverkan/grupp/{id}`: one group, whom it reports to, its meetings and their decisions. */
export async function groupPage(c: Context<KitEnv>, ctx: DirectoryContext): Promise<Response> {
  const lang = resolveLang(c);
  const { config } = ctx.deps;
  const id = c.req.param('id') ?? '';
  const { collection } = await ctx.load();
  const found = ID_PATTERN.test(id) ? collection.groups.find((g) => g.id === id && g.status !== 'retired') : undefined;
  if (!found) throw notFound('No such collaboration group.');
  const group = publicGroup(found);
  const parent = collection.groups.find((g) => g.id === group.reportsTo && g.status !== 'retired');
  const below = collection.groups.filter((g) => g.reportsTo === group.id && g.status !== 'retired');
  const owned = collection.agreements.filter((a) => a.groups?.includes(group.id) && a.status !== 'retired');
  const suffix = lang === 'en' ? '?lang=en' : '';
  const meetings = [...group.meetings].sort((a, b) => b.date.localeCompare(a.date));
  return c.html(
    <Layout
      config={config}
      lang={lang}
      title={group.name}
      path={`/hitta-stod/samverkan/grupp/${group.id}`}
      current="directory"
      nonce={c.get('secureHeadersNonce')}
    >
      <p>
        <a href={`/hitta-stod/samverkan${suffix}`}>{t(lang, { sv: 'Samverkansstrukturen', en: 'The collaboration structure' })}</a>
      </p>
      <h1 lang="sv">{group.name}</h1>
      <GroupFacts config={config} lang={lang} group={group} />
      {parent ? (
        <p>
          {t(lang, { sv: 'Rapporterar till', en: 'Reports to' })}:{' '}
          <a href={`/hitta-stod/samverkan/grupp/${parent.id}${suffix}`}>{parent.name}</a>
        </p>
      ) : null}
      {below.length ? (
        <>
          <h2>{t(lang, { sv: 'Grupper som rapporterar hit', en: 'Groups reporting here' })}</h2>
          <ul>
            {below.map((g) => (
              <li>
                <a href={`/hitta-stod/samverkan/grupp/${g.id}${suffix}`}>{g.name}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {owned.length ? (
        <>
          <h2>{t(lang, { sv: 'Överenskommelser som gruppen äger', en: 'Agreements the group owns' })}</h2>
          <ul>
            {owned.map((a) => (
              <li>
                <a href={agreementHref(a.id, lang)} lang="sv">
                  {a.title}
                </a>{' '}
                (
                <a href={agreementHref(a.id, lang, true)}>
                  {t(lang, { sv: 'rapport till styrgruppen', en: 'report to the steering group' })}
                </a>
                )
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>{t(lang, { sv: 'Möten och beslut', en: 'Meetings and decisions' })}</h2>
      <p>
        <a href={`/api/directory/groups/${group.id}/meetings.ics${suffix}`}>
          {t(lang, { sv: 'Prenumerera på mötena (iCalendar)', en: 'Subscribe to the meetings (iCalendar)' })}
        </a>
      </p>
      {meetings.length ? (
        meetings.map((m) => (
          <section aria-labelledby={`meeting-${m.id}`}>
            <h3 id={`meeting-${m.id}`}>{formatDate(`${m.date}T12:00:00+01:00`, lang)}</h3>
            {m.agenda ? (
              <p>
                {t(lang, { sv: 'Dagordning', en: 'Agenda' })}: {m.agenda}
              </p>
            ) : null}
            {m.decisions.length ? (
              <DecisionList config={config} lang={lang} decisions={m.decisions.map((d) => ({ ...d, date: m.date }))} />
            ) : (
              <p class="muted">{t(lang, { sv: 'Inga beslut registrerade.', en: 'No decisions registered.' })}</p>
            )}
          </section>
        ))
      ) : (
        <p class="muted">{t(lang, { sv: 'Inga möten registrerade.', en: 'No meetings registered.' })}</p>
      )}
    </Layout>,
  );
}
