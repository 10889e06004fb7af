import type { AuditResult, DisclosureProblem, ProtectionResult } from '../../core/disclosure/types.js';

/** The disclosure engine as the release step uses it (see `functions/core/disclosure/types.ts`). */
export interface DisclosureEngine {
  protect(problem: DisclosureProblem): Promise<ProtectionResult>;
  audit(problem: DisclosureProblem, hidden: ReadonlySet<string>): Promise<AuditResult>;
}

/**
 * Load the solver-based engine. It is imported here only, dynamically, so that no public request
 * ever loads the solver: only the release step calls this.
 */
export async function loadEngine(): Promise<DisclosureEngine> {
  const { protect, audit } = await import('../../core/disclosure/index.js');
  return { protect: (problem) => protect(problem), audit };
}
