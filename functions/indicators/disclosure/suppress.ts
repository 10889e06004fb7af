/**
 * Disclosure control for published figures (see docs/indicators.md, "Small counts"):
 * primary suppression of small counts and of shares, means and medians with a small denominator,
 * and secondary suppression so that no suppressed value can be recovered by subtraction.
 */

/** Why a cell is hidden: its own small number, or to protect another cell. */
export type Suppression = 'primary' | 'secondary';

/** A cell taking part in disclosure control. */
export interface SdcCell {
  readonly value: number;
  suppressed?: Suppression;
}

/** Thresholds of the rule (config `indicators.suppression`, settable per indicator). */
export interface Thresholds {
  /** Person counts from 1 to `minCount - 1` are suppressed; 0 is shown. */
  readonly minCount: number;
  /** Shares, means and medians behind fewer persons than this are suppressed. */
  readonly minDenominator: number;
}

/** Primary rule for a person count: 1 to minCount−1 is suppressed, 0 is shown. */
export function isSmallCount(value: number, t: Thresholds): boolean {
  return value > 0 && value < t.minCount;
}

/** Primary rule for a share, mean or median: unknown or too few persons behind it. */
export function isSmallDenominator(denominator: number | undefined, t: Thresholds): boolean {
  return denominator === undefined || denominator < t.minDenominator;
}

/**
 * Secondary suppression over additive relations (each a list of cell indexes whose members are tied
 * by one linear equation such as T = K + M or area = Σ organisations). While some relation has
 * exactly one suppressed member, also suppress its smallest remaining non-zero member. Mutates
 * `cells`; returns how many cells were added.
 */
export function secondarySuppress(cells: SdcCell[], relations: readonly (readonly number[])[]): number {
  const relationsOf = new Map<number, number[]>();
  relations.forEach((members, r) => {
    for (const i of members) {
      let list = relationsOf.get(i);
      if (!list) relationsOf.set(i, (list = []));
      list.push(r);
    }
  });
  const queue: number[] = relations.map((_, r) => r);
  const queued = new Uint8Array(relations.length).fill(1);
  let added = 0;
  while (queue.length > 0) {
    const r = queue.pop() as number;
    queued[r] = 0;
    const members = relations[r] as readonly number[];
    let suppressed = 0;
    let pick = -1;
    for (const i of members) {
      const cell = cells[i] as SdcCell;
      if (cell.suppressed) suppressed += 1;
      else if (cell.value !== 0 && (pick < 0 || cell.value < (cells[pick] as SdcCell).value)) pick = i;
    }
    if (suppressed !== 1 || pick < 0) continue;
    (cells[pick] as SdcCell).suppressed = 'secondary';
    added += 1;
    for (const other of relationsOf.get(pick) ?? []) {
      if (!queued[other]) {
        queued[other] = 1;
        queue.push(other);
      }
    }
    if (!queued[r]) {
      queued[r] = 1;
      queue.push(r);
    }
  }
  return added;
}
