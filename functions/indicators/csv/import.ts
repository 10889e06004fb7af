import { columnLetter, CsvError, parseCsv, parseNumber, type CsvLocale, type CsvRow } from '../../core/csv/index.js';
import type { IndicatorDefinition } from '../../core/config/schema.js';
import type { IndicatorsContext } from '../context.js';
import type { ReportId } from '../data/repository.js';
import { inParallel } from '../data/parallel.js';
import { splitCellKey, TOTAL, type Dimension } from '../model/cells.js';
import { RESIDENCE_PREFIX } from '../model/single-reporter.js';
import type { StoredReport } from '../model/report.js';
import { periodErrors } from '../model/units.js';
import { validateReport, type ValidReport } from '../model/validate.js';
import { AREA_ORG } from '../query/observations.js';
import { reportingOrganisations } from '../query/raw.js';
import { COLUMNS, type ColumnId } from './columns.js';

/** One problem of an upload, by row (as a spreadsheet numbers it, header = 1) and column header. */
export interface RowError {
  readonly row: number;
  readonly column: string;
  readonly message: string;
  readonly sv: string;
}

/** One report an upload makes, with the rows it came from and what is stored now. */
export interface ImportedReport {
  readonly id: ReportId;
  readonly report: ValidReport;
  readonly rows: readonly number[];
  readonly previous?: StoredReport['current'];
}

/** A valid upload: the reports that change something, those equal to what is stored, and the rows left out. */
export interface ImportPlan {
  readonly changed: readonly ImportedReport[];
  readonly unchanged: readonly ImportedReport[];
  readonly skipped: number;
  readonly rowCount: number;
}

/** The result of reading an upload: a plan, or every error by row and column, or too many rows. */
export type ImportResult =
  ImportPlan | { readonly errors: readonly RowError[]; readonly rowCount: number } | { readonly tooManyRows: number };

/** What reading an upload needs besides the file: who may report for what, and what is stored. */
export interface ImportAccess {
  readonly mayReport: (org: string) => boolean;
  readonly current: (id: ReportId) => Promise<StoredReport | undefined>;
}

/** The most data rows one upload may hold (docs/indicators.md): checked before anything is stored. */
export const MAX_IMPORT_ROWS = 5000;
/** The largest upload in bytes. */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

/** The breakdown column's value for a region-side count by municipality of residence (cells `residence:<code>`). */
const RESIDENCE = RESIDENCE_PREFIX.slice(0, -1);

const REQUIRED: ColumnId[] = ['indicator', 'organization', 'period', 'breakdown', 'category', 'value'];
/** The columns the upload reads; the others (names, explanations, definition) are the export's and are ignored. */
const READ: ColumnId[] = [...REQUIRED, 'status', 'denominator'];

interface GroupRow {
  readonly line: number;
  readonly key: string;
  readonly value?: number;
  readonly denominator?: number;
  /** Marked `..` with no value: suppressed or not given in the file; kept as stored. */
  readonly hidden?: boolean;
}

interface Group {
  readonly id: ReportId;
  readonly def: IndicatorDefinition;
  readonly rows: GroupRow[];
  notApplicable: boolean;
}

/** JSON with sorted keys, so equal cell maps compare equal whatever their order. */
const canonical = (cells: Readonly<Record<string, number>>) => JSON.stringify(Object.entries(cells).sort(([a], [b]) => (a < b ? -1 : 1)));

/** Whether a report holds the same figures as the stored version (who and when aside; the file has no note). */
export const sameFigures = (a: ValidReport, b: StoredReport['current']): boolean =>
  a.status === b.status && canonical(a.cells) === canonical(b.cells) && canonical(a.denominators) === canonical(b.denominators);

/** The header names of the file's dialect: Swedish or English, whichever the header holds more of. */
function headerNames(header: readonly string[]): { locale: CsvLocale; col: Map<ColumnId, number> } {
  const cells = header.map((h) => h.trim().toLowerCase());
  const match = (locale: CsvLocale) =>
    new Map(COLUMNS.flatMap((c) => (cells.includes(c[locale]) ? [[c.id, cells.indexOf(c[locale])]] : [])));
  const sv = match('sv');
  const en = match('en');
  return en.size > sv.size ? { locale: 'en', col: en } : { locale: 'sv', col: sv };
}

