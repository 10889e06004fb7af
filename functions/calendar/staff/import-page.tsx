import { t, type Lang, type Text } from '../../core/i18n.js';
import { TableScroll } from '../../core/page/table-scroll.js';
import type { ProgrammeCheck } from '../csv/check.js';
import { PROGRAMME_COLUMNS, type CellError } from '../csv/programme.js';
import { organisationName } from '../model/vocabulary.js';
import { whenLabel } from '../pages/labels.js';
import type { TrainingFormError } from './form.js';
import { Shell, type BaseProps } from './page.js';
import { described, ErrorFor, ErrorSummary, TRAININGS_PATH as PATH } from './parts.js';

/** The address of the import pages. */
export const IMPORT_PATH = `${PATH}/importera`;

/** Props of `ImportPage`. */
export interface ImportPageProps extends BaseProps {
  /** Errors of the upload itself (no file, too large), shown at the file field. */
  readonly errors: readonly TrainingFormError[];
  /** The checked file, for the preview. */
  readonly check?: ProgrammeCheck;
  /** The file (base64url) and the import's id, to confirm a file without errors. */
  readonly confirm?: { readonly file: string; readonly id: string };
  readonly notice?: Text;
}

/** "Rad 3, kolumn ämne: Okänt ämne" in the page's language. */
export function cellErrorText(lang: Lang, e: CellError): string {
  const where = t(lang, { sv: `Rad ${e.row}, kolumn ${e.column}`, en: `Row ${e.row}, column ${e.column}` });
  const what = lang === 'sv' ? (e.sv ?? e.message) : e.message;
  // a CSV error's Swedish text already names its row and column
  return lang === 'sv' && what.startsWith('Rad ') ? what : `${where}: ${what}`;
}

function UploadForm(props: { lang: Lang; errors: readonly TrainingFormError[]; again?: boolean }) {
  const { lang, errors } = props;
  return (
    <form method="post" action={`${IMPORT_PATH}${lang === 'en' ? '?lang=en' : ''}`} enctype="multipart/form-data">
      <p>
        <label for="fil">
          {props.again
            ? t(lang, { sv: 'Den rättade filen (CSV)', en: 'The corrected file (CSV)' })
            : t(lang, { sv: 'Programfil (CSV)', en: 'Programme file (CSV)' })}
        </label>
        <span class="hint" id="fil-hint">
          {t(lang, {
            sv: 'Semikolon- eller kommaseparerad, UTF-8 (som Excel sparar "CSV UTF-8"), högst 1 MB och 500 utbildningar.',
            en: 'Semicolon- or comma-separated, UTF-8 (as Excel saves "CSV UTF-8"), at most 1 MB and 500 trainings.',
          })}
        </span>
        <ErrorFor lang={lang} field="fil" errors={errors} />
        <input id="fil" name="fil" type="file" accept=".csv,text/csv" aria-describedby={described('fil', errors, true)} />
      </p>
      <p>
        <button type="submit">{t(lang, { sv: 'Granska filen', en: 'Check the file' })}</button>
      </p>
    </form>
  );
}

