import { PostingsTable, type Derived, type ScoringRules } from './postings.js';

/** A query as MiniSearch takes it, limited to what the directory asks: words combined with AND or OR. */
export type ScoredQuery = string | { readonly combineWith: 'AND' | 'OR'; readonly queries: ScoredQuery[] };

/** Documents found, best first, with MiniSearch's scores; their reasons are worked out on request. */
export interface Ranking {
  readonly ids: readonly string[];
  /** Their positions in the index (MiniSearch's internal ids). */
  readonly docs: Int32Array;
  /** Summed BM25 times the number of distinct query terms matched, as MiniSearch's `search` gives it. */
  readonly scores: Float64Array;
  /** MiniSearch's match info of the `i`-th document: indexed word → the fields it matched in. */
  match(i: number): Record<string, string[]>;
}

/** A query term and the indexed words it matched. */
interface Leaf {
  readonly kind: 'leaf';
  /** Which distinct query term it is (its bit in a document's term mask). */
  readonly bit: number;
  readonly derived: readonly Derived[];
}
interface Combined {
  readonly kind: 'AND' | 'OR';
  readonly children: readonly Node[];
}
type Node = Leaf | Combined;

/** The documents of a node in MiniSearch's order (the order its result map was filled in). */
interface Scored {
  readonly docs: Int32Array;
  readonly scores: Float64Array;
  /** `words` 32-bit words per document: the distinct query terms it matched. */
  readonly masks: Uint32Array;
}

/** Options of a scorer's input: how the query's strings are split into terms (MiniSearch's `tokenize` and `processTerm`). */
export interface TermRules {
  readonly tokenize: (text: string) => string[];
  readonly processTerm: (term: string) => string;
}