/** The header of column `column` (1 = A) for an error below the header if it can be read, else the column's letter. */
function columnName(file: string | Uint8Array, row: number, column: number): string {
  if (row <= 1) return columnLetter(column);
  const text = typeof file === 'string' ? file : new TextDecoder('utf-8').decode(file.subarray(0, 64 * 1024));
  try {
    const header = parseCsv(text.split(/\r\n|\n|\r/, 1)[0] ?? '').rows[0]?.cells ?? [];
    const name = header[column - 1]?.trim();
    return name && !name.includes('\uFFFD') ? name : columnLetter(column);
  } catch {
    return columnLetter(column);
  }
}

/** A code cell: trimmed, with the `="0580"` form of earlier exports read as its text. */
const codeText = (cell: string): string => cell.trim().replace(/^="([^"]*)"$/, '$1');

/**
 * Read a bulk upload in the export's layout (Swedish or English, either separator; BOM or none;
 * bytes must be UTF-8). Rows of one indicator, organisation and period form one report. Area rows
 * are skipped, and so are rows marked `..` without a value for organisations the uploader may not
 * report for (the export lists them); for its own organisations such a cell (suppressed in a
 * public export) and an empty number of persons keep what is stored. Every error names the row
 * and the column; a report equal to the stored one is `unchanged`, so an export sent back
 * unchanged changes nothing.
 */
