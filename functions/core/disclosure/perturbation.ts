import type { Highs, Model } from 'highs';
import type { Component } from './components.js';
import { createLp, solveLp } from './lp.js';
import type { IndexedSystem } from './system.js';

/** Which way a hidden sensitive cell must be able to move. */
export type Direction = 'up' | 'down';

// A deviation of at most this is solver noise, not a change the pattern must allow.
const NOISE = 1e-9;

/**
 * The perturbation model of one group of hideable variables: deviations y = y⁺ − y⁻ from the true
 * values that keep every equation true (A·y = 0) and every value within its bounds. If such a y
 * moves a sensitive cell by its protection level and is zero on every published cell, the
 * attacker cannot tell the true table from the moved one, so that cell's range reaches the level.
 * `certify` finds the cheapest such y (cost per unit deviation = the cell's hiding cost, zero for
 * cells already hidden); the cells it moves are the ones to hide.
 */
export class PerturbationModel {
  private readonly model: Model;
  private readonly local: Map<number, number>;
  private readonly upMax: number[];
  private readonly downMax: number[];

  constructor(
    private readonly highs: Highs,
    private readonly system: IndexedSystem,
    readonly group: Component,
  ) {
    this.local = new Map(group.vars.map((v, k) => [v, k]));
    this.upMax = group.vars.map((v) => (system.upper[v] ?? Number.POSITIVE_INFINITY) - (system.value[v] ?? 0));
    this.downMax = group.vars.map((v) => (system.value[v] ?? 0) - (system.lower[v] ?? 0));
    const rows = group.rows.map((r) => {
      const row = system.rows[r] ?? { cols: [], coefs: [] };
      const cols: number[] = [];
      const coefs: number[] = [];
      row.cols.forEach((c, k) => {
        const at = this.local.get(c);
        if (at === undefined) return; // fixed as published: y = 0
        cols.push(2 * at, 2 * at + 1);
        coefs.push(row.coefs[k] ?? 0, -(row.coefs[k] ?? 0));
      });
      return { cols, coefs };
    });
    const colLower = group.vars.flatMap(() => [0, 0]);
    const colUpper = group.vars.flatMap((_, k) => [this.upMax[k] ?? 0, this.downMax[k] ?? 0]);
    const zeros = rows.map(() => 0);
    this.model = createLp(highs, { numCols: 2 * group.vars.length, colLower, colUpper, rowLower: zeros, rowUpper: zeros, rows });
  }

  /**
   * The cheapest deviation moving variable `target` by `amount` in `direction`, given which
   * variables are hidden; `allowPublished` false forbids moving any published cell (and `except`).
   * Returns the variables it moves, or undefined when no such deviation exists.
   */
  certify(
    target: number,
    direction: Direction,
    amount: number,
    hidden: readonly boolean[],
    allowPublished: boolean,
    except = -1,
  ): number[] | undefined {
    const n = this.group.vars.length;
    const cost = new Float64Array(2 * n);
    const lower = new Float64Array(2 * n);
    const upper = new Float64Array(2 * n);
    this.group.vars.forEach((v, k) => {
      const open = v !== except && (allowPublished || hidden[v] === true);
      const c = hidden[v] === true ? 0 : (this.system.cost[v] ?? 1);
      cost[2 * k] = c;
      cost[2 * k + 1] = c;
      upper[2 * k] = open ? this.bound(this.upMax[k] ?? 0) : 0;
      upper[2 * k + 1] = open ? this.bound(this.downMax[k] ?? 0) : 0;
    });
    const at = this.local.get(target) ?? -1;
    const [moving, still] = direction === 'up' ? [2 * at, 2 * at + 1] : [2 * at + 1, 2 * at];
    if (amount > (upper[moving] ?? 0)) return undefined;
    lower[moving] = amount;
    upper[moving] = amount;
    upper[still] = 0;
    cost[moving] = 0;
    cost[still] = 0;
    const all = { kind: 'range', from: 0, to: 2 * n - 1 } as const;
    this.model.changeColsCost(all, cost);
    this.model.changeColsBounds(all, lower, upper);
    const outcome = solveLp(this.highs, this.model);
    if (outcome.kind !== 'optimal') return undefined; // costs are ≥ 0, so never unbounded
    const y = this.model.getSolution().colValue;
    return this.group.vars.filter((_, k) => Math.abs((y[2 * k] ?? 0) - (y[2 * k + 1] ?? 0)) > NOISE);
  }

  /** Free the solver's memory. */
  dispose(): void {
    this.model.dispose();
  }

  private bound(v: number): number {
    return v === Number.POSITIVE_INFINITY ? this.highs.infinity : v;
  }
}
