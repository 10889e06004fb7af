import { bilingualFieldErrors } from '../../core/http/field-messages.js';
import { columnLetter, CsvError, parseCsv, toCsv, type CsvTable } from '../../core/csv/index.js';
import { PLAN_ITEM_STATUSES } from '../../core/domain/vocabulary.js';
import { planItemSchema, type PlanItem } from '../model/plan.js';

/** The columns of a plan's CSV, in order; the last is written but not read (notes are kept from the plan). */
export const PLAN_CSV_COLUMNS = ['id', 'vad', 'ansvarig', 'start', 'slutdatum', 'status', 'senaste anteckning'] as const;
const READ_COLUMNS = 6;
const COLUMN_OF: Readonly<Record<string, number>> = { id: 1, what: 2, responsible: 3, start: 4, deadline: 5, status: 6 };

/** One problem of an imported plan file, by row (1 = header) and column letter. */
export interface PlanCsvError {
  readonly row: number;
  readonly column: string;
  readonly message: string;
  readonly sv: string;
}

/** A plan's items as CSV in the Swedish Excel dialect (BOM, semicolons, CRLF; formulas neutralised). */
export function planItemsCsv(items: readonly PlanItem[]): string {
  return toCsv([
    [...PLAN_CSV_COLUMNS],
    ...items.map((item) => {
      const note = item.notes.at(-1);
      return [
        item.id,
        item.what,
        item.responsible,
        item.start,
        item.deadline,
        PLAN_ITEM_STATUSES.find((s) => s.id === item.status)?.sv ?? item.status,
        note ? `${note.date}: ${note.text}` : '',
      ];
    }),
  ]);
}

/** The status id of a cell: an id or a Swedish or English label, any case. */
function statusId(cell: string): string | undefined {
  const lower = cell.trim().toLowerCase();
  return PLAN_ITEM_STATUSES.find((s) => s.id === lower || s.sv.toLowerCase() === lower || s.en.toLowerCase() === lower)?.id;
}

/**
 * Read a plan's items from CSV: every row checked, every error named by row and column, so that the
 * caller stores all rows or none. Notes of items already in the plan (same id) are kept.
 */
export function readPlanItemsCsv(
  input: ArrayBuffer,
  current: readonly PlanItem[],
  known: ReadonlySet<string>,
): { items: PlanItem[]; errors: PlanCsvError[]; rows: number[] } {
  let table: CsvTable;
  try {
    table = parseCsv(input);
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    return {
      items: [],
      errors: [{ row: error.row, column: columnLetter(error.column), message: error.reason.en, sv: error.reason.sv }],
      rows: [],
    };
  }
  const errors: PlanCsvError[] = [];
  const [header, ...rows] = table.rows;
  PLAN_CSV_COLUMNS.slice(0, READ_COLUMNS).forEach((name, i) => {
    if (header?.cells[i]?.trim().toLowerCase() !== name)
      errors.push({
        row: 1,
        column: columnLetter(i + 1),
        message: `Expected the column "${name}"`,
        sv: `Kolumnen "${name}" förväntades här`,
      });
  });
  if (errors.length) return { items: [], errors, rows: [] };
  const items: PlanItem[] = [];
  /** The spreadsheet row of each item. */
  const itemRows: number[] = [];
  const seen = new Set<string>();
  for (const { row, cells } of rows) {
    const [id = '', what = '', responsible = '', start = '', deadline = '', status = ''] = cells.map((c) => c.trim());
    const fail = (column: number, message: string, sv: string) => errors.push({ row, column: columnLetter(column), message, sv });
    const sid = statusId(status || 'ej-paborjad');
    if (!sid) fail(6, `Unknown status: ${status}`, `Okänd status: ${status}`);
    if (responsible && !known.has(responsible))
      fail(3, `Not an organisation of this area: ${responsible}`, `Inte en organisation i området: ${responsible}`);
    if (seen.has(id)) fail(1, `Two rows have the id ${id}`, `Två rader har id ${id}`);
    seen.add(id);
    const parsed = planItemSchema().safeParse({
      id,
      what,
      responsible,
      ...(start ? { start } : {}),
      ...(deadline ? { deadline } : {}),
      status: sid ?? 'ej-paborjad',
      notes: current.find((c) => c.id === id)?.notes ?? [],
    });
    if (parsed.success) {
      items.push(parsed.data);
      itemRows.push(row);
    } else
      for (const e of bilingualFieldErrors(parsed.error.issues))
        fail(COLUMN_OF[e.field.split('.')[0] ?? ''] ?? 1, e.message, e.sv ?? 'Ogiltigt värde');
  }
  return { items, errors, rows: itemRows };
}
