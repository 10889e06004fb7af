import { foldDiacritics, normalizeTerm, words } from './normalize.js';

/** Each word (as written and folded) → the words and phrases that mean the same. */
export type SynonymTable = ReadonlyMap<string, readonly string[]>;

/**
 * Build a symmetric synonym table from config (`directory.synonyms`: word → list). "droger: [narkotika]"
 * makes "droger" find narkotika and "narkotika" find droger. Keys with hyphens also count as phrases.
 */
export function synonymTable(config: Readonly<Record<string, readonly string[]>>): SynonymTable {
  const table = new Map<string, Set<string>>();
  const add = (from: string, to: string) => {
    for (const key of new Set([from, foldDiacritics(from)])) {
      if (key === to) continue;
      const set = table.get(key) ?? new Set<string>();
      set.add(to);
      table.set(key, set);
    }
  };
  for (const [key, values] of Object.entries(config)) {
    const ring = [key, ...values].map((v) => words(v).join(' ')).filter(Boolean);
    for (const a of ring) for (const b of ring) if (a !== b && !a.includes(' ')) add(normalizeTerm(a), b);
  }
  return new Map([...table].map(([k, v]) => [k, [...v]]));
}

/** The synonyms of one word (empty when it has none). */
export function synonymsFor(table: SynonymTable, word: string): readonly string[] {
  return table.get(word) ?? [];
}
