import { DisclosureInputError } from './errors.js';
import { defaultCost } from './cost.js';
import { checkLevels } from './levels.js';
import type { DisclosureProblem } from './types.js';

/** One equation over variable indices: Σ coefs[k]·x[cols[k]] = constant. */
export interface IndexedRow {
  readonly cols: readonly number[];
  readonly coefs: readonly number[];
  readonly constant: number;
}

/** A problem checked and indexed once: arrays by variable index, equations by index. */
export interface IndexedSystem {
  readonly ids: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  readonly value: readonly number[];
  readonly lower: readonly number[];
  readonly upper: readonly number[];
  readonly cost: readonly number[];
  readonly sensitive: readonly boolean[];
  readonly fixed: readonly ('published' | 'hidden' | undefined)[];
  readonly mustHide: readonly boolean[];
  readonly rows: readonly IndexedRow[];
  /** Row indices each variable appears in. */
  readonly rowsOf: readonly (readonly number[])[];
  /** Protection target of each variable: its range must reach [low, high]. */
  readonly targetLow: readonly number[];
  readonly targetHigh: readonly number[];
}

/** Tolerance for "equal" on values of the given magnitude (counts, sums of counts). */
export function tolerance(magnitude: number): number {
  return 1e-6 * Math.max(1, Math.abs(magnitude));
}

function fail(field: string, sv: string, en: string): never {
  throw new DisclosureInputError(field, sv, en);
}

/**
 * Check a problem and index it. Throws {@link DisclosureInputError} on a duplicate or unknown id,
 * a non-finite number, a value outside its own bounds, an equation the true values break, or
 * protection levels below the minimum.
 *
 * @example
 * const system = indexSystem({ variables: [{ id: 'a', value: 1 }], equations: [], levels: DEFAULT_LEVELS });
 * system.index.get('a'); // 0
 */
export function indexSystem(problem: DisclosureProblem): IndexedSystem {
  const levels = checkLevels(problem.levels, 'levels.');
  const index = new Map<string, number>();
  const ids: string[] = [];
  const value: number[] = [];
  const lower: number[] = [];
  const upper: number[] = [];
  const cost: number[] = [];
  const targetLow: number[] = [];
  const targetHigh: number[] = [];
  problem.variables.forEach((v, i) => {
    const at = `variables[${i}]`;
    if (index.has(v.id)) fail(`${at}.id`, `Id ${v.id} finns två gånger.`, `Id ${v.id} occurs twice.`);
    if (!Number.isFinite(v.value)) fail(`${at}.value`, 'Värdet måste vara ett tal.', 'The value must be a finite number.');
    const lo = v.lower ?? 0;
    const hi = v.upper ?? Number.POSITIVE_INFINITY;
    if (Number.isNaN(lo) || Number.isNaN(hi) || v.value < lo - tolerance(lo) || v.value > hi + tolerance(hi)) {
      fail(`${at}.value`, `Värdet för ${v.id} ligger utanför sina gränser.`, `The value of ${v.id} lies outside its bounds.`);
    }
    const c = v.cost ?? defaultCost(v.value);
    if (!Number.isFinite(c) || c < 0) fail(`${at}.cost`, 'Kostnaden måste vara ett tal ≥ 0.', 'The cost must be a number ≥ 0.');
    index.set(v.id, i);
    ids.push(v.id);
    value.push(v.value);
    lower.push(lo);
    upper.push(hi);
    cost.push(c);
    targetLow.push(Math.max(0, v.value - levels.lower));
    targetHigh.push(v.value + levels.upper);
  });
  const rowsOf: number[][] = ids.map(() => []);
  const rows: IndexedRow[] = problem.equations.map((eq, r) => {
    const merged = new Map<number, number>();
    eq.terms.forEach((term, t) => {
      const col = index.get(term.id);
      const at = `equations[${r}].terms[${t}]`;
      if (col === undefined) fail(`${at}.id`, `Okänd variabel ${term.id}.`, `Unknown variable ${term.id}.`);
      if (!Number.isFinite(term.coef)) fail(`${at}.coef`, 'Koefficienten måste vara ett tal.', 'The coefficient must be a finite number.');
      merged.set(col, (merged.get(col) ?? 0) + term.coef);
    });
    const constant = eq.constant ?? 0;
    if (!Number.isFinite(constant))
      fail(`equations[${r}].constant`, 'Konstanten måste vara ett tal.', 'The constant must be a finite number.');
    const cols = [...merged.keys()].filter((c) => merged.get(c) !== 0);
    const coefs = cols.map((c) => merged.get(c) ?? 0);
    let sum = 0;
    let scale = Math.abs(constant);
    cols.forEach((c, k) => {
      const term = (coefs[k] ?? 0) * (value[c] ?? 0);
      sum += term;
      scale += Math.abs(term);
    });
    if (Math.abs(sum - constant) > tolerance(scale)) {
      fail(`equations[${r}]`, `Ekvation ${r} stämmer inte med de sanna värdena.`, `Equation ${r} does not hold for the true values.`);
    }
    for (const c of cols) rowsOf[c]?.push(r);
    return { cols, coefs, constant };
  });
  return {
    ids,
    index,
    value,
    lower,
    upper,
    cost,
    sensitive: problem.variables.map((v) => v.sensitive === true),
    fixed: problem.variables.map((v) => v.fixed),
    mustHide: problem.variables.map((v) => v.mustHide === true),
    rows,
    rowsOf,
    targetLow,
    targetHigh,
  };
}
