import type { FieldError } from '../../core/http/problem.js';
import type { IndicatorsContext } from '../context.js';
import type { ReportId } from '../data/repository.js';
import { splitCellKey, TOTAL, type Dimension } from '../model/cells.js';
import { periodErrors } from '../model/units.js';
import { validateReport, type ValidReport } from '../model/validate.js';
import { AREA_ORG } from '../query/observations.js';
import { reportingOrganisations } from '../query/raw.js';
import { COLUMNS, type ColumnId } from './columns.js';
import { DIALECT, parseCsv, parseNumber, plain, type CsvLocale } from './format.js';

/** The result of reading an upload: reports to store, or every error by row and column. */
export type ImportResult =
  | { readonly reports: { id: ReportId; report: ValidReport }[]; readonly skipped: number }
  | { readonly errors: FieldError[] }
  | { readonly tooManyRows: number };

/** The most data rows one upload may hold (docs/indicators.md): checked before anything is stored. */
export const MAX_IMPORT_ROWS = 5000;

const REQUIRED: ColumnId[] = ['indicator', 'organization', 'period', 'breakdown', 'category', 'value'];

interface Group {
  readonly id: ReportId;
  readonly rows: { line: number; key: string; value?: number; denominator?: number }[];
  notApplicable: boolean;
}

/**
 * Read a bulk upload in the export's layout (Swedish or English dialect, told apart by the header).
 * Rows of one indicator, organisation and period form one report; area rows and rows marked `..`
 * are skipped. Errors name the row (as the spreadsheet numbers it) and the column.
 */
export function readImport(ctx: IndicatorsContext, text: string, mayReport: (org: string) => boolean): ImportResult {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const locale: CsvLocale = firstLine.includes(';') ? 'sv' : 'en';
  let table: string[][];
  try {
    table = parseCsv(text, DIALECT[locale].separator);
  } catch (error) {
    return { errors: [{ field: '(body)', message: (error as Error).message, sv: 'Ett citattecken stängs aldrig' }] };
  }
  if (table.length - 1 > MAX_IMPORT_ROWS) return { tooManyRows: table.length - 1 };
  const head = (table[0] ?? []).map((h) => h.trim().toLowerCase());
  const col = new Map<ColumnId, number>();
  for (const c of COLUMNS) {
    const i = head.indexOf(c[locale]);
    if (i >= 0) col.set(c.id, i);
  }
  const missing = REQUIRED.filter((id) => !col.has(id));
  if (missing.length)
    return {
      errors: missing.map((id) => ({
        field: `row 1, column ${COLUMNS.find((c) => c.id === id)?.[locale]}`,
        message: 'Missing column',
        sv: 'Kolumnen saknas',
      })),
    };
  const errors: FieldError[] = [];
  const err = (line: number, id: ColumnId, message: string, sv: string) =>
    errors.push({ field: `row ${line}, column ${COLUMNS.find((c) => c.id === id)?.[locale]}`, message, sv });
  const groups = new Map<string, Group>();
  const now = ctx.deps.clock.now();
  let skipped = 0;
  table.slice(1).forEach((cells, i) => {
    const line = i + 2;
    const get = (id: ColumnId) => plain(cells[col.get(id) ?? -1]);
    const org = get('organization');
    const status = get('status');
    if (org === AREA_ORG || (status === '..' && get('value') === '')) return void (skipped += 1);
    const def = ctx.definition(get('indicator'));
    if (!def) return err(line, 'indicator', 'Unknown indicator', 'Okänd indikator');
    if (def.derived) return void (skipped += 1);
    if (!reportingOrganisations(def, ctx.deps.config).includes(org))
      return err(line, 'organization', 'Unknown organisation of this area', 'Okänd organisation');
    if (!mayReport(org))
      return err(line, 'organization', 'You may report only for your own organisation', 'Du får bara rapportera för din egen organisation');
    const period = get('period');
    for (const e of periodErrors(def, period, now)) err(line, 'period', e.message, e.sv ?? '');
    const breakdown = get('breakdown');
    const category = get('category');
    const key = breakdown === 'total' ? TOTAL : `${breakdown}:${category}`;
    if (breakdown !== 'total' && !def.breakdown.includes(breakdown as Dimension))
      return err(line, 'breakdown', 'This indicator has no such breakdown', 'Indikatorn har ingen sådan nedbrytning');
    const groupKey = `${def.id}\n${org}\n${period}`;
    const group = groups.get(groupKey) ?? { id: { indicator: def.id, organization: org, period }, rows: [], notApplicable: false };
    groups.set(groupKey, group);
    if (group.rows.some((r) => r.key === key)) return err(line, 'category', 'The same cell appears twice', 'Samma cell står två gånger');
    if (status === '.') {
      group.notApplicable = true;
      return void group.rows.push({ line, key });
    }
    const value = parseNumber(get('value'), locale);
    if (value === undefined)
      return err(line, 'value', `Expected a number written as ${locale === 'sv' ? '12,5' : '12.5'}`, 'Ange ett tal, till exempel 12,5');
    const denominatorText = col.has('denominator') ? get('denominator') : '';
    const denominator = denominatorText === '' ? undefined : parseNumber(denominatorText, locale);
    if (denominatorText !== '' && denominator === undefined) return err(line, 'denominator', 'Expected a whole number', 'Ange ett heltal');
    group.rows.push({ line, key, value, denominator });
  });
  const reports: { id: ReportId; report: ValidReport }[] = [];
  for (const group of groups.values()) {
    const def = ctx.definition(group.id.indicator);
    if (!def) continue;
    const total = group.rows.find((r) => r.key === TOTAL);
    const breakdown: Record<string, Record<string, number | undefined>> = {};
    const denominators: Record<string, Record<string, number | undefined>> = {};
    for (const r of group.rows) {
      if (r.key === TOTAL) continue;
      const { dimension, code } = splitCellKey(r.key);
      (breakdown[dimension] ??= {})[code] = r.value;
      if (r.denominator !== undefined) (denominators[dimension] ??= {})[code] = r.denominator;
    }
    const input = group.notApplicable
      ? { status: 'not-applicable' }
      : {
          value: total?.value,
          denominator: total?.denominator,
          breakdown: Object.keys(breakdown).length ? breakdown : undefined,
          denominators: Object.keys(denominators).length ? denominators : undefined,
        };
    const result = validateReport(def, ctx.categories, input);
    if (!Array.isArray(result)) {
      reports.push({ id: group.id, report: result });
      continue;
    }
    for (const e of result) {
      const [, dimension, code] = e.field.split('.');
      const row =
        group.rows.find((r) =>
          code ? r.key === `${dimension}:${code}` : dimension ? r.key.startsWith(`${dimension}:`) : r.key === TOTAL,
        ) ?? group.rows[0];
      const column: ColumnId = e.field.startsWith('denominator') ? 'denominator' : e.field === 'status' ? 'status' : 'value';
      err(row?.line ?? 0, column, `${group.id.indicator} ${group.id.organization} ${group.id.period}: ${e.message}`, e.sv ?? '');
    }
  }
  return errors.length ? { errors } : { reports, skipped };
}
