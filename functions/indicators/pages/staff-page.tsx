import type { Staff } from '../../core/auth/auth.js';
import type { CountyConfig, IndicatorDefinition } from '../../core/config/schema.js';
import type { FieldError } from '../../core/http/problem.js';
import { formatDateTime, t, type Lang, type Text } from '../../core/i18n.js';
import { Layout } from '../../core/page/layout.js';
import { TableScroll } from '../../core/page/table-scroll.js';
import { StaffBar } from '../../core/session/staff-bar.js';
import { organisationName } from '../csv/export.js';
import { cellKey, TOTAL, type Category, type Dimension, DIMENSION_LABELS } from '../model/cells.js';
import { COUNTING_TEXT, definitionLines } from '../model/definition.js';
import { isMunicipality, RESIDENCE_PREFIX } from '../model/single-reporter.js';
import type { CellValues, StoredReport } from '../model/report.js';

/** The staff section of the indicators service. */
export const STAFF_PATH = '/personal/uppfoljning';
/** The admins' part: who has reported, reported against released, and the release button. */
export const RELEASE_PATH = `${STAFF_PATH}/publicering`;

const UNIT_TEXT: Record<IndicatorDefinition['unit'], Text> = {
  count: { sv: 'antal (heltal)', en: 'count (whole number)' },
  percent: { sv: 'procent (0–100)', en: 'percent (0–100)' },
  days: { sv: 'dagar', en: 'days' },
  ratio: { sv: 'kvot', en: 'ratio' },
};

const STATUS_TEXT: Record<'none' | 'reported' | 'not-applicable', Text> = {
  none: { sv: 'Inte rapporterat', en: 'Not reported' },
  reported: { sv: 'Rapporterat', en: 'Reported' },
  'not-applicable': { sv: 'Inte tillämplig', en: 'Not applicable' },
};

/** What was typed into one indicator's form (kept after an error). */
export type Typed = Readonly<Record<string, string>>;

/** One indicator's row on the page: its definition, the stored report and, after a failed post, what was typed. */
export interface ReportItem {
  readonly def: IndicatorDefinition;
  readonly stored?: { readonly report: StoredReport; readonly etag: string };
  readonly typed?: Typed;
  readonly errors?: readonly FieldError[];
  /** Set when someone else changed the report since the form was opened. */
  readonly conflict?: boolean;
}

/** Props of `ReportPage`. */
export interface ReportPageProps {
  readonly config: CountyConfig;
  readonly lang: Lang;
  readonly nonce?: string;
  readonly staff: Staff;
  readonly period: string;
  readonly org: string;
  /** Organisations the viewer may choose (admins: all; editors: their own). */
  readonly orgs: readonly string[];
  readonly categories: Record<Dimension, readonly Category[]>;
  readonly items: readonly ReportItem[];
  readonly notice?: Text;
}

/** The form field name of a report field (`value`, `breakdown.gender.K`, `denominator`). */
const fieldId = (indicator: string, field: string) => `${indicator}--${field.replace(/[^a-zA-Z0-9-]/g, '-')}`;

function FieldErrorText(props: { lang: Lang; id: string; errors: readonly FieldError[] }) {
  if (props.errors.length === 0) return null;
  return (
    <p class="error-message" id={`${props.id}-error`}>
      <span class="visually-hidden">{t(props.lang, { sv: 'Fel:', en: 'Error:' })}</span>{' '}
      {props.errors.map((e) => (props.lang === 'sv' && e.sv ? e.sv : e.message)).join(' ')}
    </p>
  );
}

const show = (n: number | undefined) => (n === undefined ? '' : String(n));

