import type { CountyConfig, IndicatorDefinition } from '../../core/config/schema.js';
import { ProblemError, type FieldError } from '../../core/http/problem.js';
import { organisationName } from '../../core/organisations.js';
import type { Store } from '../../core/store/store.js';
import type { CellValues } from '../model/report.js';
import { counterparts, overlapping, SINGLE_REPORTER_TYPE } from '../model/single-reporter.js';
import { reportingOrganisations } from '../query/raw.js';
import { readReport, type ReportId } from './repository.js';

/** A report of the other party that covers the same municipalities' joint cases. */
export interface Conflict {
  readonly organization: string;
  readonly municipalities: readonly string[];
}

/**
 * Which stored reports of the other party (or, for an upload, reports sent in the same file:
 * `pending`, by organisation) would count the same joint cases as `cells` of `id`. Empty unless
 * the indicator's counting rule is `single-reporter`. Reads one object per counterpart.
 */
export async function singleReporterConflicts(
  store: Store,
  config: CountyConfig,
  def: IndicatorDefinition,
  id: ReportId,
  cells: CellValues,
  pending: ReadonlyMap<string, CellValues> = new Map(),
): Promise<Conflict[]> {
  if (def.counting !== 'single-reporter') return [];
  const conflicts: Conflict[] = [];
  for (const organization of counterparts(config, id.organization, reportingOrganisations(def, config))) {
    let other = pending.get(organization);
    if (!other) {
      const found = await readReport(store, { ...id, organization });
      if (found?.report.current.status !== 'reported') continue;
      other = found.report.current.cells;
    }
    const municipalities = overlapping(config, { organization: id.organization, cells }, { organization, cells: other });
    if (municipalities.length) conflicts.push({ organization, municipalities });
  }
  return conflicts;
}

/** The field error of a report refused under the single-reporter rule, naming the rule and the other party. */
export function singleReporterError(config: CountyConfig, id: ReportId, conflicts: readonly Conflict[], field = 'value'): FieldError {
  const name = (o: string) => organisationName(config, o);
  const others = conflicts.map((c) => name(c.organization)).join(', ');
  const residents = [...new Set(conflicts.flatMap((c) => c.municipalities))].map(name).join(', ');
  return {
    field,
    message:
      `Counting rule single-reporter: each joint case is reported once, by the convening organisation. ${others} ` +
      `already reported cases for ${residents} in ${id.period}, so this value would count the same cases twice. ` +
      'Report the cases the other party convened as participation ("participated"), or agree which party reports them.',
    sv:
      `Räkneregeln en rapportör per fall: varje gemensamt fall rapporteras en gång, av den organisation som kallade. ` +
      `${others} har redan rapporterat fall för ${residents} under ${id.period}, så värdet skulle räkna samma fall två gånger. ` +
      'Ange de fall som den andra parten kallade till som deltagande ("participated"), eller kom överens om vem som rapporterar dem.',
  };
}

/** 409 problem+json for reports refused under the single-reporter rule; nothing is stored. */
export function singleReporterRefusal(errors: readonly FieldError[]): ProblemError {
  return new ProblemError({
    status: 409,
    type: SINGLE_REPORTER_TYPE,
    title: 'En rapportör per fall: samma fall får inte rapporteras av båda parter',
    detail:
      `Refused under the counting rule single-reporter (one reporter per joint case); nothing was stored. ${errors[0]?.message ?? ''}`.trim(),
    errors,
    extensions: { rule: 'single-reporter' },
  });
}
