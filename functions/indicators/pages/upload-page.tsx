import type { Staff } from '../../core/auth/auth.js';
import type { CountyConfig } from '../../core/config/schema.js';
import { t, type Lang, type Text } from '../../core/i18n.js';
import { Layout } from '../../core/page/layout.js';
import { TableScroll } from '../../core/page/table-scroll.js';
import { StaffBar } from '../../core/session/staff-bar.js';
import type { RowError } from '../csv/import.js';
import { organisationName } from '../csv/export.js';
import { PeriodOrgFields, STAFF_PATH } from './staff-page.js';

/** The upload of the CSV template, instead of the form. */
export const UPLOAD_PATH = `${STAFF_PATH}/csv`;
/** Where the confirmed upload is posted. */
export const CONFIRM_PATH = `${UPLOAD_PATH}/spara`;
/** The template: the staff export of one organisation and period. */
export const TEMPLATE_PATH = `${UPLOAD_PATH}/mall.csv`;

/** One report of the preview, in words. */
export interface PreviewItem {
  readonly indicator: Text;
  readonly organization: string;
  readonly period: string;
  /** The rows of the file it came from (`2–8`). */
  readonly rows: string;
  /** What is stored now, in words; absent for a first report. */
  readonly before?: string;
  readonly after: string;
}

/** What a valid file would store, and what the confirm form carries. */
export interface Preview {
  readonly fileName: string;
  readonly changed: readonly PreviewItem[];
  readonly unchanged: number;
  readonly skipped: number;
  readonly rowCount: number;
  /** The file text the confirm form sends back (it is read and checked again). */
  readonly csv: string;
  /** A fingerprint of the changes shown; the confirm stores only if the file still gives these. */
  readonly digest: string;
}

/** Props of `UploadPage`. */
export interface UploadPageProps {
  readonly config: CountyConfig;
  readonly lang: Lang;
  readonly nonce?: string;
  readonly staff: Staff;
  /** Organisations the viewer may report for (admins: all), for the template. */
  readonly orgs: readonly string[];
  readonly org: string;
  readonly period: string;
  readonly notice?: Text;
  /** A problem with the whole upload (no file, too large, not readable). */
  readonly failure?: Text;
  /** Row errors of a refused file (at most a few hundred listed) and how many there were. */
  readonly errors?: readonly RowError[];
  readonly errorCount?: number;
  readonly preview?: Preview;
  /** The stored figures changed since the preview was shown: this is the new preview. */
  readonly stale?: boolean;
  /** What was typed as the reason, and its error. */
  readonly reason?: string;
  readonly reasonError?: Text;
}

