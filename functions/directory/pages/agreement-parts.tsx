import type { CountyConfig } from '../../core/config/schema.js';
import { AGREEMENT_STATUSES } from '../../core/domain/vocabulary.js';
import { formatDate, t, type Lang, type Text } from '../../core/i18n.js';
import { orgName } from '../data/orgs.js';
import type { Agreement } from '../model/group.js';
import { termLabel } from '../model/vocab.js';
import type { agreementState } from '../views/agreement-state.js';

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

/** The words for a goal's direction. */
export const DIRECTIONS: Record<Agreement['goals'][number]['direction'], Text> = {
  increase: { sv: 'Öka', en: 'Increase' },
  decrease: { sv: 'Minska', en: 'Decrease' },
  maintain: { sv: 'Bibehålla', en: 'Maintain' },
};

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
