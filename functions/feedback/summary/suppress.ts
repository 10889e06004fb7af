/** A count that may be suppressed for disclosure control. */
export interface CountCell {
  count: number | null;
  suppressed: boolean;
  /** The true count, kept only while the rule runs. */
  readonly raw: number;
}

/** A cell holding `raw`, not yet suppressed. */
export const cell = (raw: number): CountCell => ({ count: raw, suppressed: false, raw });

function suppress(c: CountCell): void {
  c.suppressed = true;
  c.count = null;
}

/**
 * The small-count rule of `INDICATOR-PRACTICE.md`. Primary: a count from 1 to `minCount − 1` is
 * suppressed (0 is shown). Secondary: in every additive relation (its cells together with its
 * total), if exactly one cell is suppressed, the smallest remaining non-zero cell is suppressed
 * too, until nothing changes, so no suppressed value can be recovered by subtraction.
 *
 * @example
 * applySmallCountRule([[a, b, total]], 5);
 */
export function applySmallCountRule(relations: readonly (readonly CountCell[])[], minCount: number): void {
  for (const relation of relations) for (const c of relation) if (c.raw > 0 && c.raw < minCount) suppress(c);
  let changed = true;
  while (changed) {
    changed = false;
    for (const relation of relations) {
      if (relation.filter((c) => c.suppressed).length !== 1) continue;
      const open = relation.filter((c) => !c.suppressed && c.raw > 0).sort((a, b) => a.raw - b.raw);
      const next = open[0];
      if (next) {
        suppress(next);
        changed = true;
      }
    }
  }
}
