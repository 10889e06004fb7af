import type MiniSearch from 'minisearch';

/** MiniSearch's postings of one indexed term: field id → internal document id → term frequency. */
export type FieldTermData = Map<number, Map<number, number>>;

/** The parts of MiniSearch (7.x) an own scorer reads: the term tree and the BM25 statistics. */
interface Internals {
  _index: {
    get(term: string): FieldTermData | undefined;
    atPrefix(prefix: string): Iterable<[string, FieldTermData]>;
    fuzzyGet(term: string, maxDistance: number): Map<string, [FieldTermData, number]>;
  };
  _documentIds: Map<number, unknown>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
  _dirtCount: number;
}

/** How a query term is matched and scored; the same settings MiniSearch's `search` is given. */
export interface ScoringRules {
  /** The indexed fields in MiniSearch's order (the order scores are added in). */
  readonly fields: readonly string[];
  /** Field → boost; a field not named weighs 1. */
  readonly boost: Readonly<Record<string, number>>;
  /** Whether a query term also matches the indexed words it begins. */
  readonly prefix: (term: string) => boolean;
  /** A query term's edit distance as a fraction of its length (or whole edits from 1), or false for none. */
  readonly fuzzy: (term: string) => number | false;
  /** Weights of prefix and fuzzy matches against an exact one (1). */
  readonly weights: { readonly prefix: number; readonly fuzzy: number };
  /** @default 6 (MiniSearch's) */
  readonly maxFuzzy?: number;
  /** @default MiniSearch's: k 1.2, b 0.7, d 0.5 */
  readonly bm25?: { readonly k: number; readonly b: number; readonly d: number };
}

/** The postings of one indexed word in one field, each with its BM25 score before weights. */
export interface FieldPostings {
  /** Position of the field in `ScoringRules.fields`. */
  readonly field: number;
  readonly fieldBoost: number;
  /** Internal document ids in MiniSearch's order. */
  readonly docs: Int32Array;
  readonly scores: Float64Array;
}

/** One indexed word a query term matched, with the weight of that kind of match. */
export interface Derived {
  readonly term: string;
  readonly weight: number;
  readonly data: FieldTermData;
  readonly postings: readonly FieldPostings[];
}

const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

/**
 * The document ids of a MiniSearch index by internal id (its position; '' for a free position).
 * Internal ids are given in the order documents were added, and kept by `toJSON`/`loadJS`.
 */
export function documentIds(index: MiniSearch<never> | MiniSearch<unknown>): string[] {
  const known = (index as unknown as Pick<Internals, '_documentIds'>)._documentIds;
  let size = 0;
  for (const id of known.keys()) size = Math.max(size, id + 1);
  const ids = new Array<string>(size).fill('');
  for (const [short, id] of known) ids[short] = String(id);
  return ids;
}

/**
 * MiniSearch's index as flat arrays for scoring: the BM25 score of every posting of an indexed
 * word, worked out once per word and collection version (the first query that needs it), with
 * exactly MiniSearch's arithmetic so every score is bit for bit the same.
 */
export class PostingsTable {
  /** One past the largest internal document id. */
  readonly size: number;
  /** Internal document id → the document's id. */
  readonly ids: readonly string[];
  readonly #self: Internals;
  readonly #boosts: readonly number[];
  readonly #fieldIds: readonly number[];
  readonly #lengths: readonly Float64Array[];
  readonly #words = new Map<string, readonly FieldPostings[]>();

  readonly #rules: ScoringRules;

