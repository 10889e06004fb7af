import type MiniSearch from 'minisearch';

/** MiniSearch's raw result of a query: internal document id → score, query terms, match. */
export type RawResults = Map<number, { score: number; terms: string[]; match: Record<string, string[]> }>;

type FieldTermData = Map<number, Map<number, number>>;
type TermResults = (
  sourceTerm: string,
  derivedTerm: string,
  termWeight: number,
  termBoost: number,
  fieldTermData: FieldTermData | undefined,
  fieldBoosts: Record<string, number>,
  boostDocumentFn: unknown,
  bm25params: { k: number; b: number; d: number },
  results?: RawResults,
) => RawResults;

/** The parts of MiniSearch (7.x) that its per-term scoring reads. */
interface Internals {
  termResults: TermResults;
  _documentIds: Map<number, unknown>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
  _dirtCount: number;
}

/**
 * Replace MiniSearch's per-term scoring on `index` with the same BM25 arithmetic, in the same
 * order (so every score is bit for bit the same), minus the per-posting work that does not depend
 * on the posting: the inverse document frequency and the weight are worked out once per field, and
 * postings are read with their frequencies instead of looked up again. Only for an index nothing
 * was ever removed from (MiniSearch's own method also cleans up removed documents) and without a
 * document boost; otherwise the index is left as it is.
 */
export function fasterTermScoring(index: MiniSearch<never> | MiniSearch<unknown>): void {
  const self = index as unknown as Internals;
  if (self._dirtCount !== 0 || typeof self.termResults !== 'function') return;
  const original = self.termResults.bind(self);
  self.termResults = (sourceTerm, derivedTerm, termWeight, termBoost, data, fieldBoosts, boostDocumentFn, bm25, results = new Map()) => {
    if (boostDocumentFn) return original(sourceTerm, derivedTerm, termWeight, termBoost, data, fieldBoosts, boostDocumentFn, bm25, results);
    if (data == null) return results;
    const { k, b, d } = bm25;
    const count = self._documentCount;
    for (const field of Object.keys(fieldBoosts)) {
      const fieldId = self._fieldIds[field]!;
      const freqs = data.get(fieldId);
      if (freqs == null) continue;
      const matching = freqs.size;
      const avgFieldLength = self._avgFieldLength[fieldId]!;
      const invDocFreq = Math.log(1 + (count - matching + 0.5) / (matching + 0.5));
      // MiniSearch multiplies termWeight * termBoost * fieldBoost * docBoost (1 here) * rawScore
      const weight = termWeight * termBoost * fieldBoosts[field]!;
      for (const [docId, termFreq] of freqs) {
        const fieldLength = self._fieldLength.get(docId)![fieldId]!;
        const rawScore = invDocFreq * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / avgFieldLength)));
        const weightedScore = weight * rawScore;
        const result = results.get(docId);
        if (result) {
          result.score += weightedScore;
          if (!result.terms.includes(sourceTerm)) result.terms.push(sourceTerm);
          const match = Object.prototype.hasOwnProperty.call(result.match, derivedTerm) ? result.match[derivedTerm] : undefined;
          if (match) match.push(field);
          else result.match[derivedTerm] = [field];
        } else {
          results.set(docId, { score: weightedScore, terms: [sourceTerm], match: { [derivedTerm]: [field] } });
        }
      }
    }
    return results;
  };
}