function NumberField(props: { lang: Lang; indicator: string; field: string; label: string; value: string; errors: readonly FieldError[] }) {
  const id = fieldId(props.indicator, props.field);
  const mine = props.errors.filter((e) => e.field === props.field);
  return (
    <p class="field">
      <label for={id}>{props.label}</label>
      <FieldErrorText lang={props.lang} id={id} errors={mine} />
      <input
        type="text"
        inputmode="decimal"
        id={id}
        name={props.field}
        value={props.value}
        size={8}
        aria-invalid={mine.length ? 'true' : undefined}
        aria-describedby={mine.length ? `${id}-error` : undefined}
      />
    </p>
  );
}

/** The stored figures in words, for the history, the conflict box and the upload preview. */
export function figures(
  lang: Lang,
  def: IndicatorDefinition,
  categories: Record<Dimension, readonly Category[]>,
  status: string,
  cells: CellValues,
) {
  if (status === 'not-applicable') return t(lang, STATUS_TEXT['not-applicable']);
  const parts = [`${t(lang, DIMENSION_LABELS.total)} ${show(cells[TOTAL]) || '–'}`];
  for (const d of def.breakdown)
    for (const c of categories[d]) {
      const v = cells[cellKey(d, c.code)];
      if (v !== undefined) parts.push(`${t(lang, c)} ${v}`);
    }
  return parts.join(', ');
}

