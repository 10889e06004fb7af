import type { Requirement } from './exact.js';
import type { PerturbationModel } from './perturbation.js';
import { tolerance, type IndexedSystem } from './system.js';

/** A proof that a sensitive cell can move by its level: the cells that move with it. */
export interface Certificate extends Requirement {
  support: number[];
}

/** How the search of one group ended. */
export type SearchOutcome = 'ok' | 'impossible' | 'budget';

/**
 * LP-guided secondary suppression for one group; marks cells in `hidden`. For each sensitive
 * target and direction the cheapest deviation (see {@link PerturbationModel}) names the shown cells
 * to hide. The cleanup then shows again each secondary cell, costliest first, when every proof
 * that used it can be rerouted through cells still hidden. Returns the proofs for later use.
 *
 * @example
 * const { outcome, certificates } = searchGroup(system, model, targets, hidden, forced, deadline, now, true);
 */
export function searchGroup(
  system: IndexedSystem,
  model: PerturbationModel,
  targets: readonly number[],
  hidden: boolean[],
  forced: readonly boolean[],
  deadline: number,
  now: () => number,
  cleanup: boolean,
): { outcome: SearchOutcome; certificates: Certificate[] } {
  const certificates: Certificate[] = [];
  const end = (outcome: SearchOutcome) => ({ outcome, certificates });
  for (const target of targets) {
    const value = system.value[target] ?? 0;
    for (const direction of ['up', 'down'] as const) {
      const amount = direction === 'up' ? (system.targetHigh[target] ?? 0) - value : value - (system.targetLow[target] ?? 0);
      if (amount <= tolerance(value)) continue;
      if (now() > deadline) return end('budget');
      const support = model.certify(target, direction, amount, hidden, true);
      if (!support) return end('impossible');
      for (const v of support) hidden[v] = true;
      certificates.push({ target, direction, amount, support });
    }
  }
  if (!cleanup) return end('ok');
  const candidates = model.group.vars
    .filter((v) => hidden[v] && !forced[v])
    .sort((a, b) => (system.cost[b] ?? 0) - (system.cost[a] ?? 0) || a - b);
  for (const candidate of candidates) {
    if (now() > deadline) break; // the pattern is already safe; only the cleanup stops early
    const affected = certificates.filter((c) => c.support.includes(candidate));
    const rerouted: number[][] = [];
    for (const c of affected) {
      const support = model.certify(c.target, c.direction, c.amount, hidden, false, candidate);
      if (!support) break;
      rerouted.push(support);
    }
    if (rerouted.length < affected.length) continue;
    hidden[candidate] = false;
    affected.forEach((c, k) => (c.support = rerouted[k] ?? c.support));
  }
  return end('ok');
}