  private constructor(index: Internals, rules: ScoringRules) {
    this.#rules = rules;
    this.#self = index;
    this.ids = documentIds(index as unknown as MiniSearch<never>);
    const size = this.ids.length;
    this.size = size;
    this.#boosts = rules.fields.map((f) => (Object.hasOwn(rules.boost, f) ? rules.boost[f] : 0) || 1);
    this.#fieldIds = rules.fields.map((f) => index._fieldIds[f]!);
    this.#lengths = this.#fieldIds.map((fieldId) => {
      const lengths = new Float64Array(size);
      for (const [doc, perField] of index._fieldLength) lengths[doc] = perField[fieldId]!;
      return lengths;
    });
  }

  /**
   * The table of `index`, or undefined when it cannot reproduce MiniSearch's scores: documents
   * were removed (MiniSearch then cleans postings up while it searches) or the internals differ.
   */
  static of(index: MiniSearch<never> | MiniSearch<unknown>, rules: ScoringRules): PostingsTable | undefined {
    const self = index as unknown as Partial<Internals>;
    if (
      self._dirtCount !== 0 ||
      !(self._documentIds instanceof Map) ||
      !(self._fieldLength instanceof Map) ||
      typeof self._index?.fuzzyGet !== 'function' ||
      !rules.fields.every((f) => typeof self._fieldIds?.[f] === 'number')
    )
      return undefined;
    return new PostingsTable(self as Internals, rules);
  }

  /**
   * The indexed words `term` matches, in the order MiniSearch adds their scores: the word itself,
   * then longer words it begins, then words within its edit distance.
   */
  expand(term: string): Derived[] {
    const index = this.#self._index;
    const found: Derived[] = [];
    const add = (word: string, weight: number, data: FieldTermData) =>
      found.push({ term: word, weight, data, postings: this.#postings(word, data) });
    const exact = index.get(term);
    if (exact) add(term, 1, exact);
    const prefixMatches = this.#rules.prefix(term) ? index.atPrefix(term) : undefined;
    let fuzzyMatches: Map<string, [FieldTermData, number]> | undefined;
    const fuzzy = this.#rules.fuzzy(term);
    if (fuzzy !== false) {
      const maxDistance = fuzzy < 1 ? Math.min(this.#rules.maxFuzzy ?? 6, Math.round(term.length * fuzzy)) : fuzzy;
      if (maxDistance) fuzzyMatches = index.fuzzyGet(term, maxDistance);
    }
    const { prefix: prefixWeight, fuzzy: fuzzyWeight } = this.#rules.weights;
    if (prefixMatches) {
      for (const [word, data] of prefixMatches) {
        const distance = word.length - term.length;
        if (!distance) continue;
        fuzzyMatches?.delete(word);
        add(word, (prefixWeight * word.length) / (word.length + 0.3 * distance), data);
      }
    }
    if (fuzzyMatches) {
      for (const [word, [data, distance]] of fuzzyMatches) {
        if (!distance) continue;
        add(word, (fuzzyWeight * word.length) / (word.length + distance), data);
      }
    }
    return found;
  }

  /** Whether the indexed word of `data` occurs in document `doc` in any scored field. */
  occursIn(data: FieldTermData, doc: number): boolean {
    return this.#fieldIds.some((fieldId) => data.get(fieldId)?.has(doc));
  }

  /** The fields the indexed word of `data` occurs in for document `doc`, in field order (for explaining a hit). */
  fieldsOf(data: FieldTermData, doc: number): string[] {
    const fields: string[] = [];
    this.#fieldIds.forEach((fieldId, i) => {
      if (data.get(fieldId)?.has(doc)) fields.push(this.#rules.fields[i]!);
    });
    return fields;
  }

  /** The scored postings of one indexed word, per field in field order (kept per version). */
  #postings(word: string, data: FieldTermData): readonly FieldPostings[] {
    let found = this.#words.get(word);
    if (found) return found;
    const { k, b, d } = this.#rules.bm25 ?? BM25;
    const count = this.#self._documentCount;
    const list: FieldPostings[] = [];
    this.#fieldIds.forEach((fieldId, field) => {
      const freqs = data.get(fieldId);
      if (freqs == null) return;
      const matching = freqs.size;
      const avgFieldLength = this.#self._avgFieldLength[fieldId]!;
      const lengths = this.#lengths[field]!;
      const docs = new Int32Array(matching);
      const scores = new Float64Array(matching);
      let i = 0;
      for (const [doc, termFreq] of freqs) {
        // MiniSearch's calcBM25Score, term for term
        const invDocFreq = Math.log(1 + (count - matching + 0.5) / (matching + 0.5));
        docs[i] = doc;
        scores[i++] = invDocFreq * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * lengths[doc]!) / avgFieldLength)));
      }
      list.push({ field, fieldBoost: this.#boosts[field]!, docs, scores });
    });
    found = list;
    this.#words.set(word, found);
    return found;
  }
}