function ReportForm(props: ReportPageProps & { item: ReportItem }) {
  const { lang, item, categories } = props;
  const { def } = item;
  const current = item.stored?.report.current;
  const errors = item.errors ?? [];
  const typed = item.typed;
  const val = (field: string, key: string, stored?: CellValues) => (typed ? (typed[field] ?? '') : show(stored?.[key]));
  const status = typed?.status ?? current?.status ?? 'reported';
  const action = `${STAFF_PATH}/rapport/${encodeURIComponent(def.id)}/${encodeURIComponent(props.period)}/${encodeURIComponent(props.org)}`;
  const h = `h-${def.id}`;
  const totals: [string, Text, CellValues | undefined][] = [['value', { sv: 'Totalt', en: 'Total' }, current?.cells]];
  if (def.unit !== 'count' && !def.weight)
    totals.push(['denominator', { sv: 'Antal personer bakom siffran', en: 'Number of persons behind the figure' }, current?.denominators]);
  const single = def.counting === 'single-reporter';
  if (single)
    totals.push([
      'participated',
      {
        sv: 'Deltog i (kallad av den andra parten, visas bara för personal)',
        en: 'Took part in (convened by the other party, staff only)',
      },
      current?.participated === undefined ? undefined : { [TOTAL]: current.participated },
    ]);
  const otherErrors = errors.filter(
    (e) => !['value', 'denominator', 'participated', 'reason'].includes(e.field) && !e.field.startsWith('breakdown.'),
  );
  return (
    <section class="card" aria-labelledby={h} id={`ind-${def.id}`}>
      <h2 id={h}>{t(lang, def)}</h2>
      <p>
        <span class="tag">
          {t(lang, { sv: 'Enhet', en: 'Unit' })}: {t(lang, UNIT_TEXT[def.unit])}
        </span>{' '}
        <span class="tag">{t(lang, current ? STATUS_TEXT[current.status] : STATUS_TEXT.none)}</span>
      </p>
      <p class="hint" id={`${h}-rule`}>
        <strong>{t(lang, { sv: 'Räkneregel', en: 'Counting rule' })}:</strong> {t(lang, COUNTING_TEXT[def.counting])}
      </p>
      <details>
        <summary>{t(lang, { sv: 'Definition och räkneregel', en: 'Definition and counting rule' })}</summary>
        <dl>
          {definitionLines(def, lang).map((l) => (
            <>
              <dt>{l.label}</dt>
              <dd>{l.text}</dd>
            </>
          ))}
        </dl>
      </details>
      {item.conflict && current ? (
        <div class="notice warn" role="alert">
          <p>
            {t(lang, {
              sv: 'Någon annan ändrade rapporten medan du skrev. Det sparade är:',
              en: 'Someone else changed the report while you were typing. What is stored:',
            })}{' '}
            <strong>{figures(lang, def, categories, current.status, current.cells)}</strong> ({current.reportedBy},{' '}
            {formatDateTime(current.reportedAt, lang)}).
          </p>
          <p>
            {t(lang, {
              sv: 'Dina siffror står kvar i formuläret. Spara igen för att behålla dem, eller ',
              en: 'Your figures are still in the form. Save again to keep them, or ',
            })}
            <a href={`${STAFF_PATH}?${new URLSearchParams({ period: props.period, org: props.org, lang })}#ind-${def.id}`}>
              {t(lang, { sv: 'ta det sparade', en: 'take the stored one' })}
            </a>
            .
          </p>
        </div>
      ) : null}
      {otherErrors.length ? <FieldErrorText lang={lang} id={fieldId(def.id, 'form')} errors={otherErrors} /> : null}
      <form method="post" action={`${action}?lang=${lang}`}>
        <input type="hidden" name="etag" value={item.stored?.etag ?? ''} />
        <fieldset>
          <legend>{t(lang, { sv: 'Gäller indikatorn er organisation?', en: 'Does the indicator apply to your organisation?' })}</legend>
          <label>
            <input type="radio" name="status" value="reported" checked={status === 'reported'} />{' '}
            {t(lang, { sv: 'Ja, vi rapporterar siffror', en: 'Yes, we report figures' })}
          </label>{' '}
          <label>
            <input type="radio" name="status" value="not-applicable" checked={status === 'not-applicable'} />{' '}
            {t(lang, { sv: 'Nej, inte tillämplig (inte samma sak som noll)', en: 'No, not applicable (not the same as zero)' })}
          </label>
        </fieldset>
        <p class="hint">
          {t(lang, {
            sv: 'Ett tomt fält betyder "inte rapporterat". Skriv 0 när det verkligen är noll.',
            en: 'An empty field means "not reported". Enter 0 when it really is zero.',
          })}
        </p>
        {totals.map(([field, label, stored]) => (
          <NumberField
            lang={lang}
            indicator={def.id}
            field={field}
            label={t(lang, label)}
            value={val(field, TOTAL, stored)}
            errors={errors}
          />
        ))}
        {def.breakdown.map((d) => (
          <fieldset id={fieldId(def.id, `breakdown.${d}`)}>
            <legend>{t(lang, DIMENSION_LABELS[d])}</legend>
            <FieldErrorText
              lang={lang}
              id={fieldId(def.id, `breakdown.${d}`)}
              errors={errors.filter((e) => e.field === `breakdown.${d}`)}
            />
            {categories[d].map((c) => (
              <NumberField
                lang={lang}
                indicator={def.id}
                field={`breakdown.${d}.${c.code}`}
                label={t(lang, c)}
                value={val(`breakdown.${d}.${c.code}`, cellKey(d, c.code), current?.cells)}
                errors={errors}
              />
            ))}
          </fieldset>
        ))}
        {def.unit === 'count' && def.aggregate === 'sum' && !isMunicipality(props.config, props.org) ? (
          <details open={errors.some((e) => e.field.startsWith('breakdown.residence')) || undefined}>
            <summary>{t(lang, { sv: 'Fördela på hemkommun (frivilligt)', en: 'Split by municipality of residence (optional)' })}</summary>
            <fieldset id={fieldId(def.id, 'breakdown.residence')}>
              <legend>{t(lang, { sv: 'Hemkommun', en: 'Municipality of residence' })}</legend>
              <FieldErrorText
                lang={lang}
                id={fieldId(def.id, 'breakdown.residence')}
                errors={errors.filter((e) => e.field === 'breakdown.residence')}
              />
              {props.config.municipalities.map((m) => (
                <NumberField
                  lang={lang}
                  indicator={def.id}
                  field={`breakdown.residence.${m.code}`}
                  label={m.name}
                  value={val(`breakdown.residence.${m.code}`, `${RESIDENCE_PREFIX}${m.code}`, current?.cells)}
                  errors={errors}
                />
              ))}
            </fieldset>
          </details>
        ) : null}
        {current ? (
          <p class="field">
            <label for={fieldId(def.id, 'reason')}>
              {t(lang, { sv: 'Skäl till rättelsen (visas för personal)', en: 'Reason for the correction (shown to staff)' })}
            </label>
            <FieldErrorText lang={lang} id={fieldId(def.id, 'reason')} errors={errors.filter((e) => e.field === 'reason')} />
            <input type="text" id={fieldId(def.id, 'reason')} name="reason" value={typed?.reason ?? ''} maxlength={500} />
          </p>
        ) : null}
        <p>
          <button type="submit">
            {current
              ? t(lang, { sv: `Spara rättelse: ${t('sv', def)}`, en: `Save correction: ${t('en', def)}` })
              : t(lang, { sv: `Spara: ${t('sv', def)}`, en: `Save: ${t('en', def)}` })}
          </button>
        </p>
      </form>
      {item.stored && item.stored.report.history.length > 0 ? (
        <details>
          <summary>{t(lang, { sv: 'Tidigare versioner', en: 'Earlier versions' })}</summary>
          <ul>
            {[...item.stored.report.history].reverse().map((v) => (
              <li>
                {formatDateTime(v.reportedAt, lang)} ({v.reportedBy}): {figures(lang, def, categories, v.status, v.cells)}
              </li>
            ))}
          </ul>
          <p>
            {t(lang, { sv: 'Senaste rättelsens skäl', en: 'Reason of the latest correction' })}: {current?.reason ?? '–'}
          </p>
        </details>
      ) : null}
      {current ? (
        <p class="muted">
          {t(lang, { sv: 'Senast sparad', en: 'Last saved' })} {formatDateTime(current.reportedAt, lang)} {t(lang, { sv: 'av', en: 'by' })}{' '}
          {current.reportedBy}
        </p>
      ) : null}
    </section>
  );
}

