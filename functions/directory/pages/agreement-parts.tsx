import type { CountyConfig } from '../../core/config/schema.js';
import { AGREEMENT_STATUSES } from '../../core/domain/vocabulary.js';
import { formatDate, t, type Lang, type Text } from '../../core/i18n.js';
import { orgName } from '../data/orgs.js';
import { formatValue } from '../../core/domain/indicator-format.js';
import type { Agreement } from '../model/group.js';
import { termLabel } from '../model/vocab.js';
import type { agreementState } from '../views/agreement-state.js';
import { goalAimText, type GoalStatus, type LatestFigure, type Met } from '../views/report.js';

/** An agreement with its state, as the public pages show it. */
export type PageAgreement = Agreement & ReturnType<typeof agreementState>;

/** A stored calendar date as people read it. */
export const dayText = (date: string, lang: Lang) => formatDate(`${date}T12:00:00+01:00`, lang);

/** What an agreement without an end date says: until further notice once adopted, not yet before. */
export function openEndText(a: Pick<PageAgreement, 'phase'>, lang: Lang): string {
  return a.phase === 'under-utarbetande' || a.phase === 'pa-remiss'
    ? t(lang, { sv: 'Ej i kraft än', en: 'Not yet in force' })
    : t(lang, { sv: 'Tills vidare', en: 'Until further notice' });
}

const MET_TEXT: Record<'true' | 'false' | 'null', Text> = {
  true: { sv: 'Uppnått', en: 'Met' },
  false: { sv: 'Ej uppnått', en: 'Not met' },
  null: { sv: 'Kan inte bedömas', en: 'Cannot be judged' },
};

/** Whether a goal is met, as a tag: met, not met (marked) or cannot be judged. */
export function MetTag(props: { lang: Lang; met: Met }) {
  return (
    <span class={props.met === false ? 'tag warn' : 'tag'}>{t(props.lang, MET_TEXT[String(props.met) as 'true' | 'false' | 'null'])}</span>
  );
}

/** A released figure as the pages show it: the value as published, `..` when hidden, or not released. */
export function releasedText(latest: Pick<LatestFigure, 'value'> | undefined, unit: string, lang: Lang): string {
  return latest === undefined
    ? t(lang, { sv: 'Ej publicerad', en: 'Not released' })
    : latest.value === null
      ? t(lang, { sv: '.. (dold)', en: '.. (hidden)' })
      : formatValue(latest.value, unit, lang);
}

/**
 * The goals of an agreement, each indicator with the goal in words ("Mål: ska öka (från 2015-Q1: 12)"),
 * the latest released figure and whether it meets the goal.
 */
export function GoalList(props: { lang: Lang; statuses: readonly GoalStatus[]; from: string | undefined }) {
  const { lang, statuses, from } = props;
  return (
    <ul id="goals">
      {statuses.map(({ goal, figures }) => (
        <li>
          <span lang="sv">{goal.text}</span>
          <ul>
            {figures.map((f) => {
              const unit = f.definition?.unit ?? 'count';
              return (
                <li data-indicator={f.indicator}>
                  {f.definition ? f.definition[lang] : f.indicator}. {t(lang, { sv: 'Mål', en: 'Goal' })}:{' '}
                  {t(lang, goalAimText(goal, unit, f.baseline, from))}. {t(lang, { sv: 'Senaste värde', en: 'Latest value' })}
                  {f.latest ? ` ${f.latest.period}` : ''}: {releasedText(f.latest, unit, lang)}. <MetTag lang={lang} met={f.met} />
                </li>
              );
            })}
          </ul>
        </li>
      ))}
    </ul>
  );
}

/** The agreement's page and its report page (`id` of the agreement, `lang` kept). */
export function agreementHref(id: string, lang: Lang, report = false): string {
  return `/hitta-stod/samverkan/overenskommelse/${id}${report ? '/rapport' : ''}${lang === 'en' ? '?lang=en' : ''}`;
}

/** What an agreement is: status since when, validity, review date, owner, parties with roles, document. */
export function AgreementFacts(props: { config: CountyConfig; lang: Lang; agreement: PageAgreement }) {
  const { config, lang, agreement: a } = props;
  const parties = a.parties
    .map((o) => {
      const roles = a.partyRoles.filter((r) => r.organization === o).map((r) => r.role);
      return roles.length ? `${orgName(config, o)} (${roles.join(', ')})` : orgName(config, o);
    })
    .join('; ');
  const since = a.lifecycle.at(-1)?.date;
  const facts: [Text, string | undefined][] = [
    [
      { sv: 'Status', en: 'Status' },
      a.phase
        ? `${termLabel(AGREEMENT_STATUSES, a.phase, lang)}${since ? ` (${t(lang, { sv: 'sedan', en: 'since' })} ${dayText(since, lang)})` : ''}`
        : undefined,
    ],
    [{ sv: 'Gäller från', en: 'Valid from' }, a.starts ? dayText(a.starts, lang) : undefined],
    [
      { sv: 'Gäller till', en: 'Valid until' },
      a.ends ? `${dayText(a.ends, lang)}${a.expired ? ` (${t(lang, { sv: 'har upphört', en: 'expired' })})` : ''}` : openEndText(a, lang),
    ],
    [{ sv: 'Revideras senast', en: 'Review by' }, a.reviewDate ? dayText(a.reviewDate, lang) : undefined],
    [{ sv: 'Ägare', en: 'Owner' }, a.owner ? orgName(config, a.owner) : undefined],
    [{ sv: 'Parter', en: 'Parties' }, parties || undefined],
  ];
  return (
    <dl class="facts">
      {facts.map(([label, value]) =>
        value ? (
          <>
            <dt>{t(lang, label)}</dt>
            <dd>{value}</dd>
          </>
        ) : null,
      )}
      {a.documentUrl ? (
        <>
          <dt>{t(lang, { sv: 'Dokument', en: 'Document' })}</dt>
          <dd>
            <a href={a.documentUrl}>{t(lang, { sv: 'Överenskommelsen i sin helhet', en: 'The full agreement' })}</a>
          </dd>
        </>
      ) : null}
    </dl>
  );
}