function ErrorTable(props: { lang: Lang; errors: readonly RowError[]; count: number }) {
  const { lang } = props;
  const caption = t(lang, { sv: 'Fel i filen, rad för rad', en: 'Errors in the file, row by row' });
  return (
    <>
      <div class="error-summary" role="alert" tabindex={-1} id="fel">
        <h2>
          {t(lang, {
            sv: `Filen har ${props.count} fel. Inget har sparats.`,
            en: `The file has ${props.count} error(s). Nothing was stored.`,
          })}
        </h2>
        <p>
          {t(lang, {
            sv: 'Rätta raderna nedan i kalkylbladet, spara som CSV och ladda upp hela filen igen. Radnumren är kalkylbladets (rubrikraden är rad 1).',
            en: "Fix the rows below in the spreadsheet, save as CSV and upload the whole file again. Row numbers are the spreadsheet's (the header is row 1).",
          })}
        </p>
        {props.errors.length < props.count ? (
          <p>{t(lang, { sv: `De första ${props.errors.length} visas.`, en: `The first ${props.errors.length} are shown.` })}</p>
        ) : null}
      </div>
      <TableScroll lang={lang} label={caption}>
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t(lang, { sv: 'Rad', en: 'Row' })}</th>
              <th scope="col">{t(lang, { sv: 'Kolumn', en: 'Column' })}</th>
              <th scope="col">{t(lang, { sv: 'Fel', en: 'Error' })}</th>
            </tr>
          </thead>
          <tbody>
            {props.errors.map((e) => (
              <tr>
                <td>{e.row}</td>
                <td>{e.column}</td>
                <td>{lang === 'sv' ? e.sv : e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

function PreviewSection(props: UploadPageProps & { preview: Preview }) {
  const { lang, preview, config } = props;
  const caption = t(lang, { sv: 'Det här sparas', en: 'This will be stored' });
  const n = preview.changed.length;
  return (
    <section aria-labelledby="forhandsgranskning">
      <h2 id="forhandsgranskning">{t(lang, { sv: `Förhandsgranskning av ${preview.fileName}`, en: `Preview of ${preview.fileName}` })}</h2>
      {props.stale ? (
        <div class="notice warn" role="alert">
          <p>
            {t(lang, {
              sv: 'Det sparade ändrades medan du granskade. Det här är en ny förhandsgranskning; inget har sparats än.',
              en: 'What is stored changed while you were reviewing. This is a new preview; nothing has been stored yet.',
            })}
          </p>
        </div>
      ) : null}
      <p role="status">
        {t(lang, {
          sv: `${preview.rowCount} rader lästa: ${n} ändrade rapporter, ${preview.unchanged} oförändrade, ${preview.skipped} rader hoppades över (områdesrader och tomma celler markerade ..).`,
          en: `${preview.rowCount} rows read: ${n} changed reports, ${preview.unchanged} unchanged, ${preview.skipped} rows skipped (area rows and empty cells marked ..).`,
        })}
      </p>
      {n === 0 ? (
        <p>
          {t(lang, {
            sv: '0 ändrade: filen säger samma sak som det som redan är sparat. Inget behöver sparas.',
            en: '0 changed: the file says what is already stored. Nothing needs storing.',
          })}
        </p>
      ) : (
        <>
          <TableScroll lang={lang} label={caption}>
            <table>
              <caption>{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t(lang, { sv: 'Indikator', en: 'Indicator' })}</th>
                  <th scope="col">{t(lang, { sv: 'Organisation', en: 'Organisation' })}</th>
                  <th scope="col">{t(lang, { sv: 'Period', en: 'Period' })}</th>
                  <th scope="col">{t(lang, { sv: 'Sparat nu', en: 'Stored now' })}</th>
                  <th scope="col">{t(lang, { sv: 'Efter uppladdningen', en: 'After the upload' })}</th>
                  <th scope="col">{t(lang, { sv: 'Rader i filen', en: 'Rows in the file' })}</th>
                </tr>
              </thead>
              <tbody>
                {preview.changed.map((item) => (
                  <tr>
                    <th scope="row">{t(lang, item.indicator)}</th>
                    <td>{organisationName(config, item.organization, lang)}</td>
                    <td>{item.period}</td>
                    <td>{item.before ?? t(lang, { sv: 'Inte rapporterat', en: 'Not reported' })}</td>
                    <td>{item.after}</td>
                    <td>{item.rows}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <form method="post" action={`${CONFIRM_PATH}?lang=${lang}`} enctype="multipart/form-data">
            <input type="hidden" name="csv" value={preview.csv} />
            <input type="hidden" name="plan" value={preview.digest} />
            <input type="hidden" name="namn" value={preview.fileName} />
            {preview.changed.some((i) => i.before !== undefined) ? (
              <div class="field">
                <label for="f-reason">
                  {t(lang, {
                    sv: 'Skäl till rättelserna (visas för personal, frivilligt)',
                    en: 'Reason for the corrections (shown to staff, optional)',
                  })}
                </label>
                {props.reasonError ? (
                  <p class="error-message" id="f-reason-error">
                    <span class="visually-hidden">{t(lang, { sv: 'Fel:', en: 'Error:' })}</span> {t(lang, props.reasonError)}
                  </p>
                ) : null}
                <input
                  type="text"
                  id="f-reason"
                  name="reason"
                  value={props.reason ?? ''}
                  maxlength={500}
                  aria-invalid={props.reasonError ? 'true' : undefined}
                  aria-describedby={props.reasonError ? 'f-reason-error' : undefined}
                />
              </div>
            ) : null}
            <p>
              <button type="submit">
                {t(lang, { sv: `Spara ${n} ${n === 1 ? 'rapport' : 'rapporter'}`, en: `Store ${n} report${n === 1 ? '' : 's'}` })}
              </button>
            </p>
          </form>
        </>
      )}
    </section>
  );
}

/** The upload page: download the template, upload it filled in, see a preview or the errors, then confirm. */
export function UploadPage(props: UploadPageProps) {
  const { lang, config } = props;
  const failed = Boolean(props.failure || props.errors?.length || props.reasonError);
  const title =
    (failed ? t(lang, { sv: 'Fel: ', en: 'Error: ' }) : '') + t(lang, { sv: 'Uppföljning: ladda upp CSV', en: 'Follow-up: upload CSV' });
  return (
    <Layout config={config} lang={lang} title={title} path={UPLOAD_PATH} current="indicators" nonce={props.nonce}>
      <StaffBar config={config} lang={lang} staff={props.staff} />
      <h1>{t(lang, { sv: 'Rapportera med CSV-mallen', en: 'Report with the CSV template' })}</h1>
      {props.notice ? (
        <div class="notice" role="status">
          <p>{t(lang, props.notice)}</p>
        </div>
      ) : null}
      {props.failure ? (
        <div class="error-summary" role="alert" tabindex={-1}>
          <h2>{t(lang, { sv: 'Filen kunde inte läsas in. Inget har sparats.', en: 'The file could not be read. Nothing was stored.' })}</h2>
          <p>{t(lang, props.failure)}</p>
        </div>
      ) : null}
      {props.errors?.length ? <ErrorTable lang={lang} errors={props.errors} count={props.errorCount ?? props.errors.length} /> : null}
      {props.preview ? <PreviewSection {...props} preview={props.preview} /> : null}
      <section aria-labelledby="ladda-upp">
        <h2 id="ladda-upp">{t(lang, { sv: 'Ladda upp en fil', en: 'Upload a file' })}</h2>
        <p>
          {t(lang, {
            sv: 'Filen läses och kontrolleras först. Du ser vad som skulle sparas, eller felen rad för rad, innan något sparas.',
            en: 'The file is read and checked first. You see what would be stored, or the errors row by row, before anything is stored.',
          })}
        </p>
        <form method="post" action={`${UPLOAD_PATH}?lang=${lang}`} enctype="multipart/form-data">
          <p class="field">
            <label for="f-fil">{t(lang, { sv: 'CSV-fil (UTF-8, högst 2 MB)', en: 'CSV file (UTF-8, at most 2 MB)' })}</label>
            <input type="file" id="f-fil" name="fil" accept=".csv,text/csv" />
          </p>
          <p>
            <button type="submit">{t(lang, { sv: 'Förhandsgranska', en: 'Preview' })}</button>
          </p>
        </form>
      </section>
      <section aria-labelledby="mall">
        <h2 id="mall">{t(lang, { sv: 'Mallen', en: 'The template' })}</h2>
        <p>
          {t(lang, {
            sv: 'Mallen är samma fil som exporten: en rad per indikator, organisation, period och cell, med det som är sparat nu. Fyll i kolumnen värde (och antal_personer för andelar, medelvärden och medianer). En tom cell markerad .. betyder "inte rapporterat"; skriv 0 när det är noll. Låt koderna stå kvar som de är.',
            en: 'The template is the same file as the export: one row per indicator, organisation, period and cell, with what is stored now. Fill in the value column (and persons for shares, means and medians). An empty cell marked .. means "not reported"; enter 0 when it is zero. Leave the codes as they are.',
          })}
        </p>
        <form method="get" action={TEMPLATE_PATH}>
          <PeriodOrgFields config={config} lang={lang} idPrefix="m" period={props.period} org={props.org} orgs={props.orgs} />
          <p>
            <button type="submit" class="secondary">
              {t(lang, { sv: 'Ladda ner mallen (CSV)', en: 'Download the template (CSV)' })}
            </button>
          </p>
        </form>
        <p>
          <a href={`${STAFF_PATH}?${new URLSearchParams({ period: props.period, org: props.org, lang })}`}>
            {t(lang, { sv: 'Till formuläret i stället', en: 'To the form instead' })}
          </a>
        </p>
      </section>
    </Layout>
  );
}
