import { malformedCursorField, offsetCursor } from '../../core/http/paging.js';
import type { Context } from 'hono';
import type { IndicatorDefinition } from '../../core/config/schema.js';
import { badRequest, ProblemError, type FieldError } from '../../core/http/problem.js';
import { optionalStaff } from '../../core/http/staff.js';
import type { IndicatorsContext } from '../context.js';
import { isPeriod, type Frequency } from '../model/period.js';
import { AREA_ORG } from '../query/observations.js';
import { reportingOrganisations } from '../query/raw.js';
import type { Viewer } from '../query/types.js';

/** Who asks: admins see all raw figures, editors their own organisation's, everyone else the published ones. */
export async function viewerOf(c: Context, ctx: IndicatorsContext): Promise<Viewer> {
  const staff = await optionalStaff(ctx.deps.auth, c);
  if (!staff) return { kind: 'public' };
  if (staff.roles.includes('admin')) return { kind: 'admin' };
  if (staff.roles.includes('editor') && staff.org) return { kind: 'staff', orgs: [staff.org] };
  return { kind: 'public' };
}

/** Cache scope: answers that depend on who asks are private. */
export const scopeOf = (viewer: Viewer): 'public' | 'private' => (viewer.kind === 'public' ? 'public' : 'private');

/** Validated common query parameters. */
export interface Filters {
  readonly indicator?: IndicatorDefinition;
  readonly period?: string;
  readonly organization?: string;
  readonly offset: number;
  readonly limit: number;
}

const FREQUENCIES: Frequency[] = ['year', 'quarter', 'month'];
const ALLOWED = new Set(['indicator', 'period', 'org', 'cursor', 'limit', 'lang', 'locale']);

/** What a route asks of the common query parameters (its OpenAPI parameters follow from it). */
export interface FilterOptions {
  readonly requireIndicator?: boolean;
  readonly allowArea?: boolean;
}

/** The options of the routes about one indicator (`/area`, `/compare`, `/series`). */
export const ONE_INDICATOR: FilterOptions = { requireIndicator: true };

/** Parse `indicator`, `period`, `org`, `cursor` and `limit`; 400 naming each bad parameter. */
export function filters(c: Context, ctx: IndicatorsContext, options: FilterOptions = {}): Filters {
  const url = new URL(c.req.url);
  const errors: FieldError[] = [];
  for (const key of new Set(url.searchParams.keys())) {
    if (!ALLOWED.has(key)) errors.push({ field: key, message: 'Unknown query parameter', sv: 'Okänd parameter' });
    else if (url.searchParams.getAll(key).length > 1)
      errors.push({ field: key, message: 'Give this parameter once', sv: 'Ange parametern en gång' });
  }
  const get = (k: string) => url.searchParams.get(k) ?? undefined;
  const id = get('indicator');
  const indicator = id === undefined ? undefined : ctx.definition(id);
  if (id !== undefined && !indicator)
    errors.push({ field: 'indicator', message: `Unknown indicator "${id.slice(0, 80)}"`, sv: 'Okänd indikator' });
  if (id === undefined && options.requireIndicator) errors.push({ field: 'indicator', message: 'Required', sv: 'Ange indikator' });
  const period = get('period');
  if (period !== undefined && !(indicator ? isPeriod(period, indicator.frequency) : FREQUENCIES.some((f) => isPeriod(period, f))))
    errors.push({
      field: 'period',
      message: `Malformed period for ${indicator ? `a ${indicator.frequency}` : 'any frequency'} (2026, 2026-Q3, 2026-03)`,
      sv: 'Ogiltig period',
    });
  const organization = get('org');
  if (organization !== undefined) {
    const known = new Set(
      indicator
        ? reportingOrganisations(indicator, ctx.deps.config)
        : ctx.definitions.flatMap((d) => reportingOrganisations(d, ctx.deps.config)),
    );
    if (options.allowArea !== false) known.add(AREA_ORG);
    if (!known.has(organization)) errors.push({ field: 'org', message: 'Unknown organisation of this area', sv: 'Okänd organisation' });
  }
  const limitRaw = get('limit');
  const limit =
    limitRaw === undefined
      ? 1000
      : /^\d{1,4}$/.test(limitRaw) && Number(limitRaw) >= 1 && Number(limitRaw) <= 5000
        ? Number(limitRaw)
        : NaN;
  if (Number.isNaN(limit)) errors.push({ field: 'limit', message: 'Expected a whole number from 1 to 5000', sv: 'Ange ett heltal 1–5000' });
  const position = valuesCursor.parse(get('cursor'));
  if (position === false) errors.push(malformedCursorField());
  const offset = position || 0;
  if (errors.length) throw badRequest(errors, 'Invalid query parameters.');
  return { indicator, period, organization, offset, limit };
}

/** The offset cursor of `/api/indicators/values`. */
export const valuesCursor = offsetCursor('indicators-values');

/**
 * The public see released periods only: a period asked for that has no release yet is a 404
 * saying so (figures are reported first and released after the reporting deadline).
 */
export async function assertReleased(ctx: IndicatorsContext, viewer: Viewer, period: string | undefined): Promise<void> {
  if (!period || viewer.kind !== 'public') return;
  const { periods } = await ctx.releases();
  if (periods[period]) return;
  const sv = `${period} är inte publicerad än. Uppgifter publiceras efter rapporteringstidens slut.`;
  const en = `${period} has not been released yet. Figures are released after the reporting deadline.`;
  throw new ProblemError({
    status: 404,
    title: 'Perioden är inte publicerad',
    detail: en,
    type: 'urn:county-kit:indicators:not-released',
    errors: [{ field: 'period', message: en, sv }],
  });
}
