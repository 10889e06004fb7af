/**
 * The disclosure-control contract shared by every service that publishes small counts
 * (indicators, feedback summaries). A table to protect is stated as a linear system, the way an
 * attacker who audits all public output sees it:
 *
 * - **variables**: every true figure that a release is about (organisation × cell, area cells,
 *   länsdel cells, and figures of earlier releases of the same period that have since changed);
 * - **equations**: every additive relation the public knows holds (T = Σ categories,
 *   area = Σ reporting organisations, länsdel = Σ its municipalities, …), including those of
 *   earlier releases of the period;
 * - **published**: which variables are (or were) shown, and so are known exactly.
 *
 * `protect` chooses which further variables to hide so that every sensitive variable keeps a
 * feasible range reaching its protection levels; `audit` computes, for a given publication, each
 * hidden variable's feasible range with an LP solver. Both live in the release step only: a
 * public request never loads the solver.
 */

/** One unknown of the system: a true figure. */
export interface DisclosureVariable {
  /** Unique id within the problem (e.g. `r2/0580/gender:K`). */
  readonly id: string;
  /** The true value (non-negative integer for counts). */
  readonly value: number;
  /**
   * Needs protection (a primary-sensitive cell, e.g. a count of 1–4): when hidden, its feasible
   * range must reach `value − levels.lower` (or 0) and `value + levels.upper`.
   */
  readonly sensitive?: boolean;
  /**
   * Already public (shown in an earlier release of the period and unchanged since): it stays shown
   * and cannot be hidden now. Such a variable is part of the attacker's knowledge.
   */
  readonly fixed?: 'published' | 'hidden';
  /** Must be hidden whatever protection needs (e.g. primary cells; cells the caller withholds). */
  readonly mustHide?: boolean;
  /** Information lost by hiding this variable (default: see `defaultCost`). */
  readonly cost?: number;
  /** What the attacker knows a priori (default 0 and unbounded above). */
  readonly lower?: number;
  readonly upper?: number;
}

/** Σ coef·variable = constant, known to hold by anyone reading the release. */
export interface DisclosureEquation {
  readonly terms: readonly { readonly id: string; readonly coef: number }[];
  /** Default 0. */
  readonly constant?: number;
}

/** Protection levels in the τ-ARGUS sense for frequency tables (absolute, in persons). */
export interface ProtectionLevels {
  /** The feasible range of a hidden sensitive cell of value v must include max(0, v − lower). */
  readonly lower: number;
  /** … and v + upper. */
  readonly upper: number;
}

/** A table to protect. */
export interface DisclosureProblem {
  readonly variables: readonly DisclosureVariable[];
  readonly equations: readonly DisclosureEquation[];
  readonly levels: ProtectionLevels;
}

/** The outcome of `protect`. */
export interface ProtectionResult {
  /** Ids of every hidden variable (primary, secondary and fixed-hidden alike). */
  readonly hidden: ReadonlySet<string>;
  /** Whether the solver found a pattern; false means the fallback hid more (never less). */
  readonly optimal: boolean;
  /** Σ cost of the hidden non-fixed variables (the documented information-loss measure). */
  readonly informationLoss: number;
  /** Lines for the release log (Swedish and English), e.g. why the fallback was used. */
  readonly log: readonly string[];
  /** Wall time spent in the solver, milliseconds. */
  readonly solverMs: number;
}

/** A hidden variable's feasible range as the attacker can compute it. */
export interface FeasibleRange {
  readonly id: string;
  readonly min: number;
  readonly max: number;
}

/** What `audit` reports. */
export interface AuditResult {
  readonly ranges: readonly FeasibleRange[];
  /** Sensitive hidden variables whose range does not reach the protection levels. */
  readonly violations: readonly (FeasibleRange & { readonly value: number })[];
  readonly solverMs: number;
}