export async function readImport(
  ctx: IndicatorsContext,
  file: string | Uint8Array,
  access: ImportAccess,
  maxRows = MAX_IMPORT_ROWS,
): Promise<ImportResult> {
  let table: CsvRow[];
  let separator: ';' | ',';
  try {
    ({ rows: table, separator } = parseCsv(file));
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    return {
      errors: [{ row: error.row, column: columnName(file, error.row, error.column), message: error.reason.en, sv: error.reason.sv }],
      rowCount: 0,
    };
  }
  const [header, ...body] = table;
  if (!header) return { errors: [{ row: 1, column: 'A', message: 'The file is empty', sv: 'Filen är tom' }], rowCount: 0 };
  if (body.length > maxRows) return { tooManyRows: body.length };
  const { locale, col } = headerNames(header.cells);
  const name = (id: ColumnId) => (COLUMNS.find((c) => c.id === id) as (typeof COLUMNS)[number])[locale];
  const errors: RowError[] = [];
  const err = (row: number, id: ColumnId, message: string, sv: string) => void errors.push({ row, column: name(id), message, sv });
  for (const id of REQUIRED) if (!col.has(id)) err(1, id, 'Missing column', 'Kolumnen saknas');
  if (errors.length) return { errors, rowCount: body.length };
  // the file's own separator tells its number notation (`;`: decimal comma, or the point a spreadsheet may save)
  const numberLocale: CsvLocale = separator === ';' ? 'sv' : 'en';
  const groups = new Map<string, Group>();
  const now = ctx.deps.clock.now();
  let skipped = 0;
  for (const { row, cells } of body) {
    const last = Math.max(...READ.map((id) => col.get(id) ?? -1));
    if (cells.length <= last) {
      const missing = READ.filter((id) => (col.get(id) ?? -1) >= cells.length)[0] as ColumnId;
      err(
        row,
        missing,
        'The row ends before this column: the file may be cut off',
        'Raden tar slut före kolumnen: filen kan vara avkortad',
      );
      continue;
    }
    const get = (id: ColumnId) => codeText(cells[col.get(id) ?? -1] ?? '');
    const formula = READ.find((id) => /^[=@]/.test(get(id)) || /^\+\D/.test(get(id)));
    if (formula) {
      err(row, formula, 'A formula cannot be read in: give the value itself', 'Formler läses inte in: skriv själva värdet');
      continue;
    }
    const org = get('organization');
    const status = get('status');
    const hidden = status === '..' && get('value') === '';
    if (org === AREA_ORG || (hidden && !access.mayReport(org))) {
      skipped += 1;
      continue;
    }
    const def = ctx.definition(get('indicator'));
    if (!def) {
      err(row, 'indicator', 'Unknown indicator', 'Okänd indikator');
      continue;
    }
    if (def.derived) {
      skipped += 1;
      continue;
    }
    const orgs = reportingOrganisations(def, ctx.deps.config);
    if (!orgs.includes(org)) {
      const zero = /^\d{3}$/.test(org) && orgs.includes(`0${org}`);
      if (zero)
        err(
          row,
          'organization',
          `Unknown organisation ${org}: the leading zero is missing (0${org}); format the column as text`,
          `Okänd organisation ${org}: nollan i början saknas (0${org}); formatera kolumnen som text`,
        );
      else err(row, 'organization', `Unknown organisation "${org.slice(0, 40)}" of this area`, 'Okänd organisation');
      continue;
    }
    if (!access.mayReport(org)) {
      err(row, 'organization', 'You may report only for your own organisation', 'Du får bara rapportera för din egen organisation');
      continue;
    }
    const period = get('period');
    const bad = periodErrors(def, period, now);
    for (const e of bad) err(row, 'period', e.message, e.sv ?? '');
    const breakdown = get('breakdown');
    const category = get('category');
    let key = TOTAL;
    if (breakdown === 'total') {
      if (category !== TOTAL && category !== '') {
        err(row, 'category', `The total's category is ${TOTAL}`, `Totalens kategori är ${TOTAL}`);
        continue;
      }
    } else if (breakdown === RESIDENCE) {
      // a region-side count by municipality of residence: the code and the split are checked with the report
      if (!/^\d{4}$/.test(category)) {
        err(
          row,
          'category',
          `A residence's category is a municipality code of four digits, not "${category.slice(0, 40)}" (format the column as text)`,
          'Hemkommunens kategori är en kommunkod med fyra siffror (formatera kolumnen som text)',
        );
        continue;
      }
      key = `${RESIDENCE_PREFIX}${category}`;
    } else if (!def.breakdown.includes(breakdown as Dimension)) {
      err(
        row,
        'breakdown',
        `This indicator has no breakdown "${breakdown.slice(0, 40)}" (it has: total${def.breakdown.map((d) => `, ${d}`).join('')})`,
        'Indikatorn har ingen sådan nedbrytning',
      );
      continue;
    } else {
      const codes = ctx.categories[breakdown as Dimension].map((c) => c.code);
      if (!codes.includes(category)) {
        const near = codes.find((c) => c !== category && c.replace(/\D+$/, '') === category);
        err(
          row,
          'category',
          `Unknown category "${category.slice(0, 40)}"${near ? ` (did you mean ${near}? format the column as text)` : ''}; expected one of ${codes.join(', ')}`,
          `Okänd kategori${near ? ` (menade du ${near}? formatera kolumnen som text)` : ''}; ange en av ${codes.join(', ')}`,
        );
        continue;
      }
      key = `${breakdown}:${category}`;
    }
    if (bad.length) continue;
    const groupKey = `${def.id}\n${org}\n${period}`;
    const group = groups.get(groupKey) ?? { id: { indicator: def.id, organization: org, period }, def, rows: [], notApplicable: false };
    groups.set(groupKey, group);
    if (group.rows.some((r) => r.key === key)) {
      err(row, 'category', 'The same cell appears twice', 'Samma cell står två gånger');
      continue;
    }
    if (status === '.') {
      group.notApplicable = true;
      group.rows.push({ line: row, key });
      continue;
    }
    if (hidden) {
      group.rows.push({ line: row, key, hidden: true });
      continue;
    }
    const value = parseNumber(get('value'), numberLocale);
    if (value === undefined) {
      err(row, 'value', `Expected a number written as ${numberLocale === 'sv' ? '12,5' : '12.5'}`, 'Ange ett tal, till exempel 12,5');
      continue;
    }
    const denominatorText = col.has('denominator') ? get('denominator') : '';
    const denominator = denominatorText === '' ? undefined : parseNumber(denominatorText, numberLocale);
    if (denominatorText !== '' && denominator === undefined) {
      err(row, 'denominator', 'Expected a whole number', 'Ange ett heltal');
      continue;
    }
    group.rows.push({ line: row, key, value, ...(denominator !== undefined ? { denominator } : {}) });
  }
  if (errors.length) return { errors, rowCount: body.length };
  const changed: ImportedReport[] = [];
  const unchanged: ImportedReport[] = [];
  await inParallel([...groups.values()], 16, async (group) => {
    // a report whose every cell is `..` says nothing
    if (!group.notApplicable && group.rows.every((r) => r.hidden)) return void (skipped += group.rows.length);
    const previous = (await access.current(group.id))?.current;
    const reporter = { organization: group.id.organization, config: ctx.deps.config };
    const result = validateReport(group.def, ctx.categories, reportInput(group, previous), reporter);
    if (Array.isArray(result)) {
      for (const e of result) errors.push(rowErrorOf(group, e, name));
      return;
    }
    const item = { id: group.id, report: result, rows: group.rows.map((r) => r.line), ...(previous ? { previous } : {}) };
    (previous && sameFigures(result, previous) ? unchanged : changed).push(item);
  });
  if (errors.length) return { errors: errors.sort((a, b) => a.row - b.row), rowCount: body.length };
  const order = (a: ImportedReport, b: ImportedReport) => (a.rows[0] ?? 0) - (b.rows[0] ?? 0);
  return { changed: changed.sort(order), unchanged: unchanged.sort(order), skipped, rowCount: body.length };
}

