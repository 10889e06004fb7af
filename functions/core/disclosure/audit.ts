import type { Highs } from 'highs';
import { components } from './components.js';
import { DisclosureInputError } from './errors.js';
import { createLp, solveLp } from './lp.js';
import { loadSolver } from './solver.js';
import { indexSystem, tolerance, type IndexedSystem } from './system.js';
import type { AuditResult, DisclosureProblem, FeasibleRange } from './types.js';

// Solver noise well below one person: snap to the integer for readable ranges (and never −0).
const snap = (v: number): number => (Math.abs(v - Math.round(v)) < 1e-7 ? Math.round(v) + 0 : v);

/** Whether a range of a hidden variable reaches its protection targets. */
export function reaches(system: IndexedSystem, i: number, min: number, max: number): boolean {
  const low = system.targetLow[i] ?? 0;
  const high = system.targetHigh[i] ?? 0;
  return min <= low + tolerance(low) && max >= high - tolerance(high);
}

/**
 * Feasible ranges of the hidden variables of an indexed system (`hidden[i]` true; variables fixed
 * as published are known whatever `hidden` says). Published values are substituted as constants
 * and each group of hidden variables linked by equations is solved on its own: min and max of
 * every variable by LP, on one persistent model per group. `only` limits which ranges are computed
 * (the others still constrain them).
 */
export function auditIndexed(
  highs: Highs,
  system: IndexedSystem,
  hidden: readonly boolean[],
  only: (i: number) => boolean = () => true,
  integer = false,
): AuditResult {
  const start = performance.now();
  const isHidden = (i: number): boolean => hidden[i] === true && system.fixed[i] !== 'published';
  const ranges: FeasibleRange[] = [];
  for (const group of components(system, isHidden)) {
    if (!group.vars.some(only)) continue;
    const local = new Map(group.vars.map((v, k) => [v, k]));
    const rhs: number[] = [];
    const rows = group.rows.map((r) => {
      const row = system.rows[r] ?? { cols: [], coefs: [], constant: 0 };
      let constant = row.constant;
      const cols: number[] = [];
      const coefs: number[] = [];
      row.cols.forEach((c, k) => {
        const coef = row.coefs[k] ?? 0;
        const at = local.get(c);
        if (at === undefined) constant -= coef * (system.value[c] ?? 0);
        else {
          cols.push(at);
          coefs.push(coef);
        }
      });
      rhs.push(constant);
      return { cols, coefs };
    });
    const lower = group.vars.map((v) => system.lower[v] ?? 0);
    const upper = group.vars.map((v) => system.upper[v] ?? Number.POSITIVE_INFINITY);
    if (rows.length === 0) {
      group.vars.forEach((v, k) => ranges.push({ id: system.ids[v] ?? '', min: lower[k] ?? 0, max: upper[k] ?? 0 }));
      continue;
    }
    const model = createLp(highs, {
      numCols: group.vars.length,
      colLower: lower,
      colUpper: upper,
      rowLower: rhs,
      rowUpper: rhs,
      rows,
      integer,
    });
    try {
      let previous = -1;
      group.vars.forEach((v, k) => {
        if (!only(v)) return;
        if (previous >= 0) model.changeColCost(previous, 0);
        model.changeColCost((previous = k), 1);
        const bound = (sense: 'minimize' | 'maximize'): number => {
          model.changeObjectiveSense(highs.constants.objectiveSense[sense]);
          const outcome = solveLp(highs, model);
          if (outcome.kind === 'optimal') return snap(outcome.objective);
          // The true values satisfy every equation, so the LP is feasible: "either" is unbounded.
          if (outcome.kind === 'unbounded' || outcome.kind === 'either') {
            return sense === 'minimize' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
          }
          throw new Error(`The audit LP for ${system.ids[v] ?? ''} is infeasible.`);
        };
        ranges.push({ id: system.ids[v] ?? '', min: bound('minimize'), max: bound('maximize') });
      });
    } finally {
      model.dispose();
    }
  }
  const order = system.index;
  ranges.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  const violations = ranges
    .map((r) => ({ ...r, at: order.get(r.id) ?? 0 }))
    .filter((r) => system.sensitive[r.at] === true && !reaches(system, r.at, r.min, r.max))
    .map(({ at, ...r }) => ({ ...r, value: system.value[at] ?? 0 }));
  return { ranges, violations, solverMs: performance.now() - start };
}

/** Options of {@link audit}. */
export interface AuditOptions {
  /**
   * Take the figures as whole numbers (a MIP per bound) rather than real numbers (an LP). The LP
   * range is the standard audit (τ-ARGUS) and contains the integer range; for the sums of
   * counts of an area table the two coincide, and the integer audit checks that.
   * @default false
   */
  readonly integer?: boolean;
}

/**
 * Audit a publication as an attacker would: every variable not in `hidden` (and every variable
 * fixed as published) is known exactly; each hidden variable's feasible range [min, max] is
 * computed by LP over all equations (bounds `lower` default 0, `upper` default +∞; an unbounded
 * max is `Infinity`). `violations` lists the sensitive hidden variables whose range does not
 * include both max(0, v − levels.lower) and v + levels.upper.
 *
 * @example
 * const result = await audit(
 *   { variables: [{ id: 'T', value: 6 }, { id: 'K', value: 1, sensitive: true }, { id: 'M', value: 5 }],
 *     equations: [{ terms: [{ id: 'T', coef: 1 }, { id: 'K', coef: -1 }, { id: 'M', coef: -1 }] }],
 *     levels: DEFAULT_LEVELS },
 *   new Set(['K']),
 * );
 * result.violations; // [{ id: 'K', min: 1, max: 1, value: 1 }]
 */
export async function audit(problem: DisclosureProblem, hidden: Iterable<string>, options: AuditOptions = {}): Promise<AuditResult> {
  const system = indexSystem(problem);
  const mask = system.ids.map(() => false);
  for (const id of hidden) {
    const at = system.index.get(id);
    if (at === undefined) throw new DisclosureInputError('hidden', `Okänd variabel ${id}.`, `Unknown variable ${id}.`);
    mask[at] = true;
  }
  return auditIndexed(await loadSolver(), system, mask, () => true, options.integer ?? false);
}
