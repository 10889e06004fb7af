import { Hono, type Context } from 'hono';
import type { Staff } from '../../core/auth/auth.js';
import { readFormFields } from '../../core/http/body.js';
import { ProblemError, type FieldError } from '../../core/http/problem.js';
import { assertFormBody } from '../../core/http/same-origin.js';
import { assertCanEditOrg, currentStaff, type KitEnv } from '../../core/http/staff.js';
import { resolveLang, type Lang, type Text } from '../../core/i18n.js';
import { staffPage } from '../../core/session/middleware.js';
import type { IndicatorDefinition } from '../../core/config/schema.js';
import type { IndicatorsContext } from '../context.js';
import { readReport } from '../data/repository.js';
import { hasBegun, lastCompletedPeriod } from '../model/period.js';
import { SINGLE_REPORTER_TYPE } from '../model/single-reporter.js';
import type { ReportInput } from '../model/validate.js';
import { RELEASE_PATH, ReleasePage, ReportPage, STAFF_PATH, type ReportItem, type Typed } from '../pages/staff-page.js';
import { reportingOrganisations } from '../query/raw.js';
import { canSee, comparePeriod } from '../release/compare.js';
import { frequencyOf } from '../release/deadline.js';
import { makeRelease } from '../release/make.js';
import { checkedReportId, saveReport } from './reports.js';
import { indicatorUploadPages } from './upload-page.js';

const NOTICES: Record<string, Text> = {
  saved: { sv: 'Rapporten är sparad.', en: 'The report is saved.' },
  released: { sv: 'Perioden är publicerad.', en: 'The period is released.' },
};

/** A typed number: empty is "not reported"; a decimal comma is fine; anything else goes to validation as text (refused there). */
function typedNumber(raw: string | undefined): unknown {
  const s = (raw ?? '').trim();
  if (s === '') return undefined;
  const n = s.replace(/\s/g, '').replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(n) ? Number(n) : s;
}

/** The form of one indicator as the JSON body `PUT /api/indicators/values/…` takes. */
export function formToReport(def: IndicatorDefinition, categories: IndicatorsContext['categories'], form: Typed): ReportInput {
  const breakdown: Record<string, Record<string, unknown>> = {};
  for (const d of def.breakdown) {
    const cells: Record<string, unknown> = {};
    for (const c of categories[d]) {
      const v = typedNumber(form[`breakdown.${d}.${c.code}`]);
      if (v !== undefined) cells[c.code] = v;
    }
    if (Object.keys(cells).length) breakdown[d] = cells;
  }
  // the municipality of residence split of a region-side count: fields `breakdown.residence.<code>`
  const residence: Record<string, unknown> = {};
  for (const [field, raw] of Object.entries(form)) {
    const code = field.startsWith('breakdown.residence.') ? field.slice('breakdown.residence.'.length) : undefined;
    const v = code === undefined ? undefined : typedNumber(raw);
    if (code !== undefined && v !== undefined) residence[code] = v;
  }
  if (Object.keys(residence).length) breakdown.residence = residence;
  const status = form.status ?? 'reported';
  return {
    status,
    value: typedNumber(form.value),
    breakdown: Object.keys(breakdown).length ? breakdown : undefined,
    denominator: typedNumber(form.denominator),
    participated: def.counting === 'single-reporter' ? typedNumber(form.participated) : undefined,
    reason: form.reason?.trim() || undefined,
  };
}

/**
 * The staff section `/personal/uppfoljning`: an editor reports or corrects its organisation's
 * figures for one period (admins any organisation's), through the same validation and store write
 * as `PUT /api/indicators/values/…`; admins see who has reported, reported against released, and
 * make the release (the same step as `POST /api/indicators/releases`).
 */
