import { Hono, type Context } from 'hono';
import { toStockholmIso } from '../../core/i18n.js';
import { readBody } from '../../core/http/body.js';
import { cachedResponse } from '../../core/http/cache.js';
import { badRequest, notFound, ProblemError, type FieldError } from '../../core/http/problem.js';
import type { Staff } from '../../core/auth/auth.js';
import { assertCanEditOrg, currentStaff, type KitEnv, requireStaff } from '../../core/http/staff.js';
import type { IndicatorsContext } from '../context.js';
import { readReport, restoreReport, writeReport, type ReportId } from '../data/repository.js';
import { singleReporterConflicts, singleReporterError, singleReporterRefusal } from '../data/single-reporter.js';
import { periodErrors } from '../model/units.js';
import { reportingTerms } from '../model/definition.js';
import { validateReport, type ReportInput } from '../model/validate.js';
import { reportingOrganisations } from '../query/raw.js';

/** Validate the path of a report (`/{indicator}/{period}/{org}`); 404/400 naming the part. */
export function reportId(c: Context, ctx: IndicatorsContext, forWrite: boolean): ReportId {
  const { indicator, period, org } = c.req.param() as Record<string, string>;
  return checkedReportId(ctx, { indicator, period, org }, forWrite);
}

/** Validate which report is meant (indicator, period, organisation); 404/400 naming the part. */
export function checkedReportId(
  ctx: IndicatorsContext,
  { indicator, period, org }: { indicator?: string; period?: string; org?: string },
  forWrite: boolean,
): ReportId {
  const def = ctx.definition(indicator ?? '');
  if (!def) throw notFound(`Unknown indicator "${(indicator ?? '').slice(0, 80)}".`);
  const errors: FieldError[] = [];
  if (def.derived && forWrite)
    errors.push({
      field: 'indicator',
      message: 'This indicator is derived from another service and cannot be reported',
      sv: 'Indikatorn hämtas från en annan tjänst och kan inte rapporteras',
    });
  if (!reportingOrganisations(def, ctx.deps.config).includes(org ?? ''))
    errors.push({ field: 'organization', message: 'Unknown organisation of this area', sv: 'Okänd organisation' });
  errors.push(...periodErrors(def, period ?? '', ctx.deps.clock.now()));
  if (errors.length) throw badRequest(errors, 'The report path is invalid.');
  return { indicator: def.id, period: period as string, organization: org as string };
}

async function jsonObject(c: Context): Promise<ReportInput> {
  if (!/^application\/([a-z.+-]*\+)?json\b/i.test(c.req.header('content-type') ?? ''))
    throw new ProblemError({
      status: 415,
      title: 'Fel innehållstyp',
      detail: 'Send the body as application/json.',
      errors: [{ field: 'Content-Type', message: 'Expected application/json' }],
    });
  let data: unknown;
  try {
    data = JSON.parse(await readBody(c, 32 * 1024));
  } catch (error) {
    if (error instanceof ProblemError) throw error;
    throw badRequest([{ field: '(body)', message: 'The body is not valid JSON', sv: 'Innehållet är inte giltig JSON' }]);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw badRequest([{ field: '(body)', message: 'Expected a JSON object', sv: 'Ange ett JSON-objekt' }]);
  const unknown = Object.keys(data).filter(
    (k) => !['status', 'value', 'breakdown', 'denominator', 'denominators', 'participated', 'note', 'reason', 'sample'].includes(k),
  );
  if (unknown.length) throw badRequest(unknown.map((field) => ({ field, message: 'Unknown field', sv: 'Okänt fält' })));
  return data as ReportInput;
}

/**
 * Validate and store one organisation's report or correction (the rules of `PUT
 * /api/indicators/values/…`, also used by the staff page): 400 listing every bad field, 428/412 on
 * a missing or stale `If-Match`, 409 when the value breaks the single-reporter rule (checked
 * before the write and again after it, so two parties saving at once cannot both stay stored);
 * the earlier version goes to the history.
 */
export async function saveReport(ctx: IndicatorsContext, staff: Staff, id: ReportId, input: ReportInput, ifMatch: string | undefined) {
  assertCanEditOrg(staff, id.organization);
  const def = ctx.definition(id.indicator) as NonNullable<ReturnType<typeof ctx.definition>>;
  const valid = validateReport(def, ctx.categories, input, { organization: id.organization, config: ctx.deps.config });
  if (Array.isArray(valid)) throw badRequest(valid, 'The report has invalid fields; nothing was stored.');
  const { store, config } = ctx.deps;
  const conflicts = () => singleReporterConflicts(store, config, def, id, valid.cells);
  const before = valid.status === 'reported' ? await conflicts() : [];
  if (before.length) throw singleReporterRefusal([singleReporterError(config, id, before)]);
  const previous = await readReport(store, id);
  const saved = await writeReport(
    store,
    id,
    { ...valid, counting: def.counting, reportedBy: staff.sub, reportedAt: toStockholmIso(ctx.deps.clock.now()) },
    ifMatch,
  );
  const after = valid.status === 'reported' ? await conflicts() : [];
  if (after.length) {
    // the other party saved at the same moment: put this report back as it was
    await restoreReport(store, id, previous?.report, saved.etag);
    throw singleReporterRefusal([singleReporterError(config, id, after)]);
  }
  ctx.cache.invalidate();
  ctx.deps.log.info('indicator reported', {
    indicator: id.indicator,
    period: id.period,
    organization: id.organization,
    created: saved.created,
  });
  return saved;
}

/** `/{indicator}/{period}/{org}`: read (staff with rights) and report or correct (editor of the organisation, or admin). */
export function reportRoutes(ctx: IndicatorsContext) {
  const app = new Hono<KitEnv>();
  const path = '/:indicator/:period/:org';
  app.get(path, requireStaff(ctx.deps.auth, 'admin', 'editor'), async (c) => {
    const id = reportId(c, ctx, false);
    assertCanEditOrg(currentStaff(c), id.organization);
    const found = await readReport(ctx.deps.store, id);
    if (!found) throw notFound('This organisation has not reported this indicator for this period.');
    const def = ctx.definition(id.indicator) as NonNullable<ReturnType<typeof ctx.definition>>;
    return cachedResponse(c, JSON.stringify({ ...found.report, ...reportingTerms(def) }), {
      etag: found.etag,
      scope: 'private',
      maxAge: 0,
    });
  });
  app.put(path, requireStaff(ctx.deps.auth, 'admin', 'editor'), async (c) => {
    const staff = currentStaff(c);
    const id = reportId(c, ctx, true);
    assertCanEditOrg(staff, id.organization);
    const input = await jsonObject(c);
    const def = ctx.definition(id.indicator) as NonNullable<ReturnType<typeof ctx.definition>>;
    const saved = await saveReport(ctx, staff, id, input, c.req.header('if-match'));
    return c.body(JSON.stringify({ ...saved.report, ...reportingTerms(def) }), saved.created ? 201 : 200, {
      'Content-Type': 'application/json; charset=utf-8',
      ETag: saved.etag,
      'Cache-Control': 'no-store',
    });
  });
  return app;
}