function Columns(props: { lang: Lang }) {
  const { lang } = props;
  const caption = t(lang, { sv: 'Kolumner i filen', en: 'Columns of the file' });
  return (
    <TableScroll lang={lang} label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t(lang, { sv: 'Rubrik i första raden', en: 'Header in the first row' })}</th>
            <th scope="col">{t(lang, { sv: 'Måste finnas', en: 'Required' })}</th>
          </tr>
        </thead>
        <tbody>
          {PROGRAMME_COLUMNS.map((col) => (
            <tr>
              <td>{col.header}</td>
              <td>{col.required ? t(lang, { sv: 'Ja', en: 'Yes' }) : t(lang, { sv: 'Nej', en: 'No' })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function Preview(props: BaseProps & { check: ProgrammeCheck }) {
  const { lang, config, check } = props;
  const caption = t(lang, { sv: 'Raderna i filen', en: 'The rows of the file' });
  if (check.rows.length === 0) return null;
  return (
    <TableScroll lang={lang} label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" class="num">
              {t(lang, { sv: 'Rad', en: 'Row' })}
            </th>
            <th scope="col">{t(lang, { sv: 'Utbildning', en: 'Training' })}</th>
            <th scope="col">{t(lang, { sv: 'När', en: 'When' })}</th>
            <th scope="col">{t(lang, { sv: 'Arrangör', en: 'Organiser' })}</th>
            <th scope="col">{t(lang, { sv: 'Granskning', en: 'Check' })}</th>
          </tr>
        </thead>
        <tbody>
          {check.rows.map((r) => (
            <tr>
              <td class="num">{r.row}</td>
              <td>{r.event?.title ?? r.cells.title}</td>
              <td>{r.event ? whenLabel(r.event, lang) : r.cells.start.replace('T', ' ')}</td>
              <td>{r.event ? organisationName(config, r.event.organizer) : r.cells.organizer}</td>
              <td>
                {r.errors.length === 0 ? (
                  t(lang, { sv: 'Klar att spara', en: 'Ready to store' })
                ) : (
                  <ul>
                    {r.errors.map((e) => (
                      <li>{cellErrorText(lang, e)}</li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/**
 * Import a term's programme: the upload form, then the preview of every row with the errors
 * naming row and column; only a file without errors can be confirmed, and nothing is stored before.
 */
export function ImportPage(props: ImportPageProps) {
  const { lang, check } = props;
  const q = lang === 'en' ? '?lang=en' : '';
  const title = check
    ? t(lang, { sv: 'Granska programmet', en: 'Check the programme' })
    : t(lang, { sv: 'Importera en termins program', en: "Import a term's programme" });
  const fileErrors = check?.errors ?? [];
  const confirmable = Boolean(check && props.confirm && fileErrors.length === 0 && check.events.length > 0);
  return (
    <Shell {...props} title={title}>
      <p>
        <a href={`${PATH}${q}`}>{t(lang, { sv: 'Alla utbildningar', en: 'All trainings' })}</a>
        {' · '}
        <a href={`${IMPORT_PATH}/mall.csv`}>{t(lang, { sv: 'Ladda ner en tom mall (CSV)', en: 'Download an empty template (CSV)' })}</a>
      </p>
      <ErrorSummary lang={lang} errors={props.errors} />
      {check ? (
        <section aria-labelledby="h-check">
          <h2 id="h-check">
            {fileErrors.length
              ? t(lang, {
                  sv: `Filen har ${fileErrors.length} fel. Inget har sparats.`,
                  en: `The file has ${fileErrors.length} errors. Nothing has been stored.`,
                })
              : t(lang, {
                  sv: `${check.events.length} utbildningar kan sparas. Inget är sparat ännu.`,
                  en: `${check.events.length} trainings can be stored. Nothing is stored yet.`,
                })}
          </h2>
          {fileErrors.length ? (
            <div class="error-summary" role="alert" aria-labelledby="h-file-errors">
              <h3 id="h-file-errors">{t(lang, { sv: 'Fel i filen', en: 'Errors in the file' })}</h3>
              <ul>
                {fileErrors.map((e) => (
                  <li>{cellErrorText(lang, e)}</li>
                ))}
              </ul>
              <p>
                {t(lang, {
                  sv: 'Rätta raderna i filen och ladda upp hela filen igen.',
                  en: 'Correct the rows in the file and upload the whole file again.',
                })}
              </p>
            </div>
          ) : null}
          <Preview {...props} check={check} />
          {confirmable ? (
            <form method="post" action={`${IMPORT_PATH}/spara${q}`}>
              <input type="hidden" name="fil" value={props.confirm!.file} />
              <input type="hidden" name="import" value={props.confirm!.id} />
              <p>
                <button type="submit">
                  {t(lang, { sv: `Spara ${check.events.length} utbildningar`, en: `Store ${check.events.length} trainings` })}
                </button>
              </p>
            </form>
          ) : null}
        </section>
      ) : (
        <>
          <p>
            {t(lang, {
              sv: 'Ladda upp programmet som en CSV-fil med en utbildning per rad. Du ser först varje rad och alla fel; inget sparas förrän du bekräftar, och då sparas alla eller ingen.',
              en: 'Upload the programme as a CSV file with one training per row. You first see every row and every error; nothing is stored until you confirm, and then all are stored or none.',
            })}
          </p>
          <Columns lang={lang} />
        </>
      )}
      {confirmable ? (
        <p>
          <a href={`${IMPORT_PATH}${q}`}>{t(lang, { sv: 'Välj en annan fil', en: 'Choose another file' })}</a>
        </p>
      ) : (
        <UploadForm lang={lang} errors={props.errors} again={Boolean(check)} />
      )}
    </Shell>
  );
}
