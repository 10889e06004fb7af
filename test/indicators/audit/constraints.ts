import type { DisclosureProblem, DisclosureVariable } from '../../../functions/core/disclosure/types.js';
import type { Harvest } from './harvest.js';

const DIMENSIONS: Record<string, readonly string[]> = {
  gender: ['gender:K', 'gender:M'],
  age: ['age:0-17', 'age:18-25', 'age:26-64', 'age:65+'],
};

/**
 * The constraint system an attacker builds from harvested public output alone: every shown figure
 * is known, every hidden one a non-negative unknown; an organisation's total is the sum of each
 * breakdown it shows (as figures or hidden cells); an area cell is the sum of the organisations
 * that show that cell. Snapshots (releases) are separate variables: nothing says a hidden cell kept
 * its value. `truth` gives each cell's true value (from the generated data, to mark which hidden
 * cells are sensitive); `minCount` is the primary rule.
 */
export function attackerProblem(
  snapshots: readonly { readonly name: string; readonly seen: Harvest; readonly truth: (key: string) => number }[],
  orgs: readonly string[],
  minCount: number,
  levels: { lower: number; upper: number },
): { problem: DisclosureProblem; hidden: Set<string> } {
  const variables: DisclosureVariable[] = [];
  const equations: DisclosureProblem['equations'][number][] = [];
  const hidden = new Set<string>();
  for (const { name, seen, truth } of snapshots) {
    const id = (key: string) => `${name}/${key}`;
    const present = (key: string) => {
      const s = seen.get(key);
      return s !== undefined && (s.status === 'reported' || s.status === 'suppressed');
    };
    for (const [key, s] of seen) {
      if (!present(key)) continue;
      const value = s.status === 'reported' ? (s.value as number) : truth(key);
      if (s.status === 'suppressed') hidden.add(id(key));
      variables.push({
        id: id(key),
        value,
        ...(s.status === 'reported' ? { fixed: 'published' as const } : {}),
        ...(s.status === 'suppressed' && value > 0 && value < minCount ? { sensitive: true } : {}),
      });
    }
    for (const org of orgs) {
      if (!present(`${org}/T`)) continue;
      for (const keys of Object.values(DIMENSIONS))
        if (keys.every((k) => present(`${org}/${k}`)))
          equations.push({ terms: [{ id: id(`${org}/T`), coef: 1 }, ...keys.map((k) => ({ id: id(`${org}/${k}`), coef: -1 }))] });
    }
    for (const key of ['T', ...Object.values(DIMENSIONS).flat()]) {
      if (!present(`area/${key}`)) continue;
      const members = orgs.filter((o) => present(`${o}/${key}`));
      equations.push({ terms: [{ id: id(`area/${key}`), coef: 1 }, ...members.map((o) => ({ id: id(`${o}/${key}`), coef: -1 }))] });
    }
  }
  return { problem: { variables, equations, levels }, hidden };
}
