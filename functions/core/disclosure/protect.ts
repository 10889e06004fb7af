import { auditIndexed } from './audit.js';
import { components, type Component } from './components.js';
import { exactPattern, type ExactLimits } from './exact.js';
import { PerturbationModel } from './perturbation.js';
import { searchGroup } from './search.js';
import { loadSolver } from './solver.js';
import { indexSystem } from './system.js';
import type { DisclosureProblem, ProtectionResult } from './types.js';

/** Options of {@link protect}; every one has a default. */
export interface ProtectOptions {
  /**
   * Time for the whole search, in milliseconds. Past it, every group still unprotected is hidden
   * whole (its non-fixed variables), `optimal` is false and the log says so.
   * @default 60000
   */
  readonly budgetMs?: number;
  /**
   * Time for the search of one group of linked cells (a table, or tables sharing figures), so one
   * hard group cannot use up the time of the others. Past it, that group is hidden whole.
   * @default 10000
   */
  readonly groupBudgetMs?: number;
  /**
   * After the search, try to show again secondary cells (costliest first) that protection turns
   * out not to need.
   * @default true
   */
  readonly cleanup?: boolean;
  /**
   * After the LP-guided search, look for a cheaper pattern per group with one MILP over all its
   * requirements (exact within the limits); `true` uses the defaults. Kept only when cheaper.
   * @default false
   */
  readonly exact?: boolean | Partial<ExactLimits>;
  /** Clock for the budget. @default performance.now */
  readonly now?: () => number;
}

const EXACT_DEFAULTS: ExactLimits = { maxColumns: 4000, timeMs: 2000 };

const line = (sv: string, en: string): string => `${sv} / ${en}`;

/**
 * Choose which variables to hide so that `audit` finds no violation, losing little information.
 *
 * Primary: every `mustHide`, `fixed: 'hidden'` and `sensitive` variable (never one fixed as
 * published). Secondary: for each hidden sensitive cell and each direction, the cheapest
 * deviation of the table (an LP over the equations, cost per unit = the hiding cost of each cell
 * it moves, zero for cells already hidden) that moves the cell by its protection level while
 * keeping every equation true; the published cells it moves are hidden. Hiding more never narrows
 * a range, so every cell stays protected as later cells are handled. A cleanup then shows again
 * any secondary cell whose proofs can be rerouted through other hidden cells. The result is
 * audited before it is returned; whatever still fails (or whatever the budget did not reach) is
 * fixed by hiding every non-fixed variable of its group, with `optimal: false` and a log line.
 *
 * @example
 * const result = await protect({
 *   variables: [{ id: 'T', value: 6 }, { id: 'K', value: 1, sensitive: true }, { id: 'M', value: 5 }],
 *   equations: [{ terms: [{ id: 'T', coef: 1 }, { id: 'K', coef: -1 }, { id: 'M', coef: -1 }] }],
 *   levels: DEFAULT_LEVELS,
 * });
 * [...result.hidden]; // ['K', 'M']
 */
