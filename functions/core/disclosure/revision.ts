import type { DisclosureProblem, DisclosureVariable } from './types.js';

/**
 * The problem of a revision release: the current figures together with an earlier release of the
 * same period as the public knows it. A figure with the same id and value in both is one
 * variable: fixed as published if the earlier release showed it. An earlier figure that changed
 * or is gone becomes a variable of its own (`prefix` + id), fixed as published or hidden as it
 * was, keeping its sensitivity (an earlier small count stays protected), and the earlier
 * equations hold over these. Apply once per earlier release, oldest first, with distinct prefixes.
 *
 * @example
 * const problem = withEarlierRelease(first, firstResult.hidden, current);
 * const result = await protect(problem);
 */
export function withEarlierRelease(
  earlier: DisclosureProblem,
  earlierHidden: ReadonlySet<string>,
  current: DisclosureProblem,
  prefix = 'earlier:',
): DisclosureProblem {
  const now = new Map(current.variables.map((v) => [v.id, v.value]));
  const shared = (v: DisclosureVariable): boolean => now.get(v.id) === v.value;
  const wasShown = (v: DisclosureVariable): boolean => v.fixed === 'published' || (!earlierHidden.has(v.id) && v.fixed !== 'hidden');
  const rename = new Map(earlier.variables.map((v) => [v.id, shared(v) ? v.id : `${prefix}${v.id}`]));
  const known = new Set(earlier.variables.filter((v) => shared(v) && wasShown(v)).map((v) => v.id));
  const variables: DisclosureVariable[] = [
    ...current.variables.map((v) => (known.has(v.id) ? { ...v, fixed: 'published' as const } : v)),
    ...earlier.variables
      .filter((v) => !shared(v))
      .map((v) => ({ ...v, id: `${prefix}${v.id}`, fixed: wasShown(v) ? ('published' as const) : ('hidden' as const) })),
  ];
  const equations = earlier.equations.map((eq) => ({
    ...eq,
    terms: eq.terms.map((t) => ({ ...t, id: rename.get(t.id) ?? t.id })),
  }));
  return { variables, equations: [...current.equations, ...equations], levels: current.levels };
}