/** The reporting page: one organisation's figures for one period, every indicator with its definition. */
export function ReportPage(props: ReportPageProps) {
  const { lang, config } = props;
  const hasErrors = props.items.some((i) => (i.errors?.length ?? 0) > 0);
  const title =
    (hasErrors ? t(lang, { sv: 'Fel: ', en: 'Error: ' }) : '') +
    t(lang, { sv: `Uppföljning: rapportera ${props.period}`, en: `Follow-up: report ${props.period}` });
  return (
    <Layout config={config} lang={lang} title={title} path={STAFF_PATH} current="indicators" nonce={props.nonce}>
      <StaffBar config={config} lang={lang} staff={props.staff} />
      <h1>
        {t(lang, { sv: 'Rapportera', en: 'Report' })} {props.period}: {organisationName(config, props.org, lang)}
      </h1>
      {props.notice ? (
        <div class="notice" role="status">
          <p>{t(lang, props.notice)}</p>
        </div>
      ) : null}
      <p>
        {t(lang, {
          sv: 'Siffrorna är arbetsmaterial. Allmänheten ser dem först när perioden publiceras.',
          en: 'The figures are working data. The public sees them only when the period is released.',
        })}
      </p>
      <form method="get" action={STAFF_PATH}>
        <input type="hidden" name="lang" value={lang} />
        <PeriodOrgFields config={config} lang={lang} idPrefix="f" period={props.period} org={props.org} orgs={props.orgs} />
        <p>
          <button type="submit" class="secondary">
            {t(lang, { sv: 'Visa', en: 'Show' })}
          </button>
        </p>
      </form>
      <p>
        <a href={`${STAFF_PATH}/csv?${new URLSearchParams({ period: props.period, org: props.org, lang })}`}>
          {t(lang, { sv: 'Ladda upp CSV-mallen i stället för formuläret', en: 'Upload the CSV template instead of the form' })}
        </a>
      </p>
      {props.staff.roles.includes('admin') ? (
        <p>
          <a href={`${RELEASE_PATH}?${new URLSearchParams({ period: props.period, lang })}`}>
            {t(lang, { sv: 'Vem har rapporterat, och publicering', en: 'Who has reported, and release' })}
          </a>
        </p>
      ) : null}
      {props.items.length === 0 ? (
        <p>
          {t(lang, {
            sv: 'Organisationen rapporterar inga indikatorer för en sådan period, eller perioden har inte börjat.',
            en: 'The organisation reports no indicators for such a period, or the period has not begun.',
          })}
        </p>
      ) : null}
      {props.items.map((item) => (
        <ReportForm {...props} item={item} />
      ))}
    </Layout>
  );
}

