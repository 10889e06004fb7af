import { notFound } from '../../core/http/problem.js';
import type { Staff } from '../../core/auth/auth.js';
import type { IndicatorsContext } from '../context.js';
import { frequencyOf } from './deadline.js';
import { periodTables, readPeriodInput } from './input.js';
import { recordKey } from './types.js';
import { getJson } from '../../core/store/json.js';
import type { ReleasedRow, ReleaseRecord } from './types.js';

/** Whether the reported figures differ from what a release holds (hidden cells count as equal). */
function differs(reported: { status: string; cells: Record<string, number> }, released: ReleasedRow | undefined): boolean {
  if (!released) return true;
  const keys = Object.keys(reported.cells);
  if (reported.status !== released.status || keys.length !== Object.keys(released.cells).length) return true;
  return keys.some((k) => released.cells[k] === undefined || (released.cells[k] !== null && released.cells[k] !== reported.cells[k]));
}

/** Which organisations' reported figures a staff member may see: admins all, editors their own. */
export const canSee =
  (staff: Staff) =>
  (org: string): boolean =>
    staff.roles.includes('admin') || staff.org === org;

/**
 * Reported against released for one period (staff): per indicator and organisation, the figures
 * as reported now (only organisations the viewer has rights to) beside the latest release, and
 * whether a revision would change anything. Admins also get the release log.
 */
export async function comparePeriod(ctx: IndicatorsContext, period: string, visible: (org: string) => boolean) {
  const frequency = frequencyOf(period);
  const definitions = ctx.definitions.filter((d) => d.frequency === frequency);
  if (!frequency || definitions.length === 0) throw notFound('No indicator is reported for such a period.');
  const published = await ctx.releases();
  const release = published.periods[period];
  const tables = periodTables(
    definitions,
    ctx.deps.config,
    await readPeriodInput(ctx.deps.store, definitions, period, ctx.deps.log),
    period,
  );
  const record =
    release && visible('*') ? (await getJson<ReleaseRecord>(ctx.deps.store, recordKey(period, release.revision)))?.value : undefined;
  const indicators = tables.map((t) => {
    const released = release?.tables[t.indicator.id];
    return {
      indicator: t.indicator.id,
      organizations: t.rows.map((r) => {
        const out = released?.rows.find((x) => x.organization === r.organization);
        const reported = visible(r.organization) ? { status: r.status, cells: r.cells } : undefined;
        return {
          organization: r.organization,
          ...(reported ? { reported, differs: differs(reported, out) } : {}),
          released: out ?? null,
        };
      }),
      area: released?.area ?? null,
    };
  });
  return {
    period,
    release: release ? { revision: release.revision, releasedAt: release.releasedAt } : null,
    ...(record
      ? {
          log: record.log,
          hidden: record.hidden.length,
          cells: record.variables.length,
          optimal: record.optimal,
          minRangeWidth: record.minRangeWidth,
        }
      : {}),
    indicators,
  };
}
