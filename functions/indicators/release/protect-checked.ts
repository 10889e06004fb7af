import type { DisclosureProblem, ProtectionResult } from '../../core/disclosure/types.js';
import type { DisclosureEngine } from './engine.js';

/**
 * Choose the hidden cells: the engine's pattern plus every cell that must stay hidden, checked by
 * the LP audit; if a range is still too narrow, hide every cell not already published (more, never
 * less) and say so in the log. `primaryOnly` turns protection off (tests only).
 */
export async function protectChecked(engine: DisclosureEngine, problem: DisclosureProblem, primaryOnly: boolean) {
  const result: ProtectionResult = primaryOnly
    ? { hidden: new Set(), optimal: false, informationLoss: 0, log: [], solverMs: 0 }
    : await engine.protect(problem);
  const hidden = new Set(result.hidden);
  const log = [...result.log];
  for (const v of problem.variables) if (v.mustHide || v.fixed === 'hidden') hidden.add(v.id);
  let audit = await engine.audit(problem, hidden);
  if (audit.violations.length > 0 && !primaryOnly) {
    log.push(
      `Skyddet räckte inte för ${audit.violations.length} celler; alla celler som inte redan är publicerade döljs.`,
      `Protection did not hold for ${audit.violations.length} cells; every cell not already published is hidden.`,
    );
    for (const v of problem.variables) if (v.fixed !== 'published') hidden.add(v.id);
    audit = await engine.audit(problem, hidden);
    if (audit.violations.length > 0)
      log.push(
        `${audit.violations.length} celler skyddas inte fullt ut på grund av tidigare publiceringar av perioden.`,
        `${audit.violations.length} cells are not fully protected because of earlier releases of the period.`,
      );
  }
  const sensitive = new Set(problem.variables.filter((v) => v.sensitive).map((v) => v.id));
  const widths = audit.ranges
    .filter((r) => sensitive.has(r.id))
    .map((r) => r.max - r.min)
    .filter(Number.isFinite);
  return {
    hidden,
    log,
    optimal: result.optimal,
    informationLoss: result.informationLoss,
    solverMs: result.solverMs + audit.solverMs,
    minRangeWidth: widths.length ? Math.min(...widths) : null,
  };
}