/** One indicator of the admins' comparison (from `comparePeriod`). */
export interface CompareIndicator {
  readonly indicator: string;
  readonly organizations: readonly {
    readonly organization: string;
    readonly reported?: { readonly status: string; readonly cells: CellValues };
    readonly differs?: boolean;
    readonly released: { readonly status: string; readonly cells: Readonly<Record<string, number | null>> } | null;
  }[];
}

/** Props of `ReleasePage`. */
export interface ReleasePageProps {
  readonly config: CountyConfig;
  readonly lang: Lang;
  readonly nonce?: string;
  readonly staff: Staff;
  readonly period: string;
  readonly definitions: readonly IndicatorDefinition[];
  readonly release: { readonly revision: number; readonly releasedAt: string } | null;
  readonly indicators: readonly CompareIndicator[];
  readonly notice?: Text;
  /** A refused release, in both languages. */
  readonly refusal?: Text;
}

const cellText = (lang: Lang, row: { status: string; cells: Readonly<Record<string, number | null>> } | null | undefined) => {
  if (!row || row.status === 'not-reported') return t(lang, STATUS_TEXT.none);
  if (row.status === 'not-applicable') return t(lang, STATUS_TEXT['not-applicable']);
  const v = row.cells[TOTAL];
  return v === null ? '..' : v === undefined ? '–' : String(v);
};