/** The report body of a group, `..` cells and empty numbers of persons taken from the stored version. */
function reportInput(group: Group, previous: StoredReport['current'] | undefined) {
  if (group.notApplicable) return { status: 'not-applicable' };
  const kept = previous?.status === 'reported' ? previous : undefined;
  const cells: Record<string, number | undefined> = {};
  const denominators: Record<string, number | undefined> = {};
  for (const r of group.rows) {
    const value = r.hidden ? kept?.cells[r.key] : r.value;
    if (value !== undefined) cells[r.key] = value;
    const denominator = r.denominator ?? kept?.denominators[r.key];
    if (denominator !== undefined && value !== undefined) denominators[r.key] = denominator;
  }
  const breakdown: Record<string, Record<string, number | undefined>> = {};
  const byDimension: Record<string, Record<string, number | undefined>> = {};
  for (const [key, value] of Object.entries(cells)) {
    if (key === TOTAL) continue;
    const { dimension, code } = splitCellKey(key);
    (breakdown[dimension] ??= {})[code] = value;
    const d = denominators[key];
    if (d !== undefined) (byDimension[dimension] ??= {})[code] = d;
  }
  return {
    value: cells[TOTAL],
    denominator: denominators[TOTAL],
    breakdown: Object.keys(breakdown).length ? breakdown : undefined,
    denominators: Object.keys(byDimension).length ? byDimension : undefined,
  };
}

/** A validation error of a group's report, at the row of the cell it names. */
function rowErrorOf(group: Group, e: { field: string; message: string; sv?: string }, name: (id: ColumnId) => string): RowError {
  const [top, dimension, code] = e.field.split('.');
  const row =
    group.rows.find((r) => (code ? r.key === `${dimension}:${code}` : dimension ? r.key.startsWith(`${dimension}:`) : r.key === TOTAL)) ??
    group.rows[0];
  const column: ColumnId = top === 'denominator' || top === 'denominators' ? 'denominator' : top === 'status' ? 'status' : 'value';
  const where = `${group.id.indicator} ${group.id.organization} ${group.id.period}`;
  return { row: row?.line ?? 0, column: name(column), message: `${where}: ${e.message}`, sv: `${where}: ${e.sv ?? e.message}` };
}
