import { AGREEMENT_STATUSES } from '../../core/domain/vocabulary.js';
import { t, type Text } from '../../core/i18n.js';
import { orgName } from '../data/orgs.js';
import type { Agreement } from '../model/group.js';
import { termLabel } from '../model/vocab.js';
import { goalRows } from './agreement-form.js';
import type { CollabFormValues } from './collab-form.js';
import { COLLAB_PATH as PATH, CollabFormPage, DATE_HINT, NONE, orgOptions, OrgRoles, type CollabPageBase } from './collab-parts.js';
import { Field, Select } from './form-parts.js';
import type { FormFieldError } from './service-form.js';

/** Props of `AgreementEditPage`. */
export interface AgreementEditPageProps extends CollabPageBase {
  readonly agreement?: Agreement;
  readonly etag?: string;
  readonly values: CollabFormValues;
  readonly errors: readonly FormFieldError[];
  /** The area's indicators a goal may follow. */
  readonly indicators: readonly { id: string; sv: string; en: string }[];
  readonly stored?: CollabFormValues;
}

const DIRECTIONS = [
  { id: 'increase', sv: 'Öka', en: 'Increase' },
  { id: 'decrease', sv: 'Minska', en: 'Decrease' },
  { id: 'maintain', sv: 'Behålla', en: 'Maintain' },
];

function agreementRows(props: AgreementEditPageProps, v: CollabFormValues): [Text, string][] {
  const { config, lang } = props;
  const f = v.fields;
  const goals = [];
  for (let n = 0; `g${n}.text` in f; n++)
    goals.push(
      `${f[`g${n}.text`]}: ${f[`g${n}.indicator`]} ${f[`g${n}.target`] || `${t(lang, { sv: 'från', en: 'from' })} ${f[`g${n}.baseline`] || '–'}`} (${f[`g${n}.direction`]})`,
    );
  return [
    [{ sv: 'Namn', en: 'Title' }, f.title ?? ''],
    [{ sv: 'Ägare', en: 'Owner' }, f.owner ? orgName(config, f.owner) : ''],
    [{ sv: 'Parter', en: 'Parties' }, v.orgs.map((o) => `${orgName(config, o)}${f[`role.${o}`] ? ` (${f[`role.${o}`]})` : ''}`).join('\n')],
    [{ sv: 'Gäller', en: 'Valid' }, `${f.starts ?? ''} – ${f.ends || t(lang, { sv: 'tills vidare', en: 'until further notice' })}`],
    [{ sv: 'Revideras', en: 'Review' }, f.reviewDate ?? ''],
    [{ sv: 'Dokument', en: 'Document' }, f.documentUrl ?? ''],
    [{ sv: 'Mål', en: 'Goals' }, goals.join('\n')],
  ];
}

