import type { IndexedSystem } from './system.js';

/** Variables linked through equations, with the equations that touch them. */
export interface Component {
  readonly vars: readonly number[];
  readonly rows: readonly number[];
}

/**
 * Split the member variables into groups that share no equation (counting only member terms),
 * so each group is solved on its own. Order follows the lowest variable index of each group.
 *
 * @example
 * components(system, (i) => hidden.has(i)); // [{ vars: [0, 3], rows: [1] }, …]
 */
export function components(system: IndexedSystem, member: (i: number) => boolean): Component[] {
  const parent = system.ids.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] ?? root;
    while (parent[i] !== root) {
      const next = parent[i] ?? root;
      parent[i] = root;
      i = next;
    }
    return root;
  };
  system.rows.forEach((row) => {
    let first = -1;
    for (const c of row.cols) {
      if (!member(c)) continue;
      if (first < 0) first = c;
      else parent[find(c)] = find(first);
    }
  });
  const groups = new Map<number, { vars: number[]; rows: Set<number> }>();
  system.ids.forEach((_, i) => {
    if (!member(i)) return;
    const root = find(i);
    let group = groups.get(root);
    if (!group) groups.set(root, (group = { vars: [], rows: new Set() }));
    group.vars.push(i);
    for (const r of system.rowsOf[i] ?? []) group.rows.add(r);
  });
  return [...groups.values()].map((g) => ({ vars: g.vars, rows: [...g.rows].sort((a, b) => a - b) }));
}