const popcount = (v: number) => {
  let n = v - ((v >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (((n + (n >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
};

/**
 * Positions of `values` from the largest value to the smallest, equal values in their order in
 * `values` (what a stable sort by descending value gives), without a comparison function: the
 * values are sorted natively and each position is placed after the equal ones before it.
 */
export function rankDescending(values: Float64Array): Int32Array {
  const n = values.length;
  const ascending = values.slice().sort();
  // placed[u]: how many of the values equal to ascending[u - 1] are placed (u = their upper bound)
  const placed = new Int32Array(n + 1);
  const ranked = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ascending[mid]! <= v) lo = mid + 1;
      else hi = mid;
    }
    // the equal values take the places n - lo … n - lo + (count - 1), first come first placed
    ranked[n - lo + placed[lo]!++] = i;
  }
  return ranked;
}

/**
 * MiniSearch's `search` for one index, computed over flat arrays: the same matches, the same
 * scores bit for bit (the same additions in the same order) and the same order of equal scores
 * (MiniSearch's order of first match), with typed arrays in place of a map and an object per
 * document and term. The reasons of a hit (`match`, `terms`) are worked out only when read.
 */
export class QueryScorer {
  // scratch per document, reused by every node of every search (nodes are combined one at a time)
  readonly #stamp: Int32Array;
  readonly #at: Int32Array;
  readonly #sum: Float64Array;
  readonly #order: Int32Array;
  private generation = 0;

  /** A new mark for `stamp`: a document is in the node under way when its stamp is this mark. */
  #mark(): number {
    if (this.generation === 0x7fffffff) {
      // after about two billion nodes: start the marks again rather than wrap around
      this.#stamp.fill(0);
      this.generation = 0;
    }
    return ++this.generation;
  }

  readonly #table: PostingsTable;
  readonly #terms: TermRules;

  private constructor(table: PostingsTable, terms: TermRules) {
    this.#table = table;
    this.#terms = terms;
    this.#stamp = new Int32Array(table.size);
    this.#at = new Int32Array(table.size);
    this.#sum = new Float64Array(table.size);
    this.#order = new Int32Array(table.size);
  }

  /** The document ids by position in the index. */
  get ids(): readonly string[] {
    return this.#table.ids;
  }

  /** A scorer for `index` (a MiniSearch instance), or undefined when only MiniSearch itself can score it. */
  static of(index: Parameters<typeof PostingsTable.of>[0], rules: ScoringRules, terms: TermRules): QueryScorer | undefined {
    const table = PostingsTable.of(index, rules);
    return table && new QueryScorer(table, terms);
  }

  /** What MiniSearch's `index.search(query, options)` answers, best first. */
  search(query: ScoredQuery): Ranking {
    const bits = new Map<string, number>();
    const tree = this.#plan(query, 'OR', bits);
    const words = Math.max(1, Math.ceil(bits.size / 32));
    const result = this.#evaluate(tree, words);
    const n = result.docs.length;
    const totals = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let quality = 0;
      for (let w = 0; w < words; w++) quality += popcount(result.masks[i * words + w]!);
      totals[i] = result.scores[i]! * (quality || 1);
    }
    const ranked = rankDescending(totals);
    const docs = new Int32Array(n);
    const scores = new Float64Array(n);
    const ids = new Array<string>(n);
    for (let i = 0; i < n; i++) {
      const at = ranked[i]!;
      docs[i] = result.docs[at]!;
      scores[i] = totals[at]!;
      ids[i] = this.#table.ids[docs[i]!]!;
    }
    return { ids, docs, scores, match: (i) => this.#explain(tree, docs[i]!) };
  }

  /** The query as a tree of terms (each expanded to the indexed words it matches) and combinations. */
  #plan(query: ScoredQuery, combineWith: 'AND' | 'OR', bits: Map<string, number>): Node {
    if (typeof query !== 'string') {
      return { kind: query.combineWith, children: query.queries.map((q) => this.#plan(q, query.combineWith, bits)) };
    }
    const children = this.#terms
      .tokenize(query)
      .map((t) => this.#terms.processTerm(t))
      .filter((t) => !!t)
      .map((term): Leaf => {
        let bit = bits.get(term);
        if (bit === undefined) bits.set(term, (bit = bits.size));
        return { kind: 'leaf', bit, derived: this.#table.expand(term) };
      });
    return { kind: combineWith, children };
  }

  #evaluate(node: Node, words: number): Scored {
    if (node.kind === 'leaf') return this.#leaf(node, words);
    const parts = node.children.map((c) => this.#evaluate(c, words));
    if (parts.length === 0) return { docs: new Int32Array(0), scores: new Float64Array(0), masks: new Uint32Array(0) };
    // MiniSearch folds the parts from the left (`results.reduce(combinator)`)
    return node.kind === 'OR' ? this.#or(parts, words) : parts.reduce((a, b) => this.#and(a, b, words));
  }

  /** One term: the weighted scores of every field of every indexed word it matched, added up in that order. */
  #leaf(node: Leaf, words: number): Scored {
    const [stamp, sum, order] = [this.#stamp, this.#sum, this.#order];
    const g = this.#mark();
    let n = 0;
    for (const derived of node.derived) {
      for (const p of derived.postings) {
        // MiniSearch: termWeight * termBoost (1) * fieldBoost * docBoost (1) * rawScore
        const weight = derived.weight * p.fieldBoost;
        const { docs, scores } = p;
        for (let i = 0; i < docs.length; i++) {
          const doc = docs[i]!;
          const score = weight * scores[i]!;
          if (stamp[doc] === g) sum[doc] = sum[doc]! + score;
          else {
            stamp[doc] = g;
            sum[doc] = score;
            order[n++] = doc;
          }
        }
      }
    }
    const docs = order.slice(0, n);
    const scores = new Float64Array(n);
    for (let i = 0; i < n; i++) scores[i] = sum[docs[i]!]!;
    const masks = new Uint32Array(n * words);
    const word = node.bit >>> 5;
    const mask = (1 << (node.bit & 31)) >>> 0;
    for (let i = 0; i < n; i++) masks[i * words + word] = mask;
    return { docs, scores, masks };
  }

  /** Any of the parts: documents in order of first appearance, scores added part by part. */
  #or(parts: readonly Scored[], words: number): Scored {
    if (parts.length === 1) return parts[0]!;
    const [stamp, at, sum, order] = [this.#stamp, this.#at, this.#sum, this.#order];
    const g = this.#mark();
    let n = 0;
    const masks = new Uint32Array(this.#table.size * words);
    for (const part of parts) {
      for (let i = 0; i < part.docs.length; i++) {
        const doc = part.docs[i]!;
        if (stamp[doc] === g) sum[doc] = sum[doc]! + part.scores[i]!;
        else {
          stamp[doc] = g;
          sum[doc] = part.scores[i]!;
          at[doc] = n;
          order[n++] = doc;
        }
        const to = at[doc]! * words;
        for (let w = 0; w < words; w++) masks[to + w] = masks[to + w]! | part.masks[i * words + w]!;
      }
    }
    const docs = order.slice(0, n);
    const scores = new Float64Array(n);
    for (let i = 0; i < n; i++) scores[i] = sum[docs[i]!]!;
    return { docs, scores, masks: masks.slice(0, n * words) };
  }

  /** Both parts: the documents of `b` (in its order) that `a` has too, with `a`'s score plus `b`'s. */
  #and(a: Scored, b: Scored, words: number): Scored {
    const [stamp, at] = [this.#stamp, this.#at];
    const g = this.#mark();
    for (let i = 0; i < a.docs.length; i++) {
      stamp[a.docs[i]!] = g;
      at[a.docs[i]!] = i;
    }
    const docs = new Int32Array(Math.min(a.docs.length, b.docs.length));
    const scores = new Float64Array(docs.length);
    const masks = new Uint32Array(docs.length * words);
    let n = 0;
    for (let i = 0; i < b.docs.length; i++) {
      const doc = b.docs[i]!;
      if (stamp[doc] !== g) continue;
      const j = at[doc]!;
      docs[n] = doc;
      scores[n] = a.scores[j]! + b.scores[i]!;
      for (let w = 0; w < words; w++) masks[n * words + w] = a.masks[j * words + w]! | b.masks[i * words + w]!;
      n++;
    }
    return { docs: docs.subarray(0, n), scores: scores.subarray(0, n), masks: masks.subarray(0, n * words) };
  }

  /**
   * MiniSearch's match info of `doc`: every indexed word that counted, in the order it was first
   * met, with its fields (as MiniSearch's `Object.assign` of the parts' infos leaves them). A part
   * counts when `doc` is in its result (an AND needs it in every part).
   */
  #explain(tree: Node, doc: number): Record<string, string[]> {
    const known = new Map<Node, boolean>();
    const has = (node: Node): boolean => {
      let found = known.get(node);
      if (found === undefined) {
        if (node.kind === 'leaf') found = node.derived.some((d) => this.#table.occursIn(d.data, doc));
        else if (node.kind === 'AND') found = node.children.length > 0 && node.children.every(has);
        else found = node.children.some(has);
        known.set(node, found);
      }
      return found;
    };
    const match: Record<string, string[]> = {};
    const walk = (node: Node): void => {
      if (!has(node)) return;
      if (node.kind !== 'leaf') return node.children.forEach(walk);
      for (const d of node.derived) {
        if (Object.hasOwn(match, d.term)) continue;
        const fields = this.#table.fieldsOf(d.data, doc);
        if (fields.length > 0) match[d.term] = fields;
      }
    };
    walk(tree);
    return match;
  }
}
