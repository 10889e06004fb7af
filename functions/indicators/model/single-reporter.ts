import type { CountyConfig } from '../../core/config/schema.js';
import { TOTAL } from './cells.js';
import type { CellValues } from './report.js';

/**
 * The single-reporter rule of joint measures (SIP, coordinated interventions): a joint case is
 * between a municipality and the region, and exactly one of the two reports it. Aggregate reports
 * carry no case identity, so the rule is kept per pair of organisations and period: for each pair
 * (municipality, region-side organisation) only one of them may report a value above zero for
 * that municipality's residents. The other party reports its participation (`participated`,
 * staff-only) instead.
 */

/** The problem type of a refusal under the rule. */
export const SINGLE_REPORTER_TYPE = 'urn:county-kit:indicators:single-reporter';

/** Key prefix of a residence cell (`residence:2380`): the value for residents of that municipality. */
export const RESIDENCE_PREFIX = 'residence:';

/** Whether `org` is one of the area's municipalities (else the region or one of its units). */
export const isMunicipality = (config: Pick<CountyConfig, 'municipalities'>, org: string): boolean =>
  config.municipalities.some((m) => m.code === org);

/**
 * The municipalities whose joint cases a report covers. A municipality covers its own when its
 * value is above zero. A region-side organisation covers each municipality of residence it names
 * with a count above zero, and every municipality when part of its value has no residence given
 * (without a residence split, that is all of it).
 */
export function coveredMunicipalities(config: Pick<CountyConfig, 'municipalities'>, org: string, cells: CellValues): Set<string> {
  const total = cells[TOTAL] ?? 0;
  if (total <= 0) return new Set();
  if (isMunicipality(config, org)) return new Set([org]);
  const named = Object.entries(cells).filter(([k]) => k.startsWith(RESIDENCE_PREFIX));
  const split = named.reduce((s, [, v]) => s + v, 0);
  if (split < total) return new Set(config.municipalities.map((m) => m.code));
  return new Set(named.filter(([, v]) => v > 0).map(([k]) => k.slice(RESIDENCE_PREFIX.length)));
}

/** The organisations `org` shares joint cases with: the region side for a municipality, the municipalities for the region side. */
export function counterparts(config: Pick<CountyConfig, 'municipalities'>, org: string, organisations: readonly string[]): string[] {
  const own = isMunicipality(config, org);
  return organisations.filter((o) => o !== org && isMunicipality(config, o) !== own);
}

/**
 * The organisations whose reports may count the same joint cases twice because they were stored
 * under an older rule (before the single-reporter rule was kept) while the other party has also
 * reported: the area figure says so rather than summing silently. It depends only on who reported
 * (public coverage) and when the rule came in, never on the values, so it narrows no hidden cell.
 */
export function oldRuleOverlap(
  config: Pick<CountyConfig, 'municipalities'>,
  counting: 'each-own' | 'single-reporter',
  rows: readonly { organization: string; status: string; counting?: string }[],
): string[] {
  if (counting !== 'single-reporter') return [];
  const reported = rows.filter((r) => r.status === 'reported');
  const both =
    reported.some((r) => isMunicipality(config, r.organization)) && reported.some((r) => !isMunicipality(config, r.organization));
  return both ? reported.filter((r) => r.counting !== 'single-reporter').map((r) => r.organization) : [];
}

/** The municipalities both reports cover: where the same joint case could be counted twice. */
export function overlapping(
  config: Pick<CountyConfig, 'municipalities'>,
  a: { organization: string; cells: CellValues },
  b: { organization: string; cells: CellValues },
): string[] {
  const other = coveredMunicipalities(config, b.organization, b.cells);
  return [...coveredMunicipalities(config, a.organization, a.cells)].filter((m) => other.has(m));
}
