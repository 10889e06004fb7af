import type { Context } from 'hono';
import { raw } from 'hono/html';
import type { KitEnv } from '../../core/http/staff.js';
import { formatDate, t, resolveLang, type Lang } from '../../core/i18n.js';
import { Layout } from '../../core/page/layout.js';
import { TableScroll } from '../../core/page/table-scroll.js';
import type { DirectoryContext } from '../context.js';
import { publicGroup } from '../views/groups.js';
import { presentPlan } from '../views/plans.js';
import { agreementFrom } from '../views/agreement-state.js';
import { goalAimText, goalStatuses, indicatorDefinitionsOf, type GoalStatus } from '../views/report.js';
import { findAgreement } from './agreement-page.js';
import { AgreementFacts, agreementHref, MetTag, releasedText } from './agreement-parts.js';
import { DecisionList, latestDecisions } from './group-parts.js';
import { PlanItemsTable, PlanProgress } from './plan-parts.js';

/** How many decisions of each owning group the report shows. */
const DECISIONS_PER_GROUP = 5;

// on paper: no site chrome, no scroll regions, black on white, sections kept whole where they fit
const PRINT_CSS = [
  '@media print{',
  '.site-header,.site-nav,.site-footer,.skip,.no-print,.scroll-hint{display:none!important}',
  'main{max-width:none;padding:0}',
  'html{font-size:11pt;color:#000}',
  'a{color:#000;text-decoration:none}',
  '.table-scroll{overflow:visible;background:none}',
  '.table-scroll table{min-width:0}',
  '.tag{border-color:#000;background:none;color:#000}',
  'h1,h2,h3{break-after:avoid;page-break-after:avoid}',
  'tr,li,dl,.goal{break-inside:avoid;page-break-inside:avoid}',
  '@page{margin:15mm}',
  '}',
].join('');

