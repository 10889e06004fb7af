import type { Staff } from '../../core/auth/auth.js';
import { columnLetter, CsvError, parseCsv, type CsvRow } from '../../core/csv/index.js';
import { ProblemError } from '../../core/http/problem.js';
import type { CalendarContext } from '../context.js';
import { newEvents } from '../data/event-service.js';
import { eventInputSchema, type CalendarEvent } from '../model/event.js';
import { calendarFieldErrors } from './messages.js';
import { columnOf, PLACE_OR_LINK, PROGRAMME_COLUMNS, rowToInput, type CellError } from './programme.js';

/** The most trainings one import file may hold (data rows, the header not counted). */
export const IMPORT_ROW_LIMIT = 500;
/** The largest import file in bytes. */
export const IMPORT_MAX_BYTES = 1024 * 1024;

/** One data row of a checked programme: what it would store, or its errors. */
export interface ProgrammeRow {
  /** The row as a spreadsheet numbers it (the header is row 1). */
  readonly row: number;
  /** The training it becomes, when the row is valid. */
  readonly event?: CalendarEvent;
  /** The cells as read, for a preview of a row with errors. */
  readonly cells: Readonly<Record<'title' | 'start' | 'organizer', string>>;
  readonly errors: readonly CellError[];
}

/** A programme file checked row by row; nothing stored. */
export interface ProgrammeCheck {
  readonly rows: readonly ProgrammeRow[];
  /** Every error of the file: the file's own (bytes, header) and every row's. */
  readonly errors: readonly CellError[];
  /** The trainings of the valid rows, in file order. */
  readonly events: readonly CalendarEvent[];
}

/** 413 for a file of more than `IMPORT_ROW_LIMIT` trainings. */
export const tooManyRows = (rows: number) =>
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

function headerErrors(headers: readonly string[]): CellError[] {
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
  return missing;
}

/**
 * Check a term's programme file (semicolon or comma CSV, UTF-8, BOM allowed) for `staff` with the
 * API's own rules, row by row, storing nothing: the bytes, the header, then every row through the
 * event schema and `newEvents` (topic, organisations, the person's right to organise, times).
 * Throws 413 (`tooManyRows`) before reading rows past the limit. The API import and the staff
 * page's preview and confirmation all use this one check.
 */
export function checkProgramme(ctx: CalendarContext, staff: Staff, bytes: Uint8Array): ProgrammeCheck {
  let rows: CsvRow[];
  try {
    rows = parseCsv(bytes).rows;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const column = columnLetter(error.column);
    const cell = { row: error.row, column, field: `row ${error.row}, column ${column}`, message: error.reason.en, sv: error.sv };
    return { rows: [], errors: [cell], events: [] };
  }
  if (rows.length - 1 > IMPORT_ROW_LIMIT) throw tooManyRows(rows.length - 1);
  const headers = (rows[0]?.cells ?? []).map((h) => h.trim().toLowerCase());
  const missing = headerErrors(headers);
  if (!rows.length || missing.length) return { rows: [], errors: missing, events: [] };
  const checked = rows.slice(1).map(({ row, cells }): ProgrammeRow => {
    const input = rowToInput(headers, cells);
    const shown = { title: String(input['title']), start: String(input['start']), organizer: String(input['organizer']) };
    const parsed = eventInputSchema().safeParse(input);
    if (!parsed.success)
      return {
        row,
        cells: shown,
        errors: calendarFieldErrors(parsed.error.issues).map((e) => ({ ...e, row, column: columnOf(e.field) })),
      };
    try {
      return { row, cells: shown, event: newEvents(ctx, staff, parsed.data)[0]!, errors: [] };
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      return { row, cells: shown, errors: cellsOf(error, row) };
    }
  });
  return {
    rows: checked,
    errors: checked.flatMap((r) => r.errors),
    events: checked.flatMap((r) => (r.event ? [r.event] : [])),
  };
}
