import type { Staff } from '../../core/auth/auth.js';
import type { CountyConfig } from '../../core/config/schema.js';
import { CARE_LEVELS, PRINCIPALS, TARGET_GROUPS, type Term } from '../../core/domain/vocabulary.js';
import { t, type Lang, type Text } from '../../core/i18n.js';
import { Layout } from '../../core/page/layout.js';
import { TableScroll } from '../../core/page/table-scroll.js';
import { StaffBar } from '../../core/session/staff-bar.js';
import { orgName } from '../data/orgs.js';
import { languageNames } from '../pages/service-card.js';
import type { Service } from '../model/service.js';
import { isStale } from '../views/public-service.js';
import { COLLAB_PATH } from './collab-parts.js';
import { Checkboxes, ErrorSummary, Field, FieldError, fieldId, Notice, Select, StoredVersion } from './form-parts.js';
import type { FormFieldError, ServiceFormValues } from './service-form.js';

/** The directory's staff section. */
export const SERVICES_PATH = '/personal/hitta-stod';
const PATH = SERVICES_PATH;

interface PageBase {
  readonly config: CountyConfig;
  readonly lang: Lang;
  readonly nonce?: string;
  readonly staff: Staff;
  readonly notice?: Text;
}

const STATUS_TEXT: Record<string, Text> = {
  active: { sv: 'Aktiv', en: 'Active' },
  planned: { sv: 'Planerad', en: 'Planned' },
  retired: { sv: 'Avslutad', en: 'Retired' },
};

/** The date part of a stored time, or "never". */
function day(lang: Lang, at: string | undefined): string {
  return at ? at.slice(0, 10) : t(lang, { sv: 'aldrig', en: 'never' });
}

/** Props of `ServiceListPage`. */
export interface ServiceListPageProps extends PageBase {
  readonly services: readonly (Service & { etag: string })[];
  readonly now: Date;
}

