import { bilingualFieldErrors } from '../../core/http/field-messages.js';
import type { Staff } from '../../core/auth/auth.js';
import { canEditOrg } from '../../core/auth/auth.js';
import { serviceInputSchema, type ServiceInput } from '../model/service.js';
import { ID_PATTERN } from '../data/ids.js';
import { CSV_COLUMNS, cellValue, type CsvColumn } from './columns.js';
import { columnLetter, CsvError, parseCsv, type CsvRow } from '../../core/csv/index.js';

/** One problem in an imported file, by row (1 = header) and column header. */
export interface RowError {
  readonly row: number;
  readonly column: string;
  readonly message: string;
  readonly sv: string;
}

/** One valid row: the service fields and the id when it replaces an existing service. */
export interface ImportRow {
  readonly row: number;
  readonly id?: string;
  readonly input: ServiceInput;
}

/** Extra per-row checks against the area (organisation, municipality codes …), by field name. */
export type RowCheck = (input: ServiceInput) => { field: string; message: string; sv?: string }[];

function columnOfField(path: string): CsvColumn | undefined {
  const top = path.split('.')[0];
  return CSV_COLUMNS.find((c) => c.field === top);
}

/**
 * Validate every row of a services CSV. Returns all rows when the whole file is valid, else every
 * error found (row and column), so that nothing of a file with errors is stored.
 */
export function readServicesCsv(
  file: string | ArrayBuffer | Uint8Array,
  staff: Staff,
  check: RowCheck,
  maxRows = Number.POSITIVE_INFINITY,
): { rows: ImportRow[]; errors: RowError[]; rowCount: number } {
  let table: CsvRow[];
  try {
    table = parseCsv(file).rows;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    return {
      rows: [],
      errors: [{ row: error.row, column: columnLetter(error.column), message: error.reason.en, sv: error.reason.sv }],
      rowCount: 0,
    };
  }
  const [header, ...body] = table;
  if (!header) return { rows: [], errors: [{ row: 1, column: '', message: 'The file is empty', sv: 'Filen är tom' }], rowCount: 0 };
  // a file over the limit is refused whole before any row is validated
  if (body.length > maxRows) return { rows: [], errors: [], rowCount: body.length };
  const headers = header.cells.map((h) => h.trim().toLowerCase());
  const errors: RowError[] = [];
  headers.forEach((h) => {
    if (h && !CSV_COLUMNS.some((c) => c.header === h)) errors.push({ row: 1, column: h, message: 'Unknown column', sv: 'Okänd kolumn' });
  });
  for (const required of ['namn', 'organisation', 'huvudman'])
    if (!headers.includes(required)) errors.push({ row: 1, column: required, message: 'Required column missing', sv: 'Kolumnen saknas' });
  if (errors.length) return { rows: [], errors, rowCount: body.length };
  const rows: ImportRow[] = [];
  const seen = new Set<string>();
  for (const { row, cells } of body) {
    const record: Record<string, unknown> = {};
    let id: string | undefined;
    headers.forEach((h, i) => {
      const col = CSV_COLUMNS.find((c) => c.header === h);
      if (!col || col.field === 'verified') return;
      const value = cellValue(col, cells[i] ?? '');
      if (col.field === 'id') id = typeof value === 'string' ? value : undefined;
      else if (col.field === 'phones') record.phones = (value as string[]).map((number) => ({ number }));
      else if (value !== undefined) record[col.field] = value;
    });
    const rowErrors: RowError[] = [];
    if (id !== undefined && !ID_PATTERN.test(id)) rowErrors.push({ row, column: 'id', message: 'Not a valid id', sv: 'Ogiltigt id' });
    if (id !== undefined && seen.has(id))
      rowErrors.push({ row, column: 'id', message: 'The same id twice in the file', sv: 'Samma id två gånger i filen' });
    if (id) seen.add(id);
    const parsed = serviceInputSchema().safeParse(record);
    if (!parsed.success) {
      for (const e of bilingualFieldErrors(parsed.error.issues))
        rowErrors.push({ row, column: columnOfField(e.field)?.header ?? e.field, message: e.message, sv: e.sv ?? 'Ogiltigt värde' });
    } else {
      for (const e of check(parsed.data))
        rowErrors.push({ row, column: columnOfField(e.field)?.header ?? e.field, message: e.message, sv: e.sv ?? 'Ogiltigt värde' });
      if (!canEditOrg(staff, parsed.data.organizationId))
        rowErrors.push({
          row,
          column: 'organisation',
          message: 'Not your organisation',
          sv: 'Du får inte ändra den organisationens uppgifter',
        });
      if (rowErrors.length === 0) rows.push({ row, ...(id ? { id } : {}), input: parsed.data });
    }
    errors.push(...rowErrors);
  }
  return { rows, errors, rowCount: body.length };
}
