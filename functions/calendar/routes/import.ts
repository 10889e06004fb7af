import { Hono } from 'hono';
import { readBytes } from '../../core/http/body.js';
import { ProblemError } from '../../core/http/problem.js';
import { requireStaff, type KitEnv } from '../../core/http/staff.js';
import type { CalendarContext } from '../context.js';
import { bilingualFieldErrors } from '../csv/messages.js';
import { columnLetter, CsvError, parseCsv, type CsvRow } from '../../core/csv/index.js';
import { columnOf, PLACE_OR_LINK, PROGRAMME_COLUMNS, rowToInput, type CellError } from '../csv/programme.js';
import { newEvents } from '../data/event-service.js';
import { storeNewEvents } from '../data/new-events.js';
import { eventInputSchema, type CalendarEvent } from '../model/event.js';

/** The most trainings one import file may hold (data rows, the header not counted). */
export const IMPORT_ROW_LIMIT = 500;
/** The largest import file in bytes. */
export const IMPORT_MAX_BYTES = 1024 * 1024;

const invalid = (errors: CellError[]) =>
  new ProblemError({
    status: 400,
    title: 'Filen innehåller fel',
    detail: 'Nothing was imported. Fix the listed rows and columns and send the whole file again.',
    errors,
  });

const tooManyRows = (rows: number) =>
  new ProblemError({
    status: 413,
    title: `Filen har för många rader: högst ${IMPORT_ROW_LIMIT} utbildningar per fil`,
    detail: `Nothing was imported. The file has ${rows} trainings; at most ${IMPORT_ROW_LIMIT} may be imported at once. Split it and send each part.`,
    errors: [{ field: '(body)', message: `At most ${IMPORT_ROW_LIMIT} rows`, sv: `Högst ${IMPORT_ROW_LIMIT} rader` }],
    extensions: { limit: IMPORT_ROW_LIMIT, rows },
  });

/** The errors of a problem thrown by a check, as cells of `row`, each with a Swedish text. */
function cellsOf(error: ProblemError, row: number): CellError[] {
  const p = error.problem;
  return (p.errors ?? [{ field: '(row)', message: p.detail ?? p.title }]).map((e) => ({
    ...e,
    sv: e.sv ?? p.title,
    row,
    column: columnOf(e.field === 'organization' ? 'organizer' : e.field),
  }));
}

/**
 * `POST /api/calendar/import`: a term's programme as semicolon CSV (UTF-8, BOM allowed). The row
 * limit is checked before any row is read further; every row is validated before anything is
 * stored; then all are stored or none (see `storeNewEvents`).
 */
export function importRoutes(ctx: CalendarContext): Hono<KitEnv> {
  const app = new Hono<KitEnv>();
  app.post('/import', requireStaff(ctx.deps.auth, 'admin', 'editor'), async (c) => {
    if (!/^text\/(csv|plain)\b/i.test(c.req.header('content-type') ?? ''))
      throw new ProblemError({
        status: 415,
        title: 'Fel innehållstyp',
        detail: 'Send the file as text/csv.',
        errors: [{ field: 'Content-Type', message: 'Expected text/csv', sv: 'Skicka filen som text/csv' }],
      });
    // the bytes, so that a file that is not UTF-8 is refused naming its row and column
    const bytes = await readBytes(c, IMPORT_MAX_BYTES);
    let rows: CsvRow[];
    try {
      rows = parseCsv(bytes).rows;
    } catch (error) {
      if (!(error instanceof CsvError)) throw error;
      const column = columnLetter(error.column);
      throw invalid([{ row: error.row, column, field: `row ${error.row}, column ${column}`, message: error.reason.en, sv: error.sv }]);
    }
    if (rows.length - 1 > IMPORT_ROW_LIMIT) throw tooManyRows(rows.length - 1);
    const headers = (rows[0]?.cells ?? []).map((h) => h.trim().toLowerCase());
    const missing: CellError[] = PROGRAMME_COLUMNS.filter((col) => col.required && !headers.includes(col.header)).map((col) => ({
      row: 1,
      column: col.header,
      field: col.header,
      message: 'Missing column',
      sv: 'Kolumnen saknas',
    }));
    if (!PLACE_OR_LINK.some((h) => headers.includes(h)))
      missing.push({
        row: 1,
        column: 'plats',
        field: 'plats',
        message: 'Give a column plats, länk or both',
        sv: 'Kolumnen plats eller länk saknas',
      });
    if (!rows.length || missing.length) throw invalid(missing);
    const errors: CellError[] = [];
    const events: CalendarEvent[] = [];
    rows.slice(1).forEach(({ row, cells }) => {
      const parsed = eventInputSchema.safeParse(rowToInput(headers, cells));
      if (!parsed.success) {
        for (const e of bilingualFieldErrors(parsed.error.issues)) errors.push({ ...e, row, column: columnOf(e.field) });
        return;
      }
      try {
        events.push(...newEvents(ctx, c.get('staff')!, parsed.data));
      } catch (error) {
        if (!(error instanceof ProblemError)) throw error;
        errors.push(...cellsOf(error, row));
      }
    });
    if (errors.length) throw invalid(errors);
    await storeNewEvents(ctx, events);
    return c.json({ imported: events.length, ids: events.map((e) => e.id) }, 201);
  });
  return app;
}
