import type { Context } from 'hono';
import type { KitEnv } from '../../core/http/staff.js';
import { formatDate, resolveLang, t } from '../../core/i18n.js';
import { Layout } from '../../core/page/layout.js';
import { TableScroll } from '../../core/page/table-scroll.js';
import type { DirectoryContext } from '../context.js';
import { orgName } from '../data/orgs.js';
import { agreementState } from '../views/agreement-state.js';
import { AGREEMENT_STATUSES } from '../../core/domain/vocabulary.js';
import { termLabel } from '../model/vocab.js';
import { publicGroup } from '../views/groups.js';
import { agreementHref, openEndText } from './agreement-parts.js';
import { GroupTree } from './group-parts.js';
import { TEXT } from './labels.js';

/** `GET /hitta-stod/samverkan`: collaboration groups per municipality and agreements with their end dates. */
export async function collaborationPage(c: Context<KitEnv>, ctx: DirectoryContext): Promise<Response> {
  const lang = resolveLang(c);
  const { config } = ctx.deps;
  const asked = c.req.query('municipality');
  const chosen = config.municipalities.filter((m) => !asked || m.code === asked);
  const { collection } = await ctx.load();
  const now = ctx.deps.clock.now();
  const groups = collection.groups.filter((g) => g.status !== 'retired').map(publicGroup);
  const regionWide = groups.filter((g) => !g.members.some((m) => /^\d{4}$/.test(m)));
  const agreements = collection.agreements
    .filter((a) => a.status !== 'retired')
    .map((a) => ({ ...a, ...agreementState(a, now) }))
    .sort((a, b) => (a.ends ?? '9999').localeCompare(b.ends ?? '9999'));
  const plans = collection.plans.filter((p) => p.status !== 'retired').sort((a, b) => a.title.localeCompare(b.title, 'sv'));
  const title = t(lang, TEXT.groupsLink);
  return c.html(
    <Layout config={config} lang={lang} title={title} path="/hitta-stod/samverkan" current="directory" nonce={c.get('secureHeadersNonce')}>
      <h1>{title}</h1>
      <form method="get" action="/hitta-stod/samverkan">
        <label for="municipality">{t(lang, TEXT.municipality)}</label>
        <select id="municipality" name="municipality">
          <option value="">{t(lang, TEXT.allMunicipalities)}</option>
          {config.municipalities.map((m) => (
            <option value={m.code} selected={m.code === asked}>
              {m.name}
            </option>
          ))}
        </select>{' '}
        <button type="submit" class="button">
          {t(lang, { sv: 'Visa', en: 'Show' })}
        </button>
      </form>
      <h2>{t(lang, { sv: 'Samverkansstrukturen', en: 'The collaboration structure' })}</h2>
      <p>
        {t(lang, {
          sv: 'Grupperna i området, var och en under den grupp den rapporterar till, med nivå, medlemmar och senaste beslut.',
          en: 'The groups of the area, each under the group it reports to, with level, members and latest decisions.',
        })}
      </p>
      {groups.length ? (
        <GroupTree config={config} lang={lang} groups={groups} />
      ) : (
        <p class="muted">{t(lang, { sv: 'Inga registrerade grupper.', en: 'No groups registered.' })}</p>
      )}
      <h2>{t(lang, { sv: 'Samverkansgrupper per kommun', en: 'Collaboration groups per municipality' })}</h2>
      {chosen.map((m) => {
        const mine = groups.filter((g) => g.members.includes(m.code)).sort((a, b) => a.name.localeCompare(b.name, 'sv'));
        return (
          <section aria-labelledby={`m-${m.code}`}>
            <h3 id={`m-${m.code}`}>{m.name}</h3>
            {mine.length ? (
              <ul>
                {mine.map((g) => (
                  <li>
                    <strong>{g.name}</strong>
                    {g.mandate ? ` – ${g.mandate}` : ''}
                    <br />
                    <span class="muted">
                      {t(lang, { sv: 'Medlemmar', en: 'Members' })}: {g.members.map((o) => orgName(config, o)).join(', ')}
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p class="muted">{t(lang, { sv: 'Inga registrerade grupper.', en: 'No groups registered.' })}</p>
            )}
          </section>
        );
      })}
      {regionWide.length ? (
        <section aria-labelledby="region-wide">
          <h3 id="region-wide">{t(lang, { sv: 'Grupper utan angivna kommuner', en: 'Groups without named municipalities' })}</h3>
          <ul>
            {regionWide.map((g) => (
              <li>
                <strong>{g.name}</strong>
                {g.mandate ? ` – ${g.mandate}` : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <h2>{t(lang, { sv: 'Handlingsplaner', en: 'Action plans' })}</h2>
      {plans.length ? (
        <ul>
          {plans.map((p) => (
            <li>
              <a href={`/hitta-stod/samverkan/plan/${p.id}${lang === 'en' ? '?lang=en' : ''}`} lang="sv">
                {p.title}
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t(lang, { sv: 'Inga registrerade handlingsplaner.', en: 'No action plans registered.' })}</p>
      )}
      <h2>{t(lang, { sv: 'Överenskommelser', en: 'Agreements' })}</h2>
      {agreements.length ? (
        <TableScroll lang={lang} label={t(lang, { sv: 'Överenskommelser och när de upphör', en: 'Agreements and when they end' })}>
          <table>
            <caption class="visually-hidden">
              {t(lang, { sv: 'Överenskommelser och när de upphör', en: 'Agreements and when they end' })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t(lang, { sv: 'Överenskommelse', en: 'Agreement' })}</th>
                <th scope="col">{t(lang, { sv: 'Parter', en: 'Parties' })}</th>
                <th scope="col">{t(lang, { sv: 'Status', en: 'Status' })}</th>
                <th scope="col">{t(lang, { sv: 'Gäller till', en: 'Valid until' })}</th>
                <th scope="col">{t(lang, { sv: 'Revideras', en: 'Review' })}</th>
              </tr>
            </thead>
            <tbody>
              {agreements.map((a) => (
                <tr>
                  <td>
                    <a href={agreementHref(a.id, lang)} lang="sv">
                      {a.title}
                    </a>
                  </td>
                  <td>{a.parties.map((o) => orgName(config, o)).join(', ')}</td>
                  <td>
                    {a.phase ? termLabel(AGREEMENT_STATUSES, a.phase, lang) : '–'}
                    {a.lifecycle.length ? ` (${formatDate(`${a.lifecycle.at(-1)?.date}T12:00:00+01:00`, lang)})` : ''}
                  </td>
                  <td>
                    {a.ends ? formatDate(`${a.ends}T12:00:00+01:00`, lang) : openEndText(a, lang)}{' '}
                    {a.expired ? <span class="tag warn">{t(lang, { sv: 'Har upphört', en: 'Expired' })}</span> : null}
                  </td>
                  <td>{a.reviewDate ? formatDate(`${a.reviewDate}T12:00:00+01:00`, lang) : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p class="muted">{t(lang, { sv: 'Inga registrerade överenskommelser.', en: 'No agreements registered.' })}</p>
      )}
    </Layout>,
  );
}
