import MiniSearch, { type AsPlainObject } from 'minisearch';
import type { CountyConfig } from '../../core/config/schema.js';
import type { Service } from '../model/service.js';
import { words } from './normalize.js';
import { indexOptions, SCORING_RULES, SEARCH_OPTIONS, serviceQuery, TERM_RULES, type BaseField } from './rules.js';
import type { SynonymTable } from './synonyms.js';
import { documentIds } from './postings.js';
import { QueryScorer } from './scorer.js';

export { INDEX_FORMAT, type BaseField } from './rules.js';

/**
 * How many recent searches an index keeps answered (per collection version, so never stale):
 * paging through a result and the common words repeat them.
 */
export const RECENT_SEARCHES = 16;

/** Options of an index. */
export interface ServiceSearchOptions {
  /**
   * How many recent searches to keep answered; 0 to keep none.
   * @default RECENT_SEARCHES
   */
  readonly recent?: number;
  /**
   * Who scores: `postings`, the directory's own scorer over flat arrays (`QueryScorer`), or
   * `minisearch`, MiniSearch's own `search`, which gives exactly the same answers more slowly (the
   * reference the own scorer is tested and measured against).
   * @default 'postings'
   */
  readonly scorer?: 'postings' | 'minisearch';
}

/** Where a hit's match info comes from: MiniSearch's for the `at`-th hit of one search. */
interface MatchSource {
  match(at: number): Readonly<Record<string, readonly string[]>>;
}

/**
 * One ranked hit. Why it matched (`match`, `terms`, `explainHit`) is worked out when first asked,
 * which is for the hits shown only.
 */
export class SearchHit {
  readonly #source: MatchSource;
  readonly #from: number;
  #match: Readonly<Record<string, readonly string[]>> | undefined;

  /**
   * A hit; its match info is `source.match(from)`.
   * @param at the service's position in the index (see `ServiceSearch.align`)
   */
  constructor(
    readonly id: string,
    readonly at: number,
    readonly score: number,
    source: MatchSource,
    from: number,
  ) {
    this.#source = source;
    this.#from = from;
  }

  /** MiniSearch's match info: indexed word → the fields it matched in. */
  match(): Readonly<Record<string, readonly string[]>> {
    return (this.#match ??= this.#source.match(this.#from));
  }

  /** The indexed words that matched. */
  terms(): readonly string[] {
    return Object.keys(this.match());
  }
}

/** Why a hit matched: the fields (name, labels, places, description) and the indexed words. */
export interface HitReason {
  readonly matchedFields: readonly BaseField[];
  readonly matchedTerms: readonly string[];
}

/** The answer of a search: hits best first, and whether every word of the query matched. */
export interface SearchResult {
  readonly hits: readonly SearchHit[];
  readonly matchedAllWords: boolean;
}

/** The fields and words a hit matched, folded fields reported as their base field. */
export function explainHit(hit: SearchHit): HitReason {
  const fields = new Set<BaseField>();
  for (const list of Object.values(hit.match())) for (const f of list) fields.add(f.replace(/Folded$/, '') as BaseField);
  return { matchedFields: [...fields], matchedTerms: hit.terms() };
}

/**
 * An in-memory Swedish search index over services (MiniSearch): exact and folded spellings, prefix
 * matches from four letters, about one edit per five letters for longer words, and config synonyms
 * (applied to the query, so a stored index stays valid when they change).
 */
export class ServiceSearch {
  private readonly recent = new Map<string, readonly SearchHit[]>();
  private readonly recentLimit: number;

  private readonly scorer: QueryScorer | undefined;
  /** Service ids by position in the index. */
  private readonly ids: readonly string[];
  /** Position by service id, for MiniSearch's own results. */
  private positions: Map<string, number> | undefined;