/** One goal: its indicators' latest released figures against the target, or against the baseline when it has none. */
function GoalSection(props: { lang: Lang; status: GoalStatus; index: number; from: string | undefined }) {
  const { lang, status, index, from } = props;
  const { goal } = status;
  const caption = t(lang, { sv: `Indikatorer för mål ${index + 1}`, en: `Indicators of goal ${index + 1}` });
  return (
    <section class="goal" aria-labelledby={`goal-${index}`}>
      <h3 id={`goal-${index}`}>
        <span lang="sv">{goal.text}</span>
      </h3>
      <p>
        {t(lang, { sv: 'Bedömning', en: 'Assessment' })}: <MetTag lang={lang} met={status.met} />
      </p>
      <TableScroll lang={lang} label={caption}>
        <table>
          <caption class="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t(lang, { sv: 'Indikator', en: 'Indicator' })}</th>
              <th scope="col" class="num">
                {t(lang, { sv: 'Senaste värde', en: 'Latest value' })}
              </th>
              <th scope="col">{t(lang, { sv: 'Period', en: 'Period' })}</th>
              <th scope="col">{t(lang, { sv: 'Mål', en: 'Goal' })}</th>
              <th scope="col">{t(lang, { sv: 'Uppnått', en: 'Met' })}</th>
            </tr>
          </thead>
          <tbody>
            {status.figures.map((f) => {
              const unit = f.definition?.unit ?? 'count';
              const { latest } = f;
              return (
                <tr>
                  <th scope="row">{f.definition ? f.definition[lang] : f.indicator}</th>
                  <td class="num">{releasedText(latest, unit, lang)}</td>
                  <td>
                    {latest ? (
                      <>
                        {latest.period}{' '}
                        <span class="muted">
                          ({t(lang, { sv: 'publicerad', en: 'released' })} {formatDate(latest.releasedAt, lang)})
                        </span>
                      </>
                    ) : (
                      '–'
                    )}
                  </td>
                  <td>{t(lang, goalAimText(goal, unit, f.baseline, from))}</td>
                  <td>
                    <MetTag lang={lang} met={f.met} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

/**
 * `GET /hitta-stod/samverkan/overenskommelse/{id}/rapport`: the report a steering group prints or
 * saves as PDF from the browser: the agreement's goals against the indicator store's latest
 * released figures (as published: a hidden figure stays hidden), its plans' progress with overdue
 * items marked, and the latest decisions of the groups that own it. No script; a print stylesheet.
 */
export async function reportPage(c: Context<KitEnv>, ctx: DirectoryContext): Promise<Response> {
  const lang = resolveLang(c);
  const { config } = ctx.deps;
  const now = ctx.deps.clock.now();
  const [{ collection }, published] = await Promise.all([ctx.load(), ctx.releases()]);
  const agreement = findAgreement(collection, c.req.param('id') ?? '', now);
  const goals = goalStatuses(agreement, published, indicatorDefinitionsOf(config));
  const plans = collection.plans.filter((p) => p.agreementId === agreement.id && p.status !== 'retired').map((p) => presentPlan(p, now));
  const groups = collection.groups.filter((g) => agreement.groups?.includes(g.id) && g.status !== 'retired').map(publicGroup);
  const suffix = lang === 'en' ? '?lang=en' : '';
  const nonce = c.get('secureHeadersNonce');
  const title = t(lang, { sv: 'Rapport till styrgruppen', en: 'Report to the steering group' });
  return c.html(
    <Layout
      config={config}
      lang={lang}
      title={`${title}: ${agreement.title}`}
      path={`/hitta-stod/samverkan/overenskommelse/${agreement.id}/rapport`}
      current="directory"
      nonce={nonce}
      head={<style nonce={nonce}>{raw(PRINT_CSS)}</style>}
    >
      <p class="no-print">
        <a href={agreementHref(agreement.id, lang)}>{t(lang, { sv: 'Till överenskommelsen', en: 'To the agreement' })}</a>
      </p>
      <h1>
        {title}: <span lang="sv">{agreement.title}</span>
      </h1>
      <p class="muted">
        {t(lang, { sv: 'Sammanställd', en: 'Compiled' })} {formatDate(now, lang)}.{' '}
        <span class="no-print">
          {t(lang, {
            sv: 'Skriv ut sidan eller spara den som PDF med webbläsarens utskriftsfunktion.',
            en: "Print the page or save it as PDF with the browser's print function.",
          })}
        </span>
      </p>
      <AgreementFacts config={config} lang={lang} agreement={agreement} />
      <h2>{t(lang, { sv: 'Mål och senaste värden', en: 'Goals and latest values' })}</h2>
      <p>
        {t(lang, {
          sv: 'Värdena är områdets senast publicerade siffror i Uppföljning, exakt som de publicerats. En dold uppgift (..) visas inte för att ingen person ska kunna pekas ut, och den räknas inte fram här.',
          en: 'The values are the latest figures Uppföljning has published for the area, exactly as published. A hidden figure (..) is not shown so that no person can be identified, and it is not worked out here.',
        })}
      </p>
      {goals.length ? (
        goals.map((status, index) => <GoalSection lang={lang} status={status} index={index} from={agreementFrom(agreement)} />)
      ) : (
        <p class="muted">{t(lang, { sv: 'Inga mål registrerade.', en: 'No goals registered.' })}</p>
      )}
      <h2>{t(lang, { sv: 'Handlingsplanens framsteg', en: 'Progress of the action plan' })}</h2>
      {plans.length ? (
        plans.map((plan) => (
          <section aria-labelledby={`plan-${plan.id}`}>
            <h3 id={`plan-${plan.id}`}>
              <a href={`/hitta-stod/samverkan/plan/${plan.id}${suffix}`} lang="sv">
                {plan.title}
              </a>
            </h3>
            <PlanProgress lang={lang} plan={plan} />
            <PlanItemsTable
              config={config}
              lang={lang}
              plan={plan}
              caption={t(lang, { sv: `Punkterna i ${plan.title}`, en: `The items of ${plan.title}` })}
            />
          </section>
        ))
      ) : (
        <p class="muted">{t(lang, { sv: 'Ingen handlingsplan registrerad.', en: 'No action plan registered.' })}</p>
      )}
      <h2>{t(lang, { sv: 'Senaste beslut', en: 'Latest decisions' })}</h2>
      {groups.length ? (
        groups.map((group) => {
          const decisions = latestDecisions(group, DECISIONS_PER_GROUP);
          return (
            <section aria-labelledby={`group-${group.id}`}>
              <h3 id={`group-${group.id}`}>
                <a href={`/hitta-stod/samverkan/grupp/${group.id}${suffix}`} lang="sv">
                  {group.name}
                </a>
              </h3>
              {decisions.length ? (
                <DecisionList config={config} lang={lang} decisions={decisions} />
              ) : (
                <p class="muted">{t(lang, { sv: 'Inga beslut registrerade.', en: 'No decisions registered.' })}</p>
              )}
            </section>
          );
        })
      ) : (
        <p class="muted">
          {t(lang, {
            sv: 'Ingen grupp är angiven som ägare av överenskommelsen.',
            en: 'No group is named as owner of the agreement.',
          })}
        </p>
      )}
    </Layout>,
  );
}