export async function protect(problem: DisclosureProblem, options: ProtectOptions = {}): Promise<ProtectionResult> {
  const system = indexSystem(problem);
  const highs = await loadSolver();
  const now = options.now ?? (() => performance.now());
  const start = now();
  const end = start + (options.budgetMs ?? 60_000);
  const log: string[] = [];
  let optimal = true;
  const hideable = (i: number): boolean => system.fixed[i] !== 'published';
  const forced = system.ids.map(
    (_, i) => hideable(i) && (system.mustHide[i] || system.fixed[i] === 'hidden' || system.sensitive[i] === true),
  );
  const hidden = [...forced];
  system.ids.forEach((id, i) => {
    if (system.sensitive[i] && !hideable(i)) {
      log.push(
        line(
          `${id} är känslig men redan publicerad och kan inte döljas.`,
          `${id} is sensitive but already published and cannot be hidden.`,
        ),
      );
    }
  });

  const hideGroup = (group: Component, svWhy: string, enWhy: string): void => {
    optimal = false;
    if (group.vars.every((v) => hidden[v])) return; // nothing more to hide, already said
    for (const v of group.vars) hidden[v] = true;
    const first = system.ids[group.vars[0] ?? 0] ?? '';
    const n = group.vars.length;
    log.push(
      line(
        `${svWhy} Hela gruppen kring ${first} döljs (${n} ${n === 1 ? 'cell' : 'celler'}).`,
        `${enWhy} The whole group around ${first} is hidden (${n} ${n === 1 ? 'cell' : 'cells'}).`,
      ),
    );
  };

  for (const group of components(system, hideable)) {
    const targets = group.vars.filter((v) => forced[v] && system.sensitive[v]);
    if (targets.length === 0) continue;
    const groupStart = now();
    const deadline = Math.min(end, groupStart + (options.groupBudgetMs ?? 10_000));
    if (groupStart > deadline) {
      hideGroup(group, 'Tidsgränsen för skyddsberäkningen nåddes.', 'The time budget of the protection search ran out.');
      continue;
    }
    const model = new PerturbationModel(highs, system, group);
    try {
      const { outcome, certificates } = searchGroup(system, model, targets, hidden, forced, deadline, now, options.cleanup ?? true);
      if (outcome === 'ok' && options.exact) {
        const limits = { ...EXACT_DEFAULTS, ...(options.exact === true ? {} : options.exact) };
        const incumbent = group.vars.reduce((sum, v) => sum + (hidden[v] ? (system.cost[v] ?? 0) : 0), 0);
        const timeMs = Math.min(limits.timeMs, deadline - now());
        const better = timeMs > 0 ? exactPattern(highs, system, group, certificates, forced, incumbent, { ...limits, timeMs }) : undefined;
        if (better) {
          for (const v of group.vars) hidden[v] = forced[v] === true;
          for (const v of better) hidden[v] = true;
        }
      }
      if (outcome !== 'ok') {
        const [sv, en] =
          outcome === 'impossible'
            ? ['Ingen del av tabellen kan dölja en känslig cell tillräckligt.', 'No pattern can hide a sensitive cell well enough.']
            : ['Tidsgränsen för skyddsberäkningen nåddes.', 'The time budget of the protection search ran out.'];
        hideGroup(group, sv, en);
      }
    } catch (error) {
      hideGroup(group, 'Lösaren misslyckades.', `The solver failed (${error instanceof Error ? error.message : String(error)}).`);
    } finally {
      model.dispose();
    }
  }

  // Never trust the search: audit the pattern as the public would, and hide more where it fails.
  const sensitive = (i: number): boolean => system.sensitive[i] === true;
  let check = auditIndexed(highs, system, hidden, sensitive);
  if (check.violations.length > 0) {
    const failing = new Set(check.violations.map((v) => system.index.get(v.id)));
    for (const group of components(system, hideable)) {
      if (group.vars.some((v) => failing.has(v))) {
        hideGroup(group, 'Granskningen underkände mönstret.', 'The audit rejected the pattern.');
      }
    }
    check = auditIndexed(highs, system, hidden, sensitive);
    for (const v of check.violations) {
      log.push(
        line(
          `Skyddet är omöjligt för ${v.id}: intervallet [${v.min}, ${v.max}] även med allt dolt som får döljas.`,
          `Protection is impossible for ${v.id}: range [${v.min}, ${v.max}] even with everything hideable hidden.`,
        ),
      );
    }
  }
  const ids = system.ids.filter((_, i) => hidden[i] && hideable(i));
  const informationLoss = system.ids.reduce(
    (sum, _, i) => sum + (hidden[i] && hideable(i) && system.fixed[i] !== 'hidden' ? (system.cost[i] ?? 0) : 0),
    0,
  );
  return { hidden: new Set(ids), optimal, informationLoss, log, solverMs: now() - start };
}