/** The admins' page: who has and has not reported a period, reported against released, and the release button. */
export function ReleasePage(props: ReleasePageProps) {
  const { lang, config } = props;
  const title =
    (props.refusal ? t(lang, { sv: 'Fel: ', en: 'Error: ' }) : '') +
    t(lang, { sv: `Uppföljning: publicering av ${props.period}`, en: `Follow-up: release of ${props.period}` });
  const name = (id: string) => t(lang, props.definitions.find((d) => d.id === id) ?? { sv: id, en: id });
  return (
    <Layout config={config} lang={lang} title={title} path={RELEASE_PATH} current="indicators" nonce={props.nonce}>
      <StaffBar config={config} lang={lang} staff={props.staff} />
      <h1>{t(lang, { sv: `Publicering av ${props.period}`, en: `Release of ${props.period}` })}</h1>
      {props.refusal ? (
        <div class="error-summary" role="alert" tabindex={-1}>
          <h2>{t(lang, { sv: 'Publiceringen gjordes inte', en: 'The release was not made' })}</h2>
          <p>{t(lang, props.refusal)}</p>
        </div>
      ) : null}
      {props.notice ? (
        <div class="notice" role="status">
          <p>{t(lang, props.notice)}</p>
        </div>
      ) : null}
      <form method="get" action={RELEASE_PATH}>
        <input type="hidden" name="lang" value={lang} />
        <label for="f-period">{t(lang, { sv: 'Period, t.ex. 2026-Q3', en: 'Period, e.g. 2026-Q3' })}</label>
        <input type="text" id="f-period" name="period" value={props.period} size={10} />
        <p>
          <button type="submit" class="secondary">
            {t(lang, { sv: 'Visa', en: 'Show' })}
          </button>
        </p>
      </form>
      <p>
        {props.release
          ? t(lang, {
              sv: `Senast publicerad ${formatDateTime(props.release.releasedAt, 'sv')}, revidering ${props.release.revision}.`,
              en: `Last released ${formatDateTime(props.release.releasedAt, 'en')}, revision ${props.release.revision}.`,
            })
          : t(lang, { sv: 'Perioden är inte publicerad.', en: 'The period is not released.' })}
      </p>
      <form method="post" action={`${RELEASE_PATH}?lang=${lang}`}>
        <input type="hidden" name="period" value={props.period} />
        <button type="submit">
          {props.release
            ? t(lang, { sv: `Publicera revidering av ${props.period}`, en: `Release a revision of ${props.period}` })
            : t(lang, { sv: `Publicera ${props.period}`, en: `Release ${props.period}` })}
        </button>
      </form>
      {props.indicators.map((ind) => {
        const missing = ind.organizations.filter((o) => !o.reported || o.reported.status === 'not-reported');
        const label = name(ind.indicator);
        return (
          <section aria-labelledby={`r-${ind.indicator}`}>
            <h2 id={`r-${ind.indicator}`}>{label}</h2>
            <p>
              {t(lang, {
                sv: `Rapporterat: ${ind.organizations.length - missing.length} av ${ind.organizations.length}.`,
                en: `Reported: ${ind.organizations.length - missing.length} of ${ind.organizations.length}.`,
              })}{' '}
              {missing.length
                ? `${t(lang, { sv: 'Har inte rapporterat', en: 'Has not reported' })}: ${missing
                    .map((o) => organisationName(config, o.organization, lang))
                    .join(', ')}.`
                : ''}
            </p>
            <TableScroll lang={lang} label={label}>
              <table>
                <caption>{t(lang, { sv: `${label}: rapporterat och publicerat`, en: `${label}: reported and released` })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t(lang, { sv: 'Organisation', en: 'Organisation' })}</th>
                    <th scope="col">{t(lang, { sv: 'Rapporterat nu (totalt)', en: 'Reported now (total)' })}</th>
                    <th scope="col">{t(lang, { sv: 'Publicerat (totalt)', en: 'Released (total)' })}</th>
                    <th scope="col">{t(lang, { sv: 'Skiljer sig', en: 'Differs' })}</th>
                  </tr>
                </thead>
                <tbody>
                  {ind.organizations.map((o) => (
                    <tr>
                      <th scope="row">{organisationName(config, o.organization, lang)}</th>
                      <td>{cellText(lang, o.reported)}</td>
                      <td>{props.release ? cellText(lang, o.released) : '–'}</td>
                      <td>{o.differs ? t(lang, { sv: 'Ja', en: 'Yes' }) : t(lang, { sv: 'Nej', en: 'No' })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </section>
        );
      })}
    </Layout>
  );
}

/** The period and organisation fields of a staff form (a choice of organisation only when there is one). */
export function PeriodOrgFields(props: {
  config: CountyConfig;
  lang: Lang;
  idPrefix: string;
  period: string;
  org: string;
  orgs: readonly string[];
}) {
  const { config, lang, idPrefix } = props;
  return (
    <>
      <label for={`${idPrefix}-period`}>{t(lang, { sv: 'Period, t.ex. 2026-Q3', en: 'Period, e.g. 2026-Q3' })}</label>
      <input type="text" id={`${idPrefix}-period`} name="period" value={props.period} size={10} />
      {props.orgs.length > 1 ? (
        <>
          <label for={`${idPrefix}-org`}>{t(lang, { sv: 'Organisation', en: 'Organisation' })}</label>
          <select id={`${idPrefix}-org`} name="org">
            {props.orgs.map((o) => (
              <option value={o} selected={o === props.org}>
                {organisationName(config, o, lang)}
              </option>
            ))}
          </select>
        </>
      ) : (
        <input type="hidden" name="org" value={props.org} />
      )}
    </>
  );
}
