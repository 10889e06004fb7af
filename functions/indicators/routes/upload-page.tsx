import { createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import type { Staff } from '../../core/auth/auth.js';
import { type CsvLocale } from '../../core/csv/index.js';
import { ProblemError } from '../../core/http/problem.js';
import { readMultipart, type MultipartForm } from '../../core/http/multipart.js';
import { assertCanEditOrg, currentStaff, type KitEnv } from '../../core/http/staff.js';
import { resolveLang, type Lang, type Text } from '../../core/i18n.js';
import type { IndicatorsContext } from '../context.js';
import { exportCsv } from '../csv/export.js';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, type ImportPlan, type ImportResult } from '../csv/import.js';
import { readReport } from '../data/repository.js';
import { cellKeysOf, splitCellKey } from '../model/cells.js';
import { hasBegun } from '../model/period.js';
import { figures } from '../pages/staff-page.js';
import { CONFIRM_PATH, TEMPLATE_PATH, UPLOAD_PATH, UploadPage, type Preview, type UploadPageProps } from '../pages/upload-page.js';
import type { Observation } from '../query/observations.js';
import { reportingOrganisations } from '../query/raw.js';
import { frequencyOf } from '../release/deadline.js';
import { MAX_LISTED_ERRORS, readUpload, storeUpload } from './import.js';

/** What the upload pages share with the reporting page: whom a staff member reports for, and the period asked for. */
export interface UploadScope {
  orgsOf(staff: Staff): string[];
  periodOf(raw: string | undefined): string;
}

/** A fingerprint of the changes a plan makes, and of what they replace: the confirm stores only the changes previewed. */
export function planDigest(plan: ImportPlan): string {
  const sorted = (cells: Readonly<Record<string, number>>) => Object.entries(cells).sort(([a], [b]) => (a < b ? -1 : 1));
  const rows = plan.changed.map(({ id, report, previous }) => [
    id.indicator,
    id.organization,
    id.period,
    report.status,
    sorted(report.cells),
    sorted(report.denominators),
    previous ? [previous.reportedAt, previous.status, sorted(previous.cells), sorted(previous.denominators)] : null,
  ]);
  return createHash('sha256').update(JSON.stringify(rows)).digest('base64url');
}

/** The rows `2–8` of a report in the file. */
const rowSpan = (rows: readonly number[]) => {
  const lo = Math.min(...rows);
  const hi = Math.max(...rows);
  return lo === hi ? String(lo) : `${lo}–${hi}`;
};

/** The upload's text as the confirm form carries it: no BOM, CRLF line ends (as a browser sends a form field). */
const formText = (text: string) => text.replace(/^\uFEFF/, '').replace(/\r\n|\r|\n/g, '\r\n');

const decodeStrict = (bytes: Uint8Array): string | undefined => {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
};

/** The failure of a whole request (no file, too large, malformed form) in words. */
function failureOf(error: ProblemError): Text {
  const e = error.problem.errors?.[0];
  return { sv: e?.sv ?? error.problem.title, en: e?.message ?? error.problem.detail ?? error.problem.title };
}

const NO_FILE: Text = { sv: 'Välj en CSV-fil att ladda upp.', en: 'Choose a CSV file to upload.' };
const TOO_MANY: Text = { sv: 'Filen har för många rader.', en: 'The file has too many rows.' };

/**
 * The CSV upload of `/personal/uppfoljning` (mounted inside the staff section, behind its session
 * guard: editor or admin, same-origin posts, `Cache-Control: private, no-store`). A plain form
 * with a file input posts the template; the file is read by the API's own rules (`readUpload`:
 * the editor's organisation only) and shown as a preview or as errors row by row, nothing stored.
 * The confirm form carries the file text back and it is read and checked again as if uploaded anew;
 * it stores only when it still gives the changes previewed (`planDigest`), else it shows the new
 * preview.
 */
