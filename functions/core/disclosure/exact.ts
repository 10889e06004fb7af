import type { Highs } from 'highs';
import type { Component } from './components.js';
import { createLp } from './lp.js';
import type { Direction } from './perturbation.js';
import type { IndexedSystem } from './system.js';

/** A requirement: move `target` by `amount` in `direction` without moving a shown cell. */
export interface Requirement {
  readonly target: number;
  readonly direction: Direction;
  readonly amount: number;
}

/** Limits of the exact search. */
export interface ExactLimits {
  /** Largest model tried (deviation columns); larger groups keep the LP-guided pattern. */
  readonly maxColumns: number;
  /** Solver time, milliseconds. */
  readonly timeMs: number;
}

/**
 * The cheapest set of cells to hide in one group so that every requirement has a deviation
 * moving only hidden cells: one MILP (Fischetti–Salazar without decomposition) with a 0/1
 * variable per cell and a deviation per requirement, each deviation entry allowed only when its
 * cell is hidden. Deviations are bounded by twice the requirement's amount, which holds for
 * sums of counts; the pattern is audited afterwards in any case. Returns the cells to hide when
 * the solver found a pattern cheaper than `incumbent` within the limits, undefined otherwise.
 */
export function exactPattern(
  highs: Highs,
  system: IndexedSystem,
  group: Component,
  requirements: readonly Requirement[],
  forced: readonly boolean[],
  incumbent: number,
  limits: ExactLimits,
): number[] | undefined {
  const n = group.vars.length;
  const perReq = 2 * n;
  if (requirements.length === 0 || requirements.length * perReq > limits.maxColumns) return undefined;
  const local = new Map(group.vars.map((v, k) => [v, k]));
  const numCols = n + requirements.length * perReq;
  const colLower: number[] = [];
  const colUpper: number[] = [];
  const integer: boolean[] = [];
  group.vars.forEach((v) => {
    colLower.push(forced[v] ? 1 : 0);
    colUpper.push(1);
    integer.push(true);
  });
  const rows: { cols: number[]; coefs: number[] }[] = [];
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  let feasible = true;
  requirements.forEach((req, t) => {
    const base = n + t * perReq;
    group.vars.forEach((v, k) => {
      const value = system.value[v] ?? 0;
      const cap = 2 * req.amount;
      const up = Math.min(cap, (system.upper[v] ?? Number.POSITIVE_INFINITY) - value);
      const down = Math.min(cap, value - (system.lower[v] ?? 0));
      for (const [offset, bound] of [
        [0, up],
        [1, down],
      ] as const) {
        colLower.push(0);
        colUpper.push(bound);
        integer.push(false);
        if (bound > 0) {
          rows.push({ cols: [base + 2 * k + offset, k], coefs: [1, -bound] });
          rowLower.push(Number.NEGATIVE_INFINITY);
          rowUpper.push(0);
        }
      }
    });
    const at = 2 * (local.get(req.target) ?? 0);
    const [moving, still] = req.direction === 'up' ? [base + at, base + at + 1] : [base + at + 1, base + at];
    if (req.amount > (colUpper[moving] ?? 0)) feasible = false;
    colLower[moving] = req.amount;
    colUpper[moving] = req.amount;
    colUpper[still] = 0;
    for (const r of group.rows) {
      const row = system.rows[r] ?? { cols: [], coefs: [] };
      const cols: number[] = [];
      const coefs: number[] = [];
      row.cols.forEach((c, j) => {
        const k = local.get(c);
        if (k === undefined) return;
        cols.push(base + 2 * k, base + 2 * k + 1);
        coefs.push(row.coefs[j] ?? 0, -(row.coefs[j] ?? 0));
      });
      rows.push({ cols, coefs });
      rowLower.push(0);
      rowUpper.push(0);
    }
  });
  if (!feasible) return undefined; // the search has already said so
  const model = createLp(highs, { numCols, colLower, colUpper, rowLower, rowUpper, rows, integer });
  try {
    group.vars.forEach((v, k) => model.changeColCost(k, system.cost[v] ?? 1));
    model.options.set({ time_limit: limits.timeMs / 1000, objective_bound: incumbent - 1e-6, mip_rel_gap: 1e-6 });
    model.run();
    if (Number(model.info.get('primal_solution_status')) !== 2) return undefined;
    if (model.getObjectiveValue() >= incumbent - 1e-6) return undefined;
    const z = model.getSolution().colValue;
    return group.vars.filter((_, k) => (z[k] ?? 0) > 0.5);
  } finally {
    model.dispose();
  }
}