export function indicatorStaffPages(ctx: IndicatorsContext): Hono<KitEnv> {
  const { deps } = ctx;
  const app = new Hono<KitEnv>();
  // `/*` covers the section's own path too
  app.use(`${STAFF_PATH}/*`, staffPage(deps, 'editor', 'admin'));
  app.use(RELEASE_PATH, async (c, next) => {
    if (!c.get('staff')?.roles.includes('admin'))
      throw new ProblemError({ status: 403, title: 'Behörighet saknas', detail: 'This page needs one of the roles: admin.' });
    await next();
  });

  const orgsOf = (staff: Staff): string[] => {
    const all = [...new Set(ctx.definitions.filter((d) => !d.derived).flatMap((d) => reportingOrganisations(d, deps.config)))];
    return staff.roles.includes('admin') ? all : all.filter((o) => o === staff.org);
  };
  const periodOf = (raw: string | undefined) => {
    const p = (raw ?? '').trim();
    return frequencyOf(p) ? p : lastCompletedPeriod('quarter', deps.clock.now());
  };
  // the CSV upload, instead of the form: behind the same guard
  app.route('/', indicatorUploadPages(ctx, { orgsOf, periodOf }));

  async function render(
    c: Context<KitEnv>,
    period: string,
    org: string,
    lang: Lang,
    override?: { indicator: string; item: Partial<ReportItem> },
    status: 200 | 400 | 409 = 200,
  ) {
    const staff = currentStaff(c);
    const frequency = frequencyOf(period);
    const defs = ctx.definitions.filter(
      (d) =>
        !d.derived &&
        d.frequency === frequency &&
        hasBegun(period, d.frequency, deps.clock.now()) &&
        reportingOrganisations(d, deps.config).includes(org),
    );
    const items: ReportItem[] = [];
    for (const def of defs) {
      const stored = await readReport(deps.store, { indicator: def.id, period, organization: org });
      items.push({ def, stored, ...(override?.indicator === def.id ? override.item : {}) });
    }
    return c.html(
      <ReportPage
        config={deps.config}
        lang={lang}
        nonce={c.get('secureHeadersNonce')}
        staff={staff}
        period={period}
        org={org}
        orgs={orgsOf(staff)}
        categories={ctx.categories}
        items={items}
        notice={NOTICES[c.req.query('meddelande') ?? '']}
      />,
      status,
    );
  }

  app.get(STAFF_PATH, async (c) => {
    const staff = currentStaff(c);
    const orgs = orgsOf(staff);
    const asked = c.req.query('org') ?? '';
    const org = orgs.includes(asked) ? asked : (orgs[0] ?? '');
    if (!org) assertCanEditOrg(staff, asked || '-');
    return render(c, periodOf(c.req.query('period')), org, resolveLang(c));
  });

  app.post(`${STAFF_PATH}/rapport/:indicator/:period/:org`, async (c) => {
    assertFormBody(c);
    const staff = currentStaff(c);
    const lang = resolveLang(c);
    const id = checkedReportId(ctx, c.req.param(), true);
    assertCanEditOrg(staff, id.organization);
    const { params, invalid } = await readFormFields(c, 16384);
    const typed: Typed = Object.fromEntries(params);
    const def = ctx.definition(id.indicator)!;
    const back = (status: 200 | 400 | 409, item: Partial<ReportItem>) =>
      render(c, id.period, id.organization, lang, { indicator: def.id, item: { typed, ...item } }, status);
    if (invalid.length)
      return back(400, {
        errors: invalid.map((field) => ({
          field,
          message: 'The field held unreadable characters',
          sv: 'Fältet innehöll tecken som inte gick att läsa',
        })),
      });
    try {
      await saveReport(ctx, staff, id, formToReport(def, ctx.categories, typed), typed.etag || undefined);
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      const { status } = error.problem;
      if (status === 412 || status === 428) {
        const stored = await readReport(deps.store, id);
        return back(409, { stored, conflict: true });
      }
      if (status === 400) return back(400, { errors: (error.problem.errors ?? []) as FieldError[] });
      if (error.problem.type === SINGLE_REPORTER_TYPE) return back(409, { errors: (error.problem.errors ?? []) as FieldError[] });
      throw error;
    }
    const q = new URLSearchParams({ period: id.period, org: id.organization, lang, meddelande: 'saved' });
    return c.redirect(`${STAFF_PATH}?${q}#ind-${def.id}`, 303);
  });

  async function releasePage(c: Context<KitEnv>, period: string, refusal?: Text, status: 200 | 400 | 409 = 200) {
    const staff = currentStaff(c);
    const compared = await comparePeriod(ctx, period, canSee(staff)).catch((error: unknown) => {
      if (error instanceof ProblemError && error.problem.status === 404) return { release: null, indicators: [] };
      throw error;
    });
    return c.html(
      <ReleasePage
        config={deps.config}
        lang={resolveLang(c)}
        nonce={c.get('secureHeadersNonce')}
        staff={staff}
        period={period}
        definitions={ctx.definitions}
        release={compared.release}
        indicators={compared.indicators}
        notice={NOTICES[c.req.query('meddelande') ?? '']}
        refusal={refusal}
      />,
      status,
    );
  }

  app.get(RELEASE_PATH, (c) => releasePage(c, periodOf(c.req.query('period'))));

  app.post(RELEASE_PATH, async (c) => {
    assertFormBody(c);
    const lang = resolveLang(c);
    const { params } = await readFormFields(c, 1024);
    const period = (params.get('period') ?? '').trim();
    if (!frequencyOf(period))
      return releasePage(
        c,
        periodOf(period),
        { sv: 'Ange en period som 2026, 2026-Q3 eller 2026-03.', en: 'Enter a period such as 2026, 2026-Q3 or 2026-03.' },
        400,
      );
    try {
      await makeRelease(deps, ctx, period, ctx.options);
      ctx.published.invalidate();
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      const e = error.problem.errors?.[0];
      const text = { sv: e?.sv ?? error.problem.title, en: e?.message ?? error.problem.detail ?? error.problem.title };
      return releasePage(c, period, text, error.problem.status === 400 ? 400 : 409);
    }
    return c.redirect(`${RELEASE_PATH}?${new URLSearchParams({ period, lang, meddelande: 'released' })}`, 303);
  });
  return app;
}
