import { Hono } from 'hono';
import { canEditOrg, type Staff } from '../../core/auth/auth.js';
import { toStockholmIso } from '../../core/i18n.js';
import { readBytes } from '../../core/http/body.js';
import { badRequest, ProblemError, type FieldError } from '../../core/http/problem.js';
import { requireStaff, type KitEnv } from '../../core/http/staff.js';
import type { IndicatorsContext } from '../context.js';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, readImport, type ImportPlan, type ImportResult, type RowError } from '../csv/import.js';
import { readReport, writeReports } from '../data/repository.js';
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
 * reports equal to the stored ones are not written, so they gain no history.
 */
export async function storeUpload(ctx: IndicatorsContext, staff: Staff, plan: ImportPlan): Promise<void> {
  if (plan.changed.length === 0) return;
  const reportedAt = toStockholmIso(ctx.deps.clock.now());
  await writeReports(
    ctx.deps.store,
    plan.changed.map(({ id, report }) => ({ id, version: { ...report, reportedBy: staff.sub, reportedAt } })),
  );
  ctx.cache.invalidate();
  ctx.deps.log.info('indicators imported', { changed: plan.changed.length, unchanged: plan.unchanged.length, skipped: plan.skipped });
}

/**
 * `POST /import.csv` (editor for its own organisation, admin for any): bulk report in the export's
 * layout, at most `MAX_IMPORT_ROWS` rows; all or nothing. Answers how many reports changed
 * (`stored`, `changed`) and how many were equal to what is stored (`unchanged`, not written).
 */
export function importRoutes(ctx: IndicatorsContext) {
  const app = new Hono<KitEnv>();
  app.post('/import.csv', requireStaff(ctx.deps.auth, 'admin', 'editor'), async (c) => {
    const staff = c.get('staff') as NonNullable<KitEnv['Variables']['staff']>;
    if (!/^text\/(csv|plain)\b/i.test(c.req.header('content-type') ?? ''))
      throw new ProblemError({
        status: 415,
        title: 'Fel innehållstyp',
        detail: 'Send the file as text/csv.',
        errors: [{ field: 'Content-Type', message: 'Expected text/csv' }],
      });
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