/** The services the signed-in person may edit, with when each was last checked and a "still correct" button. */
export function ServiceListPage(props: ServiceListPageProps) {
  const { lang, config } = props;
  const title = t(lang, { sv: 'Hitta stöd: våra tjänster', en: 'Find support: our services' });
  return (
    <Layout config={config} lang={lang} title={title} path={PATH} current="directory" nonce={props.nonce}>
      <StaffBar config={config} lang={lang} staff={props.staff} />
      <h1>{title}</h1>
      <Notice lang={lang} text={props.notice} />
      <p>
        {t(lang, {
          sv: 'Kontrollera uppgifterna minst var sjätte månad. Stämmer allt, tryck på Fortfarande korrekt.',
          en: 'Check the details at least every six months. If all is right, press Still correct.',
        })}
      </p>
      <p>
        <a href={`${PATH}/ny${lang === 'en' ? '?lang=en' : ''}`}>{t(lang, { sv: 'Lägg till en tjänst', en: 'Add a service' })}</a>
      </p>
      <p>
        <a href={`${COLLAB_PATH}${lang === 'en' ? '?lang=en' : ''}`}>
          {t(lang, {
            sv: 'Samverkansgrupper, överenskommelser och handlingsplaner',
            en: 'Collaboration groups, agreements and action plans',
          })}
        </a>
      </p>
      {props.services.length === 0 ? (
        <p>{t(lang, { sv: 'Inga tjänster ännu.', en: 'No services yet.' })}</p>
      ) : (
        <TableScroll lang={lang} label={t(lang, { sv: 'Tjänster', en: 'Services' })}>
          <table>
            <caption>
              {t(lang, { sv: 'Tjänster och när de senast kontrollerades', en: 'Services and when they were last checked' })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t(lang, { sv: 'Tjänst', en: 'Service' })}</th>
                <th scope="col">{t(lang, { sv: 'Organisation', en: 'Organisation' })}</th>
                <th scope="col">{t(lang, { sv: 'Status', en: 'Status' })}</th>
                <th scope="col">{t(lang, { sv: 'Senast kontrollerad', en: 'Last verified' })}</th>
                <th scope="col">{t(lang, { sv: 'Åtgärd', en: 'Action' })}</th>
              </tr>
            </thead>
            <tbody>
              {props.services.map((s) => (
                <tr>
                  <th scope="row">
                    <a href={`${PATH}/${s.id}${lang === 'en' ? '?lang=en' : ''}`}>{s.name}</a>
                  </th>
                  <td>{orgName(config, s.organizationId)}</td>
                  <td>{t(lang, STATUS_TEXT[s.status] ?? { sv: s.status, en: s.status })}</td>
                  <td>
                    {day(lang, s.verified?.at)}
                    {s.status !== 'retired' && isStale(s.verified?.at, props.now) ? (
                      <strong> {t(lang, { sv: '(behöver kontrolleras)', en: '(needs checking)' })}</strong>
                    ) : null}
                  </td>
                  <td>
                    {s.status === 'retired' ? null : (
                      <form method="post" action={`${PATH}/${s.id}/kontrollerad${lang === 'en' ? '?lang=en' : ''}`}>
                        <input type="hidden" name="etag" value={s.etag} />
                        <button
                          type="submit"
                          class="secondary"
                          aria-label={`${t(lang, { sv: 'Fortfarande korrekt', en: 'Still correct' })}: ${s.name}`}
                        >
                          {t(lang, { sv: 'Fortfarande korrekt', en: 'Still correct' })}
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Layout>
  );
}

/** Props of `ServiceEditPage`. */
export interface ServiceEditPageProps extends PageBase {
  /** The stored service (absent for a new one). */
  readonly service?: Service;
  readonly etag?: string;
  readonly values: ServiceFormValues;
  readonly errors: readonly FormFieldError[];
  /** The organisations the person may choose. */
  readonly orgs: readonly Term[];
  /** On a conflict: the version someone else stored meanwhile, as form text. */
  readonly stored?: ServiceFormValues;
}

function ServiceStoredVersion(props: { lang: Lang; config: CountyConfig; values: ServiceFormValues; href: string }) {
  const { lang, values } = props;
  const rows: [Text, string][] = [
    [{ sv: 'Namn', en: 'Name' }, values.fields.name ?? ''],
    [{ sv: 'Beskrivning', en: 'Description' }, values.fields.description ?? ''],
    [{ sv: 'Organisation', en: 'Organisation' }, orgName(props.config, values.fields.organizationId ?? '')],
    [
      { sv: 'Målgrupper', en: 'Target groups' },
      (values.lists.targetGroups ?? []).map((id) => t(lang, TARGET_GROUPS.find((g) => g.id === id) ?? { sv: id, en: id })).join(', '),
    ],
    [
      { sv: 'Vårdnivå', en: 'Care level' },
      (values.lists.careLevels ?? []).map((id) => t(lang, CARE_LEVELS.find((g) => g.id === id) ?? { sv: id, en: id })).join(', '),
    ],
    [{ sv: 'Remiss', en: 'Referral' }, values.fields.referralRequired ?? ''],
    [{ sv: 'Språk', en: 'Languages' }, languageNames(values.lists.languages ?? [], lang)],
    [{ sv: 'Telefon', en: 'Phone' }, values.fields.phones ?? ''],
    [{ sv: 'Öppettider', en: 'Opening hours' }, values.fields.schedules ?? ''],
    [
      { sv: 'Platser', en: 'Locations' },
      values.locations.map((l) => [l.name, l.street, l.postalCode, l.city].filter(Boolean).join(', ')).join(' / '),
    ],
  ];
  return <StoredVersion lang={lang} rows={rows} href={props.href} />;
}

function LocationFields(props: {
  lang: Lang;
  config: CountyConfig;
  n: number;
  values: Readonly<Record<string, string>>;
  errors: readonly FormFieldError[];
}) {
  const { lang, n, values, errors } = props;
  const name = (f: string) => `loc${n}.${f}`;
  return (
    <fieldset>
      <legend>{t(lang, { sv: `Plats ${n + 1}`, en: `Location ${n + 1}` })}</legend>
      {values.latitude ? <input type="hidden" name={name('latitude')} value={values.latitude} /> : null}
      {values.longitude ? <input type="hidden" name={name('longitude')} value={values.longitude} /> : null}
      <Field
        lang={lang}
        name={name('name')}
        label={{ sv: 'Platsens namn', en: 'Name of the place' }}
        value={values.name ?? ''}
        errors={errors}
      />
      <Field
        lang={lang}
        name={name('street')}
        label={{ sv: 'Gatuadress', en: 'Street address' }}
        value={values.street ?? ''}
        errors={errors}
      />
      <Field
        lang={lang}
        name={name('postalCode')}
        label={{ sv: 'Postnummer', en: 'Postal code' }}
        value={values.postalCode ?? ''}
        errors={errors}
      />
      <Field lang={lang} name={name('city')} label={{ sv: 'Ort', en: 'Town' }} value={values.city ?? ''} errors={errors} />
      <div class="field">
        <label for={fieldId(name('municipality'))}>{t(lang, { sv: 'Kommun', en: 'Municipality' })}</label>
        <FieldError lang={lang} field={name('municipality')} errors={errors} />
        <select id={fieldId(name('municipality'))} name={name('municipality')}>
          <option value="">{t(lang, { sv: 'Ingen vald', en: 'None chosen' })}</option>
          {props.config.municipalities.map((m) => (
            <option value={m.code} selected={values.municipality === m.code}>
              {m.name}
            </option>
          ))}
        </select>
      </div>
      <Field
        lang={lang}
        name={name('accessibility')}
        label={{ sv: 'Tillgänglighet', en: 'Accessibility' }}
        value={values.accessibility ?? ''}
        errors={errors}
        multiline
      />
      <div class="choice">
        <input
          type="checkbox"
          id={fieldId(name('confidential'))}
          name={name('confidential')}
          value="on"
          checked={Boolean(values.confidential)}
          aria-describedby={`${fieldId(name('confidential'))}-hint`}
        />
        <label for={fieldId(name('confidential'))}>{t(lang, { sv: 'Skyddad adress', en: 'Confidential address' })}</label>
        <p class="hint" id={`${fieldId(name('confidential'))}-hint`}>
          {t(lang, {
            sv: 'Adressen visas bara här, aldrig för allmänheten eller i det öppna API:t (bara kommunen).',
            en: 'The address is shown only here, never to the public or in the open API (only the municipality).',
          })}
        </p>
      </div>
    </fieldset>
  );
}

/** Create or edit one service: every field the form offers, errors next to fields, and on a conflict both versions. */
export function ServiceEditPage(props: ServiceEditPageProps) {
  const { lang, config, values, errors } = props;
  const service = props.service;
  const title = service
    ? t(lang, { sv: `Ändra: ${service.name}`, en: `Edit: ${service.name}` })
    : t(lang, { sv: 'Lägg till en tjänst', en: 'Add a service' });
  const q = lang === 'en' ? '?lang=en' : '';
  const action = service ? `${PATH}/${service.id}${q}` : `${PATH}/ny${q}`;
  const f = (name: string) => values.fields[name] ?? '';
  const languages = config.languages.map((id) => ({ id, sv: languageNames([id], 'sv'), en: languageNames([id], 'en') }));
  const municipalities = config.municipalities.map((m) => ({ id: m.code, sv: m.name, en: m.name }));
  const referral: Term[] = [
    { id: '', sv: 'Uppgift saknas', en: 'Not stated' },
    { id: 'yes', sv: 'Ja, remiss krävs', en: 'Yes, a referral is needed' },
    { id: 'no', sv: 'Nej, ingen remiss', en: 'No referral needed' },
  ];
  return (
    <Layout
      config={config}
      lang={lang}
      title={title}
      path={service ? `${PATH}/${service.id}` : `${PATH}/ny`}
      current="directory"
      nonce={props.nonce}
    >
      <StaffBar config={config} lang={lang} staff={props.staff} />
      <p>
        <a href={`${PATH}${q}`}>{t(lang, { sv: 'Tillbaka till tjänsterna', en: 'Back to the services' })}</a>
      </p>
      <h1>{title}</h1>
      <Notice lang={lang} text={props.notice} />
      <ErrorSummary lang={lang} errors={errors} />
      {props.stored && service ? (
        <ServiceStoredVersion lang={lang} config={config} values={props.stored} href={`${PATH}/${service.id}${q}`} />
      ) : null}
      <form method="post" action={action} novalidate>
        {props.etag ? <input type="hidden" name="etag" value={props.etag} /> : null}
        {props.stored ? <h2>{t(lang, { sv: 'Din version', en: 'Your version' })}</h2> : null}
        <Field lang={lang} name="name" label={{ sv: 'Namn', en: 'Name' }} value={f('name')} errors={errors} required />
        <Field
          lang={lang}
          name="description"
          label={{ sv: 'Beskrivning', en: 'Description' }}
          value={f('description')}
          errors={errors}
          multiline
        />
        <Select
          lang={lang}
          name="organizationId"
          label={{ sv: 'Organisation', en: 'Organisation' }}
          options={props.orgs}
          value={f('organizationId')}
          errors={errors}
        />
        <Select
          lang={lang}
          name="principal"
          label={{ sv: 'Huvudman', en: 'Principal' }}
          options={PRINCIPALS}
          value={f('principal')}
          errors={errors}
        />
        <Checkboxes
          lang={lang}
          name="targetGroups"
          legend={{ sv: 'Målgrupper', en: 'Target groups' }}
          options={TARGET_GROUPS}
          checked={values.lists.targetGroups ?? []}
          errors={errors}
        />
        <Checkboxes
          lang={lang}
          name="careLevels"
          legend={{ sv: 'Vårdnivå', en: 'Care level' }}
          options={CARE_LEVELS}
          checked={values.lists.careLevels ?? []}
          errors={errors}
        />
        <Select
          lang={lang}
          name="referralRequired"
          label={{ sv: 'Krävs remiss?', en: 'Is a referral needed?' }}
          options={referral}
          value={f('referralRequired')}
          errors={errors}
        />
        <Checkboxes
          lang={lang}
          name="languages"
          legend={{ sv: 'Språk', en: 'Languages' }}
          options={languages}
          checked={values.lists.languages ?? []}
          errors={errors}
        />
        <Checkboxes
          lang={lang}
          name="municipalities"
          legend={{ sv: 'För invånare i', en: 'For residents of' }}
          options={municipalities}
          checked={values.lists.municipalities ?? []}
          errors={errors}
        />
        <Field
          lang={lang}
          name="phones"
          label={{ sv: 'Telefon', en: 'Phone' }}
          hint={{
            sv: 'Ett nummer per rad; vad det är till efter |, till exempel 063-14 30 00 | Växel.',
            en: 'One number per line; what it is for after |, e.g. 063-14 30 00 | Switchboard.',
          }}
          value={f('phones')}
          errors={errors}
          multiline
        />
        <Field
          lang={lang}
          name="schedules"
          label={{ sv: 'Öppettider', en: 'Opening hours' }}
          hint={{
            sv: 'En tid per rad: dagar (MO TU WE TH FR SA SU, t.ex. MO-FR eller MO,WE), tid och slag (visiting = besök, phone = telefon, drop-in), till exempel MO-FR 08:00-16:30 visiting. Gäller tiden bara en period (t.ex. sommar), lägg till datum: MO-FR 09:00-15:00 visiting 2026-06-22..2026-08-14.',
            en: 'One time per line: days (MO TU WE TH FR SA SU, e.g. MO-FR or MO,WE), time and kind (visiting, phone, drop-in), e.g. MO-FR 08:00-16:30 visiting. For a time that holds only for a period (e.g. summer), add dates: MO-FR 09:00-15:00 visiting 2026-06-22..2026-08-14.',
          }}
          value={f('schedules')}
          errors={errors}
          multiline
        />
        <Field lang={lang} name="email" label={{ sv: 'E-post', en: 'E-mail' }} value={f('email')} errors={errors} />
        <Field lang={lang} name="url" label={{ sv: 'Webbplats', en: 'Website' }} value={f('url')} errors={errors} />
        <h2>{t(lang, { sv: 'Platser', en: 'Locations' })}</h2>
        {[...values.locations, {}].map((l, n) => (
          <LocationFields lang={lang} config={config} n={n} values={l} errors={errors} />
        ))}
        <p>
          <button type="submit">
            {props.stored
              ? t(lang, { sv: 'Spara min version', en: 'Save my version' })
              : service
                ? t(lang, { sv: 'Spara ändringarna', en: 'Save the changes' })
                : t(lang, { sv: 'Lägg till tjänsten', en: 'Add the service' })}
          </button>
        </p>
      </form>
      {service && service.status !== 'retired' && props.etag ? (
        <form method="post" action={`${PATH}/${service.id}/avsluta${q}`}>
          <input type="hidden" name="etag" value={props.etag} />
          <h2>{t(lang, { sv: 'Avsluta tjänsten', en: 'Retire the service' })}</h2>
          <p>
            {t(lang, {
              sv: 'En avslutad tjänst visas inte längre för allmänheten. Historiken finns kvar.',
              en: 'A retired service is no longer shown to the public. Its history is kept.',
            })}
          </p>
          <p>
            <button type="submit" class="secondary">
              {t(lang, { sv: 'Avsluta tjänsten', en: 'Retire the service' })}
            </button>
          </p>
        </form>
      ) : null}
    </Layout>
  );
}
