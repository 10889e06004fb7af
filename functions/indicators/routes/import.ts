import { Hono } from 'hono';
import { canEditOrg, type Staff } from '../../core/auth/auth.js';
import { toStockholmIso } from '../../core/i18n.js';
import { assertCsvBody, readBytes } from '../../core/http/body.js';
import { badRequest, ProblemError, type FieldError } from '../../core/http/problem.js';
import { currentStaff, type KitEnv, requireStaff } from '../../core/http/staff.js';
import type { IndicatorsContext } from '../context.js';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, readImport, type ImportPlan, type ImportResult, type RowError } from '../csv/import.js';
import { inParallel } from '../data/parallel.js';
import { readReport, restoreReport, WRITE_CONCURRENCY, writeReports, type ReportId } from '../data/repository.js';
import { singleReporterConflicts, singleReporterError, singleReporterRefusal } from '../data/single-reporter.js';
import type { CellValues, StoredReport } from '../model/report.js';
import type { ValidReport } from '../model/validate.js';
import { reportingTerms } from '../model/definition.js';

/** How many row errors a refused upload lists (the count of all is in `errorCount`). */
export const MAX_LISTED_ERRORS = 200;

/** Read an upload as `staff` may: their organisations only, compared with what is stored now. */
export function readUpload(ctx: IndicatorsContext, staff: Staff, file: string | Uint8Array): Promise<ImportResult> {
  return readImport(ctx, file, {
    mayReport: (org) => canEditOrg(staff, org),
    current: async (id) => (await readReport(ctx.deps.store, id))?.report,
  });
}

/** A row error as a problem's field error: `row 9, column värde`. */
export const rowFieldError = (e: RowError): FieldError => ({
  field: `row ${e.row}, column ${e.column}`,
  message: e.message,
  sv: `Rad ${e.row}, kolumn ${e.column}: ${e.sv}`,
});

/** 413 for an upload over the row limit. */
export function tooManyRows(rows: number): ProblemError {
  return new ProblemError({
    status: 413,
    title: `Filen har för många rader: högst ${MAX_IMPORT_ROWS} per uppladdning. Inget sparades; dela upp filen.`,
    detail: `The file has ${rows} data rows; at most ${MAX_IMPORT_ROWS} per upload. Nothing was stored; split the file.`,
    errors: [
      { field: '(body)', message: `At most ${MAX_IMPORT_ROWS} data rows per upload`, sv: `Högst ${MAX_IMPORT_ROWS} rader per uppladdning` },
    ],
    extensions: { limit: MAX_IMPORT_ROWS, rows },
  });
}

/**
 * Store the reports of a plan that change something, as one unit (`writeReports`: all or none);
 * reports equal to the stored ones are not written, so they gain no history. Joint measures keep
 * the single-reporter rule: refused before the write when the other party reported, and checked
 * again after it (the other party may have saved meanwhile), every report put back if so.
 */
export async function storeUpload(ctx: IndicatorsContext, staff: Staff, plan: ImportPlan): Promise<void> {
  if (plan.changed.length === 0) return;
  const reports = plan.changed;
  const refused = await uploadConflicts(ctx, reports);
  if (refused.length) throw singleReporterRefusal(refused);
  const joint = reports.filter((r) => ctx.definition(r.id.indicator)?.counting === 'single-reporter');
  const before: (StoredReport | undefined)[] = [];
  if (joint.length)
    await inParallel([...reports.keys()], WRITE_CONCURRENCY, async (i) => {
      before[i] = (await readReport(ctx.deps.store, (reports[i] as (typeof reports)[number]).id))?.report;
    });
  const reportedAt = toStockholmIso(ctx.deps.clock.now());
  await writeReports(
    ctx.deps.store,
    reports.map(({ id, report }) => ({
      id,
      version: { ...report, counting: ctx.definition(id.indicator)?.counting, reportedBy: staff.sub, reportedAt },
    })),
  );
  const late = joint.length ? await uploadConflicts(ctx, joint) : [];
  if (late.length) {
    // all or nothing: every report of the file is put back
    for (const [i, { id }] of reports.entries()) {
      const now = await readReport(ctx.deps.store, id);
      if (now) await restoreReport(ctx.deps.store, id, before[i], now.etag);
    }
    ctx.cache.invalidate();
    throw singleReporterRefusal(late);
  }
  ctx.cache.invalidate();
  ctx.deps.log.info('indicators imported', { changed: reports.length, unchanged: plan.unchanged.length, skipped: plan.skipped });
}

/**
 * `POST /import.csv` (editor for its own organisation, admin for any): bulk report in the export's
 * layout, at most `MAX_IMPORT_ROWS` rows; all or nothing. Answers how many reports changed
 * (`stored`, `changed`) and how many were equal to what is stored (`unchanged`, not written).
 */
export function importRoutes(ctx: IndicatorsContext) {
  const app = new Hono<KitEnv>();
  app.post('/import.csv', requireStaff(ctx.deps.auth, 'admin', 'editor'), async (c) => {
    const staff = currentStaff(c);
    assertCsvBody(c);
    // the bytes, so that a file that is not UTF-8 is refused naming its row and column
    const result = await readUpload(ctx, staff, await readBytes(c, MAX_IMPORT_BYTES));
    if ('tooManyRows' in result) throw tooManyRows(result.tooManyRows);
    if ('errors' in result) {
      const listed = result.errors.slice(0, MAX_LISTED_ERRORS);
      throw new ProblemError({
        status: 400,
        title: 'Filen har fel och har inte lästs in',
        detail: `The file has ${result.errors.length} error(s)${result.errors.length > listed.length ? `, the first ${listed.length} listed` : ''}; nothing was stored.`,
        errors: listed.map(rowFieldError),
        extensions: { rowErrors: listed, errorCount: result.errors.length },
      });
    }
    if (result.changed.length + result.unchanged.length === 0)
      throw badRequest([
        { field: '(body)', message: 'The file holds no figures to report', sv: 'Filen innehåller inga siffror att rapportera' },
      ]);
    await storeUpload(ctx, staff, result);
    const indicators = [...new Set([...result.changed, ...result.unchanged].map((r) => r.id.indicator))];
    const counting = Object.fromEntries(
      indicators.flatMap((id) => {
        const def = ctx.definition(id);
        return def ? [[id, reportingTerms(def).counting]] : [];
      }),
    );
    const changed = result.changed.length;
    return c.json({ stored: changed, changed, unchanged: result.unchanged.length, skipped: result.skipped, counting }, 200);
  });
  return app;
}

/**
 * The single-reporter rule over an upload: each report is checked against the other party's stored
 * report, or its report in the same file. Errors name the report (indicator, period, organisation)
 * and the column of the value.
 */
async function uploadConflicts(ctx: IndicatorsContext, reports: readonly { id: ReportId; report: ValidReport }[]) {
  const sent = new Map<string, Map<string, CellValues>>();
  const at = (id: ReportId) => `${id.indicator}\n${id.period}`;
  for (const { id, report } of reports) {
    if (report.status !== 'reported') continue;
    if (!sent.has(at(id))) sent.set(at(id), new Map());
    sent.get(at(id))?.set(id.organization, report.cells);
  }
  const errors = [];
  for (const { id, report } of reports) {
    const def = ctx.definition(id.indicator);
    if (!def || report.status !== 'reported') continue;
    const found = await singleReporterConflicts(ctx.deps.store, ctx.deps.config, def, id, report.cells, sent.get(at(id)));
    if (found.length)
      errors.push(singleReporterError(ctx.deps.config, id, found, `${id.indicator} ${id.period} ${id.organization}, column värde/value`));
  }
  return errors;
}
