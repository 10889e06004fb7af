import { Hono } from 'hono';
import { canEditOrg } from '../../core/auth/auth.js';
import { toStockholmIso } from '../../core/i18n.js';
import { readBody } from '../../core/http/body.js';
import { badRequest, ProblemError } from '../../core/http/problem.js';
import { requireStaff, type KitEnv } from '../../core/http/staff.js';
import type { IndicatorsContext } from '../context.js';
import { MAX_IMPORT_ROWS, readImport } from '../csv/import.js';
import { inParallel } from '../data/parallel.js';
import { readReport, restoreReport, WRITE_CONCURRENCY, writeReports, type ReportId } from '../data/repository.js';
import { singleReporterConflicts, singleReporterError, singleReporterRefusal } from '../data/single-reporter.js';
import type { CellValues, StoredReport } from '../model/report.js';
import type { ValidReport } from '../model/validate.js';
import { reportingTerms } from '../model/definition.js';

/** `POST /import.csv` (editor for its own organisation, admin for any): bulk report in the export's layout, at most `MAX_IMPORT_ROWS` rows; all or nothing. */
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
    const text = await readBody(c, 2 * 1024 * 1024);
    const result = readImport(ctx, text, (org) => canEditOrg(staff, org));
    if ('tooManyRows' in result)
      throw new ProblemError({
        status: 413,
        title: `Filen har för många rader: högst ${MAX_IMPORT_ROWS} per uppladdning. Inget sparades; dela upp filen.`,
        detail: `The file has ${result.tooManyRows} data rows; at most ${MAX_IMPORT_ROWS} per upload. Nothing was stored; split the file.`,
        errors: [
          {
            field: '(body)',
            message: `At most ${MAX_IMPORT_ROWS} data rows per upload`,
            sv: `Högst ${MAX_IMPORT_ROWS} rader per uppladdning`,
          },
        ],
        extensions: { limit: MAX_IMPORT_ROWS, rows: result.tooManyRows },
      });
    if ('errors' in result)
      throw badRequest(result.errors.slice(0, 200), `The file has ${result.errors.length} error(s); nothing was stored.`);
    if (result.reports.length === 0)
      throw badRequest([
        { field: '(body)', message: 'The file holds no figures to report', sv: 'Filen innehåller inga siffror att rapportera' },
      ]);
    const refused = await uploadConflicts(ctx, result.reports);
    if (refused.length) throw singleReporterRefusal(refused);
    // joint measures are checked again after the write: the other party may have saved meanwhile
    const joint = result.reports.filter((r) => ctx.definition(r.id.indicator)?.counting === 'single-reporter');
    const before: (StoredReport | undefined)[] = [];
    if (joint.length)
      await inParallel([...result.reports.keys()], WRITE_CONCURRENCY, async (i) => {
        before[i] = (await readReport(ctx.deps.store, (result.reports[i] as (typeof result.reports)[number]).id))?.report;
      });
    const reportedAt = toStockholmIso(ctx.deps.clock.now());
    await writeReports(
      ctx.deps.store,
      result.reports.map(({ id, report }) => ({
        id,
        version: { ...report, counting: ctx.definition(id.indicator)?.counting, reportedBy: staff.sub, reportedAt },
      })),
    );
    const late = joint.length ? await uploadConflicts(ctx, joint) : [];
    if (late.length) {
      // all or nothing: every report of the file is put back
      for (const [i, { id }] of result.reports.entries()) {
        const now = await readReport(ctx.deps.store, id);
        if (now) await restoreReport(ctx.deps.store, id, before[i], now.etag);
      }
      ctx.cache.invalidate();
      throw singleReporterRefusal(late);
    }
    ctx.cache.invalidate();
    ctx.deps.log.info('indicators imported', { reports: result.reports.length, skipped: result.skipped });
    const indicators = [...new Set(result.reports.map((r) => r.id.indicator))];
    const counting = Object.fromEntries(
      indicators.flatMap((id) => {
        const def = ctx.definition(id);
        return def ? [[id, reportingTerms(def).counting]] : [];
      }),
    );
    return c.json({ stored: result.reports.length, skipped: result.skipped, counting }, 200);
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