export function indicatorUploadPages(ctx: IndicatorsContext, scope: UploadScope): Hono<KitEnv> {
  const { deps } = ctx;
  const app = new Hono<KitEnv>();

  function page(c: Context<KitEnv>, props: Partial<UploadPageProps>, status: 200 | 400 | 409 | 413 | 415 = 200) {
    const staff = currentStaff(c);
    const orgs = scope.orgsOf(staff);
    const asked = c.req.query('org') ?? '';
    return c.html(
      <UploadPage
        config={deps.config}
        lang={resolveLang(c)}
        nonce={c.get('secureHeadersNonce')}
        staff={staff}
        orgs={orgs}
        org={orgs.includes(asked) ? asked : (orgs[0] ?? '')}
        period={scope.periodOf(c.req.query('period'))}
        {...props}
      />,
      status,
    );
  }

  const previewOf = (plan: ImportPlan, fileName: string, csv: string, lang: Lang): Preview => ({
    fileName,
    changed: plan.changed.map(({ id, report, previous, rows }) => {
      const def = ctx.definition(id.indicator)!;
      return {
        indicator: def,
        organization: id.organization,
        period: id.period,
        rows: rowSpan(rows),
        ...(previous ? { before: figures(lang, def, ctx.categories, previous.status, previous.cells) } : {}),
        after: figures(lang, def, ctx.categories, report.status, report.cells),
      };
    }),
    unchanged: plan.unchanged.length,
    skipped: plan.skipped,
    rowCount: plan.rowCount,
    csv,
    digest: planDigest(plan),
  });

  /** The page for a refused file: its row errors, or the row limit. */
  const refused = (c: Context<KitEnv>, result: Exclude<ImportResult, ImportPlan>) =>
    'tooManyRows' in result
      ? page(
          c,
          {
            failure: {
              sv: `${TOO_MANY.sv} Högst ${MAX_IMPORT_ROWS} per uppladdning.`,
              en: `${TOO_MANY.en} At most ${MAX_IMPORT_ROWS} per upload.`,
            },
          },
          413,
        )
      : page(c, { errors: result.errors.slice(0, MAX_LISTED_ERRORS), errorCount: result.errors.length }, 400);

  const readForm = async (c: Context<KitEnv>): Promise<MultipartForm | ProblemError> => {
    try {
      return await readMultipart(c, { maxBytes: MAX_IMPORT_BYTES + 64 * 1024, maxParts: 8 });
    } catch (error) {
      if (error instanceof ProblemError) return error;
      throw error;
    }
  };
  const failedStatus = (e: ProblemError) => (e.problem.status === 413 ? 413 : e.problem.status === 415 ? 415 : 400);

  app.get(UPLOAD_PATH, (c) => {
    const stored = c.req.query('meddelande') === 'stored' ? /^\d{1,5}$/.exec(c.req.query('antal') ?? '')?.[0] : undefined;
    return page(
      c,
      stored === undefined
        ? {}
        : { notice: { sv: `Uppladdningen är sparad: ${stored} rapporter.`, en: `The upload is stored: ${stored} reports.` } },
    );
  });

  app.post(UPLOAD_PATH, async (c) => {
    const staff = currentStaff(c);
    const lang = resolveLang(c);
    const form = await readForm(c);
    if (form instanceof ProblemError) return page(c, { failure: failureOf(form) }, failedStatus(form));
    const file = form.file('fil');
    if (!file) return page(c, { failure: NO_FILE }, 400);
    const fileName = (file.filename ?? '').slice(0, 100);
    const text = decodeStrict(file.data);
    // bytes that are not UTF-8 are reported by the reader, with their row and column
    const result = await readUpload(ctx, staff, text === undefined ? file.data : formText(text));
    if (!('changed' in result)) return refused(c, result);
    return page(c, { preview: previewOf(result, fileName, formText(text ?? ''), lang) });
  });

  app.post(CONFIRM_PATH, async (c) => {
    const staff = currentStaff(c);
    const lang = resolveLang(c);
    const form = await readForm(c);
    if (form instanceof ProblemError) return page(c, { failure: failureOf(form) }, failedStatus(form));
    const csv = form.text('csv');
    if (csv === undefined) return page(c, { failure: NO_FILE }, 400);
    const fileName = (form.text('namn') ?? '').slice(0, 100);
    const reason = (form.text('reason') ?? '').trim();
    // read and checked again as a new upload: the form's copy is trusted no more than a file sent to the API
    const result = await readUpload(ctx, staff, formText(csv));
    if (!('changed' in result)) return refused(c, result);
    const preview = previewOf(result, fileName, formText(csv), lang);
    if (preview.digest !== form.text('plan')) return page(c, { preview, stale: true, reason }, 409);
    if (reason.length > 500)
      return page(
        c,
        { preview, reason, reasonError: { sv: 'Skälet får vara högst 500 tecken.', en: 'The reason may be at most 500 characters.' } },
        400,
      );
    const plan = reason
      ? { ...result, changed: result.changed.map((r) => (r.previous ? { ...r, report: { ...r.report, reason } } : r)) }
      : result;
    await storeUpload(ctx, staff, plan);
    const q = new URLSearchParams({ lang, meddelande: 'stored', antal: String(plan.changed.length) });
    return c.redirect(`${UPLOAD_PATH}?${q}`, 303);
  });

  app.get(TEMPLATE_PATH, async (c) => {
    const staff = currentStaff(c);
    const period = scope.periodOf(c.req.query('period'));
    const org = c.req.query('org') || (scope.orgsOf(staff)[0] ?? '');
    assertCanEditOrg(staff, org);
    const locale: CsvLocale = c.req.query('locale') === 'en' ? 'en' : 'sv';
    const frequency = frequencyOf(period);
    const defs = ctx.definitions.filter(
      (d) =>
        !d.derived &&
        d.frequency === frequency &&
        hasBegun(period, d.frequency, deps.clock.now()) &&
        reportingOrganisations(d, deps.config).includes(org),
    );
    const rows: Observation[] = [];
    for (const def of defs) {
      const current = (await readReport(deps.store, { indicator: def.id, period, organization: org }))?.report.current;
      const keys = current?.status === 'not-applicable' ? ['T'] : cellKeysOf(def, ctx.categories);
      for (const key of keys) {
        const { dimension, code } = splitCellKey(key);
        const value = current?.cells[key];
        const denominator = current?.denominators[key];
        rows.push({
          indicator: def.id,
          organization: org,
          period,
          breakdown: dimension,
          category: code,
          unit: def.unit,
          value: value ?? null,
          status: current?.status === 'not-applicable' ? 'not-applicable' : value === undefined ? 'not-reported' : 'reported',
          ...(denominator !== undefined ? { denominator } : {}),
        });
      }
    }
    return c.body(exportCsv(deps.config, defs, rows, locale), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="uppfoljning-mall-${org}-${period}${locale === 'en' ? '-en' : ''}.csv"`,
    });
  });
  return app;
}
