import type { CountyConfig } from '../../core/config/schema.js';
import { SUBSTANCES, TARGET_GROUPS } from '../../core/domain/vocabulary.js';
import { t, type Lang } from '../../core/i18n.js';
import type { Service } from '../model/service.js';
import { termLabel } from '../model/vocab.js';
import { TEXT } from './labels.js';
import { contentLang } from '../../core/page/content-lang.js';

/** Language codes as names in the page language ("sv, fi" → "svenska, finska"). */
export function languageNames(codes: readonly string[], lang: Lang): string {
  const names = new Intl.DisplayNames([lang === 'sv' ? 'sv-SE' : 'en-GB'], { type: 'language' });
  return codes.map((code) => names.of(code) ?? code).join(', ');
}

/** Whether a referral is needed, in words. */
export function referralText(service: Service, lang: Lang): string {
  return t(lang, service.referralRequired === false ? TEXT.referralNo : service.referralRequired ? TEXT.referralYes : TEXT.referralUnknown);
}

/** For whom, in words: target groups and age range. */
export function forWhom(service: Service, lang: Lang): string {
  const groups = service.targetGroups.map((g) => termLabel(TARGET_GROUPS, g, lang));
  const ages =
    service.minimumAge !== undefined && service.maximumAge !== undefined
      ? t(lang, { sv: `${service.minimumAge}–${service.maximumAge} år`, en: `ages ${service.minimumAge}–${service.maximumAge}` })
      : service.maximumAge !== undefined
        ? t(lang, { sv: `till och med ${service.maximumAge} år`, en: `up to ${service.maximumAge}` })
        : service.minimumAge !== undefined
          ? t(lang, { sv: `från ${service.minimumAge} år`, en: `from ${service.minimumAge}` })
          : (service.ageNote ?? '');
  return [...groups, ages].filter(Boolean).join(', ');
}

/** Where a service is offered, in words. */
export function servedPlaces(service: Service, config: CountyConfig, lang: Lang): string {
  if (service.municipalities.length === 0) return t(lang, { sv: `Hela ${config.name}`, en: `All of ${config.name}` });
  return config.municipalities
    .filter((m) => service.municipalities.includes(m.code))
    .map((m) => m.name)
    .join(', ');
}

/** One service in a result list: what, for whom, how to get in touch, whether a referral is needed. */
export function ServiceCard(props: { service: Service; config: CountyConfig; lang: Lang; href: string }) {
  const { service, config, lang } = props;
  const whom = forWhom(service, lang);
  return (
    <li class="card">
      <h3 lang={contentLang('sv', lang)}>
        <a href={props.href}>{service.name}</a>
      </h3>
      {service.status !== 'active' ? <p class="tag warn">{t(lang, service.status === 'planned' ? TEXT.planned : TEXT.retired)}</p> : null}
      {service.description ? (
        <p class="description" lang={contentLang('sv', lang)}>
          {service.description}
        </p>
      ) : null}
      <dl>
        <dt>
          <strong>{t(lang, { sv: 'Var', en: 'Where' })}</strong>
        </dt>
        <dd>{servedPlaces(service, config, lang)}</dd>
        {whom ? (
          <>
            <dt>
              <strong>{t(lang, TEXT.targetGroup)}</strong>
            </dt>
            <dd>{whom}</dd>
          </>
        ) : null}
        {service.substances.length ? (
          <>
            <dt>
              <strong>{t(lang, TEXT.substance)}</strong>
            </dt>
            <dd>{service.substances.map((s) => termLabel(SUBSTANCES, s, lang)).join(', ')}</dd>
          </>
        ) : null}
        <dt>
          <strong>{t(lang, TEXT.referral)}</strong>
        </dt>
        <dd>{referralText(service, lang)}</dd>
        {service.phones.length ? (
          <>
            <dt>
              <strong>{t(lang, TEXT.contact)}</strong>
            </dt>
            <dd>
              <ul class="inline-list">
                {service.phones.map((p) => (
                  <li>
                    <a href={`tel:${p.number.replace(/[^+\d]/g, '')}`}>{p.number}</a>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
    </li>
  );
}
