import type { Highs, Model } from 'highs';

/** A linear system in row form, ready for HiGHS. */
export interface SparseLp {
  readonly numCols: number;
  readonly colLower: readonly number[];
  readonly colUpper: readonly number[];
  readonly rowLower: readonly number[];
  readonly rowUpper: readonly number[];
  /** Entries of each row: column indices and coefficients. */
  readonly rows: readonly { readonly cols: readonly number[]; readonly coefs: readonly number[] }[];
  /** Every column integer (a MIP) rather than continuous, or per column. */
  readonly integer?: boolean | readonly boolean[];
}

const finite = (highs: Highs, v: number): number =>
  v === Number.POSITIVE_INFINITY ? highs.infinity : v === Number.NEGATIVE_INFINITY ? -highs.infinity : v;

const integrality = (highs: Highs, n: number, integer: true | readonly boolean[]): Int32Array => {
  const { integer: whole, continuous } = highs.constants.variableType;
  return Int32Array.from({ length: n }, (_, j) => (integer === true || integer[j] ? whole : continuous));
};

/**
 * Build a persistent HiGHS model (zero objective, quiet) from a sparse row system. Numbers are
 * passed as arrays, never as LP text, so variable ids need no escaping. The caller disposes it.
 *
 * @example
 * const model = createLp(highs, { numCols: 2, colLower: [0, 0], colUpper: [Infinity, Infinity],
 *   rowLower: [6], rowUpper: [6], rows: [{ cols: [0, 1], coefs: [1, 1] }] });
 */
export function createLp(highs: Highs, lp: SparseLp): Model {
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const row of lp.rows) {
    indices.push(...row.cols);
    values.push(...row.coefs);
    starts.push(indices.length);
  }
  const model = highs.createModel({
    numCols: lp.numCols,
    numRows: lp.rows.length,
    colCost: new Float64Array(lp.numCols),
    colLower: lp.colLower.map((v) => finite(highs, v)),
    colUpper: lp.colUpper.map((v) => finite(highs, v)),
    rowLower: lp.rowLower.map((v) => finite(highs, v)),
    rowUpper: lp.rowUpper.map((v) => finite(highs, v)),
    ...(lp.integer ? { integrality: integrality(highs, lp.numCols, lp.integer) } : {}),
    matrix: {
      format: 'csr',
      numRows: lp.rows.length,
      numCols: lp.numCols,
      starts: new Int32Array(starts),
      indices: new Int32Array(indices),
      values: new Float64Array(values),
    },
  });
  // Presolve off: the models are small and solved many times with another objective, and the
  // simplex then starts from the previous basis. A MIP keeps presolve, which it relies on.
  model.options.set({ output_flag: false, presolve: lp.integer ? 'choose' : 'off' });
  return model;
}

/** How one LP solve ended, as far as disclosure control cares. */
export type LpOutcome =
  | { kind: 'optimal'; objective: number }
  | { kind: 'unbounded' }
  | { kind: 'infeasible' }
  /** Infeasible or unbounded: the caller knows which one its model can be. */
  | { kind: 'either' };

/**
 * Run the model and classify the outcome. A hot-started simplex now and then ends without a
 * verdict (status "unknown"); the model is then solved again from scratch, then with presolve.
 * Any other end (time limit, numerical trouble that persists) throws.
 *
 * @example
 * const outcome = solveLp(highs, model); // { kind: 'optimal', objective: 6 }
 */
export function solveLp(highs: Highs, model: Model): LpOutcome {
  const codes = highs.constants.modelStatus;
  let status = codes.notSet as number;
  const presolve = model.options.get('presolve');
  for (let attempt = 0; attempt < 3; attempt++) {
    if (attempt === 1) model.clearSolver();
    if (attempt === 2) model.options.set({ presolve: 'on' });
    model.run();
    status = model.getModelStatus();
    if (attempt === 2) model.options.set({ presolve });
    if (status === codes.optimal) return { kind: 'optimal', objective: model.getObjectiveValue() };
    if (status === codes.unbounded) return { kind: 'unbounded' };
    if (status === codes.unboundedOrInfeasible) return { kind: 'either' };
    if (status === codes.infeasible) return { kind: 'infeasible' };
  }
  throw new Error(`The LP solver ended with model status ${status}.`);
}
