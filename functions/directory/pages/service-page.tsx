import type { Context } from 'hono';
import { publicOriginOf } from '../../core/http/origin.js';
import { CARE_LEVELS, PRINCIPALS, SUBSTANCES } from '../../core/domain/vocabulary.js';
import { notFound } from '../../core/http/problem.js';
import type { KitEnv } from '../../core/http/staff.js';
import { formatDate, resolveLang, t } from '../../core/i18n.js';
import { Layout } from '../../core/page/layout.js';
import type { DirectoryContext } from '../context.js';
import { ID_PATTERN } from '../data/ids.js';
import { termLabel } from '../model/vocab.js';
import { publicService } from '../views/public-service.js';
import { JsonLd, serviceJsonLd } from './json-ld.js';
import { MultiLine } from './multi-line.js';
import { TEXT } from './labels.js';
import { NationalLines } from './national-lines.js';
import { forWhom, referralText, servedPlaces } from './service-card.js';
import { Schedules } from './schedules.js';
import { contentLang } from '../../core/page/content-lang.js';
import { languageNames } from './service-card.js';

/** `GET /hitta-stod/tjanst/:id`: one service with contact, hours, last verified date and JSON-LD. */
export async function servicePage(c: Context<KitEnv>, ctx: DirectoryContext): Promise<Response> {
  const lang = resolveLang(c);
  const { config } = ctx.deps;
  const id = c.req.param('id') ?? '';
  const { collection } = await ctx.load();
  const found = ID_PATTERN.test(id) ? collection.services.find((s) => s.id === id) : undefined;
  if (!found) throw notFound('No such service.');
  const service = publicService(found, ctx.deps.clock.now());
  const path = `/hitta-stod/tjanst/${service.id}`;
  const origin = publicOriginOf(c, ctx.deps.publicOrigin);
  const whom = forWhom(service, lang);
  const row = (label: string, value: string) =>
    value ? (
      <>
        <dt>
          <strong>{label}</strong>
        </dt>
        <dd>{value}</dd>
      </>
    ) : null;
  return c.html(
    <Layout
      config={config}
      lang={lang}
      title={service.name}
      path={path}
      current="directory"
      nonce={c.get('secureHeadersNonce')}
      head={<JsonLd data={serviceJsonLd(service, config, `${origin}${path}`)} />}
    >
      <p>
        <a href="/hitta-stod">{t(lang, { sv: 'Tillbaka till sökningen', en: 'Back to the search' })}</a>
      </p>
      <h1 lang={contentLang('sv', lang)}>{service.name}</h1>
      {service.status !== 'active' ? <p class="tag warn">{t(lang, service.status === 'planned' ? TEXT.planned : TEXT.retired)}</p> : null}
      {service.description ? <MultiLine text={service.description} class="lead" /> : null}
      <dl>
        {row(t(lang, { sv: 'Var', en: 'Where' }), servedPlaces(service, config, lang))}
        {row(t(lang, TEXT.targetGroup), whom)}
        {row(t(lang, TEXT.substance), service.substances.map((s) => termLabel(SUBSTANCES, s, lang)).join(', '))}
        {row(t(lang, TEXT.referral), referralText(service, lang))}
        {row(t(lang, { sv: 'Huvudman', en: 'Principal' }), termLabel(PRINCIPALS, service.principal, lang))}
        {row(t(lang, { sv: 'Vårdnivå', en: 'Care level' }), service.careLevels.map((l) => termLabel(CARE_LEVELS, l, lang)).join(', '))}
        {row(t(lang, { sv: 'Språk', en: 'Languages' }), languageNames(service.languages, lang))}
        {row(t(lang, { sv: 'Drop-in', en: 'Drop-in' }), service.dropIn ? t(lang, { sv: 'Ja', en: 'Yes' }) : '')}
        {row(t(lang, { sv: 'Anonym kontakt', en: 'Anonymous contact' }), service.anonymous ? t(lang, { sv: 'Ja', en: 'Yes' }) : '')}
        {row(t(lang, { sv: 'Digital kontakt', en: 'Digital contact' }), service.digitalContact ? t(lang, { sv: 'Ja', en: 'Yes' }) : '')}
      </dl>
      <h2>{t(lang, TEXT.contact)}</h2>
      {service.phones.length || service.email || service.url ? (
        <ul>
          {service.phones.map((p) => (
            <li>
              <a href={`tel:${p.number.replace(/[^+\d]/g, '')}`}>{p.number}</a>
              {p.description ? ` – ${p.description}` : ''}
            </li>
          ))}
          {service.email ? (
            <li>
              <a href={`mailto:${service.email}`}>{service.email}</a>
            </li>
          ) : null}
          {service.url ? (
            <li>
              <a href={service.url}>{t(lang, { sv: 'Webbplats', en: 'Website' })}</a>
            </li>
          ) : null}
        </ul>
      ) : (
        <p>{t(lang, { sv: 'Kontaktuppgifter saknas ännu.', en: 'No contact details yet.' })}</p>
      )}
      {service.locations.map((l) =>
        l.confidential ? (
          <p>{t(lang, { sv: 'Adressen lämnas bara ut vid kontakt.', en: 'The address is given only on contact.' })}</p>
        ) : (
          <p>{[l.name, l.street, [l.postalCode, l.city].filter(Boolean).join(' '), l.accessibility].filter(Boolean).join(', ')}</p>
        ),
      )}
      <Schedules schedules={service.schedules} lang={lang} />
      <h2>{t(lang, TEXT.lastVerified)}</h2>
      <p>{service.verified ? formatDate(service.verified.at, lang) : t(lang, TEXT.notVerified)}</p>
      {service.source ? (
        <p class="hint">
          {t(lang, TEXT.source)}: {service.source}
        </p>
      ) : null}
      <NationalLines lang={lang} />
    </Layout>,
  );
}