  private constructor(
    private readonly index: MiniSearch<Service>,
    private readonly synonyms: SynonymTable,
    options: ServiceSearchOptions,
  ) {
    this.recentLimit = options.recent ?? RECENT_SEARCHES;
    // an index MiniSearch's own scoring must handle (see `PostingsTable.of`) keeps it
    this.scorer = options.scorer === 'minisearch' ? undefined : QueryScorer.of(index, SCORING_RULES, TERM_RULES);
    this.ids = this.scorer?.ids ?? documentIds(index);
  }

  /** Index `services` (what a cold function does when no usable stored index exists). */
  static build(
    services: readonly Service[],
    config: CountyConfig,
    synonyms: SynonymTable,
    options: ServiceSearchOptions = {},
  ): ServiceSearch {
    const index = new MiniSearch<Service>(indexOptions(config));
    index.addAll(services as Service[]);
    return new ServiceSearch(index, synonyms, options);
  }

  /** An index from its stored form (`toStored`); throws when the data is not such an index. */
  static fromStored(
    stored: AsPlainObject,
    config: CountyConfig,
    synonyms: SynonymTable,
    options: ServiceSearchOptions = {},
  ): ServiceSearch {
    return new ServiceSearch(MiniSearch.loadJS<Service>(stored, indexOptions(config)), synonyms, options);
  }

  /** The index as plain data for `JSON.stringify` (MiniSearch's own serialisation). */
  toStored(): AsPlainObject {
    return this.index.toJSON();
  }

  /**
   * `byId`'s entries by position in the index (undefined where it has none): what a hit's `at`
   * finds without a lookup by id.
   */
  align<T>(byId: ReadonlyMap<string, T>): (T | undefined)[] {
    return this.ids.map((id) => byId.get(id));
  }

  /** How many services are indexed. */
  get size(): number {
    return this.index.documentCount;
  }

  /**
   * Search `q`, keeping the hits `allowed` lets through (filtering does not change scores). Falls
   * back to any-word matching when no allowed entry has every word.
   */
  search(q: string, allowed?: (id: string, at: number) => boolean): SearchResult {
    const tokens = words(q).slice(0, 12);
    if (tokens.length === 0) return { hits: [], matchedAllWords: true };
    const keep = (hits: readonly SearchHit[]) => (allowed ? hits.filter((h) => allowed(h.id, h.at)) : hits);
    const every = keep(this.ranked(tokens, 'AND'));
    if (every.length === 0 && tokens.length > 1) return { hits: keep(this.ranked(tokens, 'OR')), matchedAllWords: false };
    return { hits: every, matchedAllWords: true };
  }

  /** All hits of `tokens` combined with `combineWith`, best first; recent answers are kept. */
  private ranked(tokens: readonly string[], combineWith: 'AND' | 'OR'): readonly SearchHit[] {
    const key = `${combineWith} ${tokens.join(' ')}`;
    const kept = this.recent.get(key);
    if (kept) {
      // most recently used last
      this.recent.delete(key);
      this.recent.set(key, kept);
      return kept;
    }
    const query = serviceQuery(tokens, combineWith, this.synonyms);
    const round = (score: number) => Math.round(score * 1000) / 1000;
    let hits: SearchHit[];
    if (this.scorer) {
      const ranking = this.scorer.search(query);
      hits = ranking.ids.map((id, i) => new SearchHit(id, ranking.docs[i]!, round(ranking.scores[i]!), ranking, i));
    } else {
      const raw = this.index.search(query, SEARCH_OPTIONS);
      const source: MatchSource = { match: (at) => raw[at]!.match };
      const at = (this.positions ??= new Map(this.ids.map((id, i) => [id, i])));
      hits = raw.map((r, i) => new SearchHit(String(r.id), at.get(String(r.id))!, round(r.score), source, i));
    }
    if (this.recentLimit > 0) {
      this.recent.set(key, hits);
      if (this.recent.size > this.recentLimit) this.recent.delete(this.recent.keys().next().value!);
    }
    return hits;
  }
}
