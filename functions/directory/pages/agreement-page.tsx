import type { Context } from 'hono';
import { AGREEMENT_STATUSES } from '../../core/domain/vocabulary.js';
import { notFound } from '../../core/http/problem.js';
import type { KitEnv } from '../../core/http/staff.js';
import { resolveLang, t } from '../../core/i18n.js';
import { Layout } from '../../core/page/layout.js';
import type { DirectoryContext } from '../context.js';
import { ID_PATTERN } from '../data/ids.js';
import type { Collection } from '../model/collection.js';
import { termLabel } from '../model/vocab.js';
import { agreementFrom, agreementState } from '../views/agreement-state.js';
import { goalStatuses, indicatorDefinitionsOf } from '../views/report.js';
import { AgreementFacts, agreementHref, dayText, GoalList, type PageAgreement } from './agreement-parts.js';
import { MultiLine } from './multi-line.js';

/** The active agreement `id` of a collection with its state, or 404. */
export function findAgreement(collection: Collection, id: string, now: Date): PageAgreement {
  const found = ID_PATTERN.test(id) ? collection.agreements.find((a) => a.id === id && a.status !== 'retired') : undefined;
  if (!found) throw notFound('No such agreement.');
  return { ...found, ...agreementState(found, now) };
}

/** `GET /hitta-stod/samverkan/overenskommelse/{id}`: an agreement, its status changes, goals, plans, owning groups and report. */
export async function agreementPage(c: Context<KitEnv>, ctx: DirectoryContext): Promise<Response> {
  const lang = resolveLang(c);
  const { config } = ctx.deps;
  const [{ collection }, published] = await Promise.all([ctx.load(), ctx.releases()]);
  const agreement = findAgreement(collection, c.req.param('id') ?? '', ctx.deps.clock.now());
  const goals = goalStatuses(agreement, published, indicatorDefinitionsOf(config));
  const plans = collection.plans.filter((p) => p.agreementId === agreement.id && p.status !== 'retired');
  const groups = collection.groups.filter((g) => agreement.groups?.includes(g.id) && g.status !== 'retired');
  const suffix = lang === 'en' ? '?lang=en' : '';
  return c.html(
    <Layout
      config={config}
      lang={lang}
      title={agreement.title}
      path={`/hitta-stod/samverkan/overenskommelse/${agreement.id}`}
      current="directory"
      nonce={c.get('secureHeadersNonce')}
    >
      <p>
        <a href={`/hitta-stod/samverkan${suffix}`}>{t(lang, { sv: 'Samverkansstrukturen', en: 'The collaboration structure' })}</a>
      </p>
      <h1 lang="sv">{agreement.title}</h1>
      <AgreementFacts config={config} lang={lang} agreement={agreement} />
      {agreement.note ? <MultiLine text={agreement.note} /> : null}
      <p>
        <a href={agreementHref(agreement.id, lang, true)}>
          {t(lang, {
            sv: 'Rapport till styrgruppen (för utskrift eller PDF)',
            en: 'Report to the steering group (to print or save as PDF)',
          })}
        </a>
      </p>
      <h2>{t(lang, { sv: 'Mål och mått', en: 'Goals and measures' })}</h2>
      {goals.length ? (
        <GoalList lang={lang} statuses={goals} from={agreementFrom(agreement)} />
      ) : (
        <p class="muted">{t(lang, { sv: 'Inga mål registrerade.', en: 'No goals registered.' })}</p>
      )}
      <h2>{t(lang, { sv: 'Statusändringar', en: 'Status changes' })}</h2>
      {agreement.lifecycle.length ? (
        <ol>
          {agreement.lifecycle.map((step) => (
            <li>
              {dayText(step.date, lang)}: {termLabel(AGREEMENT_STATUSES, step.status, lang)}
            </li>
          ))}
        </ol>
      ) : (
        <p class="muted">{t(lang, { sv: 'Inga statusändringar registrerade.', en: 'No status changes registered.' })}</p>
      )}
      <h2>{t(lang, { sv: 'Handlingsplaner', en: 'Action plans' })}</h2>
      {plans.length ? (
        <ul>
          {plans.map((p) => (
            <li>
              <a href={`/hitta-stod/samverkan/plan/${p.id}${suffix}`} lang="sv">
                {p.title}
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t(lang, { sv: 'Inga registrerade handlingsplaner.', en: 'No action plans registered.' })}</p>
      )}
      <h2>{t(lang, { sv: 'Grupper som äger överenskommelsen', en: 'Groups that own the agreement' })}</h2>
      {groups.length ? (
        <ul>
          {groups.map((g) => (
            <li>
              <a href={`/hitta-stod/samverkan/grupp/${g.id}${suffix}`} lang="sv">
                {g.name}
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t(lang, { sv: 'Ingen grupp angiven.', en: 'No group named.' })}</p>
      )}
    </Layout>,
  );
}
