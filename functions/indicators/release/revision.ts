import type { DisclosureProblem, DisclosureVariable } from '../../core/disclosure/types.js';
import type { ReleaseRecord } from './types.js';

/** Old variables carry the revision they were last current in: `r1/sip-established/2580/T`. */
const isOld = (id: string): boolean => /^r\d+\//.test(id);

/**
 * A revision's problem: the new figures plus everything the earlier releases of the period made
 * known. `previous` already holds its own predecessors, so one record suffices.
 *
 * - A cell unchanged since the previous release keeps its variable; if it was shown then, it is
 *   `fixed: 'published'` (it stays shown).
 * - A cell that changed (or is gone) gets a separate variable `r<N>/…` with its old value: shown
 *   then → fixed published; hidden then → fixed hidden, still sensitive if it was.
 * - Every earlier equation is kept, written over those variables.
 */
export function withEarlier(current: DisclosureProblem, previous: ReleaseRecord | undefined): DisclosureProblem {
  if (!previous) return current;
  const now = new Map(current.variables.map((v) => [v.id, v]));
  const hidden = new Set(previous.hidden);
  const rename = new Map<string, string>();
  const old: DisclosureVariable[] = [];
  const fixedNow = new Set<string>();
  for (const v of previous.variables) {
    const same = !isOld(v.id) && now.get(v.id)?.value === v.value;
    if (same) {
      if (!hidden.has(v.id)) fixedNow.add(v.id);
      continue;
    }
    const id = isOld(v.id) ? v.id : `r${previous.revision}/${v.id}`;
    rename.set(v.id, id);
    old.push({
      id,
      value: v.value,
      ...(v.sensitive ? { sensitive: true } : {}),
      fixed: hidden.has(v.id) ? 'hidden' : 'published',
    });
  }
  const variables = [
    ...current.variables.map((v) => (fixedNow.has(v.id) ? { ...v, fixed: 'published' as const, mustHide: undefined } : v)),
    ...old,
  ];
  const equations = [
    ...current.equations,
    ...previous.equations.map((e) => ({ ...e, terms: e.terms.map((t) => ({ id: rename.get(t.id) ?? t.id, coef: t.coef })) })),
  ];
  return { variables, equations, levels: current.levels };
}