/** Create or edit an agreement: dated status changes, validity, review, owner, parties with roles, document, goals. */
export function AgreementEditPage(props: AgreementEditPageProps) {
  const { lang, config, values, errors, agreement } = props;
  const f = (name: string) => values.fields[name] ?? '';
  const title = agreement
    ? t(lang, { sv: `Ändra överenskommelse: ${agreement.title}`, en: `Edit agreement: ${agreement.title}` })
    : t(lang, { sv: 'Lägg till en överenskommelse', en: 'Add an agreement' });
  const path = agreement ? `${PATH}/overenskommelser/${agreement.id}` : `${PATH}/overenskommelser/ny`;
  const indicators = [{ id: '', ...NONE }, ...props.indicators];
  return (
    <CollabFormPage
      {...props}
      title={title}
      path={path}
      back={{ href: PATH, text: { sv: 'Tillbaka till samverkan', en: 'Back to collaboration' } }}
      stored={props.stored ? agreementRows(props, props.stored) : undefined}
      submit={
        agreement
          ? { sv: 'Spara överenskommelsen', en: 'Save the agreement' }
          : { sv: 'Lägg till överenskommelsen', en: 'Add the agreement' }
      }
    >
      <Field lang={lang} name="title" label={{ sv: 'Namn', en: 'Title' }} value={f('title')} errors={errors} required />
      <Select
        lang={lang}
        name="owner"
        label={{ sv: 'Ägare (ansvarar för revideringen)', en: 'Owner (responsible for the review)' }}
        options={orgOptions(config, NONE)}
        value={f('owner')}
        errors={errors}
      />
      <OrgRoles
        lang={lang}
        config={config}
        name="parties"
        legend={{ sv: 'Parter och deras roll', en: 'Parties and their role' }}
        roleLabel={{ sv: 'Roll', en: 'Role' }}
        checked={values.orgs}
        fields={values.fields}
        errors={errors}
      />
      <Field
        lang={lang}
        name="starts"
        label={{ sv: 'Gäller från', en: 'Valid from' }}
        hint={DATE_HINT}
        value={f('starts')}
        errors={errors}
      />
      <Field
        lang={lang}
        name="ends"
        label={{ sv: 'Gäller till', en: 'Valid until' }}
        hint={{ sv: 'ÅÅÅÅ-MM-DD; tomt betyder tills vidare.', en: 'YYYY-MM-DD; empty means until further notice.' }}
        value={f('ends')}
        errors={errors}
      />
      <Field
        lang={lang}
        name="reviewDate"
        label={{ sv: 'Revideras senast', en: 'Review by' }}
        hint={DATE_HINT}
        value={f('reviewDate')}
        errors={errors}
      />
      <Field
        lang={lang}
        name="documentUrl"
        label={{ sv: 'Länk till dokumentet', en: 'Link to the document' }}
        value={f('documentUrl')}
        errors={errors}
      />
      <Field lang={lang} name="note" label={{ sv: 'Anteckning', en: 'Note' }} value={f('note')} errors={errors} multiline />
      <fieldset>
        <legend>{t(lang, { sv: 'Status', en: 'Status' })}</legend>
        {agreement?.lifecycle.length ? (
          <ul>
            {agreement.lifecycle.map((s) => (
              <li>
                {s.date}: {termLabel(AGREEMENT_STATUSES, s.status, lang)}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t(lang, { sv: 'Ingen status registrerad ännu.', en: 'No status recorded yet.' })}</p>
        )}
        <Select
          lang={lang}
          name="newStatus"
          label={{ sv: 'Ny status (valfritt)', en: 'New status (optional)' }}
          options={[{ id: '', sv: 'Ingen ändring', en: 'No change' }, ...AGREEMENT_STATUSES]}
          value={f('newStatus')}
          errors={errors}
        />
        <Field
          lang={lang}
          name="statusDate"
          label={{ sv: 'Datum för den nya statusen', en: 'Date of the new status' }}
          hint={DATE_HINT}
          value={f('statusDate')}
          errors={errors}
        />
      </fieldset>
      <h2>{t(lang, { sv: 'Mål och mått', en: 'Goals and measures' })}</h2>
      <p class="hint">
        {t(lang, {
          sv: 'Ett tömt mål tas bort. Målet följs med en indikator från Uppföljning.',
          en: 'A goal emptied is removed. The goal is followed with an indicator of Follow-up.',
        })}
      </p>
      {Array.from({ length: goalRows(values) }, (_, n) => (
        // a group, not a fieldset: a fieldset grows to its widest option and breaks the 320 px reflow
        <div role="group" aria-labelledby={`goal-${n}`}>
          <h3 id={`goal-${n}`}>{t(lang, { sv: `Mål ${n + 1}`, en: `Goal ${n + 1}` })}</h3>
          {f(`g${n}.more`) ? <input type="hidden" name={`g${n}.more`} value={f(`g${n}.more`)} /> : null}
          <Field lang={lang} name={`g${n}.text`} label={{ sv: 'Mål', en: 'Goal' }} value={f(`g${n}.text`)} errors={errors} />
          <Select
            lang={lang}
            name={`g${n}.indicator`}
            label={{ sv: 'Indikator', en: 'Indicator' }}
            options={indicators}
            value={f(`g${n}.indicator`)}
            errors={errors}
          />
          <Field
            lang={lang}
            name={`g${n}.target`}
            label={{ sv: 'Målvärde (om överenskommelsen anger ett)', en: 'Target (if the agreement sets one)' }}
            hint={{
              sv: 'Tomt: målet anger bara riktning och bedöms mot utgångsperioden.',
              en: 'Empty: the goal states only a direction and is judged against the baseline period.',
            }}
            value={f(`g${n}.target`)}
            errors={errors}
          />
          <Select
            lang={lang}
            name={`g${n}.direction`}
            label={{ sv: 'Riktning', en: 'Direction' }}
            options={DIRECTIONS}
            value={f(`g${n}.direction`)}
            errors={errors}
          />
          <Field
            lang={lang}
            name={`g${n}.baseline`}
            label={{ sv: 'Utgångsperiod (mål utan målvärde)', en: 'Baseline period (goal without a target)' }}
            hint={{
              sv: 'Till exempel 2015-Q1. Tomt: första publicerade perioden sedan överenskommelsen började gälla.',
              en: 'E.g. 2015-Q1. Empty: the first period released since the agreement applies.',
            }}
            value={f(`g${n}.baseline`)}
            errors={errors}
          />
        </div>
      ))}
    </CollabFormPage>
  );
}
