import { Hono, type Context } from 'hono';
import { toCsv } from '../../core/csv/index.js';
import { readFormFields } from '../../core/http/body.js';
import { readMultipart } from '../../core/http/multipart.js';
import { ProblemError } from '../../core/http/problem.js';
import { assertFormBody } from '../../core/http/same-origin.js';
import { currentStaff, type KitEnv } from '../../core/http/staff.js';
import { PreconditionFailedError } from '../../core/store/store.js';
import type { CalendarContext } from '../context.js';
import { checkProgramme, IMPORT_MAX_BYTES } from '../csv/check.js';
import { PROGRAMME_COLUMNS } from '../csv/programme.js';
import { storeNewEvents } from '../data/new-events.js';
import type { TrainingFormError } from './form.js';
import { IMPORT_PATH, ImportPage } from './import-page.js';
import type { BaseProps } from './page.js';

/** Room for the multipart framing around the file. */
const FRAMING_BYTES = 16 * 1024;
/** The confirmation carries the file as base64url (4 characters per 3 bytes). */
const CONFIRM_BYTES = Math.ceil((IMPORT_MAX_BYTES * 4) / 3) + 4096;
const IMPORT_ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,40}$/;

const NO_FILE: TrainingFormError = { field: 'fil', sv: 'Välj en CSV-fil att ladda upp.', en: 'Choose a CSV file to upload.' };
const TOO_LARGE: TrainingFormError = {
  field: 'fil',
  sv: 'Filen är för stor: högst 1 MB. Dela upp den och ladda upp varje del.',
  en: 'The file is too large: at most 1 MB. Split it and upload each part.',
};
const UNREADABLE: TrainingFormError = {
  field: 'fil',
  sv: 'Formuläret kunde inte läsas. Välj filen och försök igen.',
  en: 'The form could not be read. Choose the file and try again.',
};

/** What the section's routes share with the import: the page basics and the redirect with a notice. */
export interface SectionHelpers {
  readonly base: (c: Context<KitEnv>) => BaseProps;
  readonly back: (c: Context<KitEnv>, to: string, notice: string) => Response;
}

/**
 * The import of a term's programme in the staff section, usable without JavaScript: a plain
 * multipart file upload, a preview of every row with its errors (row and column named), and a
 * confirmation that checks the file again with the same rules and stores all or nothing. Nothing is
 * stored before the confirmation; the import's id fixes the trainings' ids, so a second
 * confirmation of the same preview (a double submit) stores nothing again.
 */
export function programmeImportRoutes(ctx: CalendarContext, { base, back }: SectionHelpers): Hono<KitEnv> {
  const app = new Hono<KitEnv>();
  const formError = (c: Context<KitEnv>, error: TrainingFormError, status: 400 | 413 = 400) =>
    c.html(<ImportPage {...base(c)} errors={[error]} />, status);
  /** The programme checked for this person; ids fixed by the import's id. */
  const check = (c: Context<KitEnv>, bytes: Uint8Array, id: string) => {
    let n = 0;
    return checkProgramme({ ...ctx, newId: () => `${id}-${++n}` }, currentStaff(c), bytes);
  };
  const tooManyRows = (c: Context<KitEnv>, error: unknown) =>
    error instanceof ProblemError && error.problem.status === 413
      ? formError(c, { field: 'fil', sv: `${error.problem.title}.`, en: error.problem.detail ?? '' }, 413)
      : undefined;

  app.get(IMPORT_PATH, (c) => c.html(<ImportPage {...base(c)} errors={[]} />));

  app.get(`${IMPORT_PATH}/mall.csv`, (c) =>
    c.body(toCsv([PROGRAMME_COLUMNS.map((col) => col.header)], 'sv'), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="utbildningsprogram.csv"',
    }),
  );

  app.post(IMPORT_PATH, async (c) => {
    let file: Uint8Array | undefined;
    try {
      file = (await readMultipart(c, { maxBytes: IMPORT_MAX_BYTES + FRAMING_BYTES, maxParts: 4 })).file('fil')?.data;
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      return formError(c, error.problem.status === 413 ? TOO_LARGE : UNREADABLE, error.problem.status === 413 ? 413 : 400);
    }
    if (!file?.length) return formError(c, NO_FILE);
    if (file.length > IMPORT_MAX_BYTES) return formError(c, TOO_LARGE, 413);
    const id = ctx.newId();
    try {
      const checked = check(c, file, id);
      const confirm = { file: Buffer.from(file).toString('base64url'), id };
      return c.html(<ImportPage {...base(c)} errors={[]} check={checked} confirm={confirm} />, checked.errors.length ? 400 : 200);
    } catch (error) {
      const page = tooManyRows(c, error);
      if (page) return page;
      throw error;
    }
  });

  app.post(`${IMPORT_PATH}/spara`, async (c) => {
    assertFormBody(c);
    const { params } = await readFormFields(c, CONFIRM_BYTES);
    const id = params.get('import') ?? '';
    const encoded = params.get('fil') ?? '';
    if (!IMPORT_ID.test(id) || !/^[A-Za-z0-9_-]*$/.test(encoded)) return formError(c, UNREADABLE);
    const file = Buffer.from(encoded, 'base64url');
    if (file.length === 0) return formError(c, NO_FILE);
    let checked;
    try {
      checked = check(c, file, id);
    } catch (error) {
      const page = tooManyRows(c, error);
      if (page) return page;
      throw error;
    }
    // checked again: the rules (or the person's rights) may have changed since the preview
    if (checked.errors.length || checked.events.length === 0) return c.html(<ImportPage {...base(c)} errors={[]} check={checked} />, 400);
    try {
      await storeNewEvents(ctx, checked.events);
    } catch (error) {
      if (error instanceof PreconditionFailedError) return back(c, '/personal/utbildningar', 'imported-twice');
      throw error;
    }
    return back(c, '/personal/utbildningar', 'imported');
  });
  return app;
}
