import MiniSearch, { type AsPlainObject, type Options, type Query, type SearchOptions } from 'minisearch';
import { CARE_LEVELS, PRINCIPALS, SUBSTANCES, TARGET_GROUPS } from '../../core/domain/vocabulary.js';
import type { CountyConfig } from '../../core/config/schema.js';
import type { Service } from '../model/service.js';
import { termLabels } from '../model/vocab.js';
import { foldDiacritics, normalizeTerm, words } from './normalize.js';
import { synonymsFor, type SynonymTable } from './synonyms.js';
import { fasterTermScoring, type RawResults } from './term-scoring.js';

/** The searchable fields; indexed as written and folded (å/ä → a, ö → o). */
const BASE_FIELDS = ['name', 'labels', 'places', 'description'] as const;
/** A searchable field as reported to users. */
export type BaseField = (typeof BASE_FIELDS)[number];
// the description, the longest text, is indexed folded only: exact-first ranking matters for names and places
const FIELDS = BASE_FIELDS.flatMap((f) => (f === 'description' ? [`${f}Folded`] : [f, `${f}Folded`]));

// Name above vocabulary labels and places above description; a folded match weighs half an exact one.
const BOOST: Record<string, number> = {
  name: 6,
  nameFolded: 3,
  labels: 3,
  labelsFolded: 1.5,
  places: 3,
  placesFolded: 1.5,
  descriptionFolded: 1,
};

const SEARCH_OPTIONS: SearchOptions = {
  boost: BOOST,
  prefix: (term) => term.length >= 4,
  fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
  weights: { prefix: 0.5, fuzzy: 0.3 },
  processTerm: normalizeTerm,
  tokenize: (text) => words(text),
};

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
   * Score with the shortcuts (`fasterTermScoring`, each repeated term once); false to score with
   * MiniSearch's own code, which gives exactly the same answers more slowly (for comparison).
   * @default true
   */
  readonly shortcuts?: boolean;
}

/** One ranked hit; `explainHit` tells why it matched (computed only for the hits shown). */
export interface SearchHit {
  readonly id: string;
  readonly score: number;
  /** MiniSearch's match info: indexed term → fields it matched in. */
  readonly match: Readonly<Record<string, readonly string[]>>;
  /** The indexed words that matched. */
  readonly terms: readonly string[];
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
  for (const list of Object.values(hit.match)) for (const f of list) fields.add(f.replace(/Folded$/, '') as BaseField);
  return { matchedFields: [...fields], matchedTerms: hit.terms };
}

function fieldText(service: Service, field: BaseField, config: CountyConfig): string {
  switch (field) {
    case 'name':
      return service.name;
    case 'labels':
      return [
        ...termLabels(PRINCIPALS, [service.principal]),
        ...termLabels(CARE_LEVELS, service.careLevels),
        ...termLabels(TARGET_GROUPS, service.targetGroups),
        ...termLabels(SUBSTANCES, service.substances),
      ].join(' ');
    case 'places': {
      const codes = service.municipalities.length ? service.municipalities : config.municipalities.map((m) => m.code);
      const names = config.municipalities.filter((m) => codes.includes(m.code)).map((m) => m.name);
      return [...names, ...service.locations.flatMap((l) => [l.name ?? '', l.confidential ? '' : (l.city ?? '')])].join(' ');
    }
    case 'description':
      return service.description ?? '';
  }
}

/**
 * How services are indexed. Part of the stored index's identity: change `INDEX_FORMAT` whenever
 * this (fields, tokenizer, term processing) changes, so stored indexes built the old way are rebuilt.
 */
function indexOptions(config: CountyConfig): Options<Service> {
  return {
    fields: FIELDS,
    storeFields: [],
    extractField: (doc, field) => (field === 'id' ? doc.id : fieldText(doc, field.replace(/Folded$/, '') as BaseField, config)),
    tokenize: (text) => words(text),
    // `words` has already normalised every term
    processTerm: (term, field) => (field?.endsWith('Folded') ? foldDiacritics(term) : term),
  };
}

/** The internal method that scores one query term (exact, prefix and fuzzy) over the whole index. */
type ExecuteQuerySpec = (spec: { term: string }, options: SearchOptions) => RawResults;

/** A copy of `raw` that MiniSearch's combining may change (it changes scores, terms and match maps in place). */
function copyRaw(raw: RawResults): RawResults {
  const copy: RawResults = new Map();
  for (const [id, { score, terms, match }] of raw) copy.set(id, { score, terms: [...terms], match: { ...match } });
  return copy;
}

/** The version of the indexing rules above (see `indexOptions`). */
export const INDEX_FORMAT = 1;

/** A variant as a query: a phrase needs all its words. */
const phrase = (v: string): Query => (v.includes(' ') ? { combineWith: 'AND', queries: [v] } : v);

/**
 * An in-memory Swedish search index over services (MiniSearch): exact and folded spellings, prefix
 * matches from four letters, about one edit per five letters for longer words, and config synonyms
 * (applied to the query, so a stored index stays valid when they change).
 */
export class ServiceSearch {
  private readonly recent = new Map<string, readonly SearchHit[]>();
  private readonly recentLimit: number;

  private constructor(
    private readonly index: MiniSearch<Service>,
    private readonly synonyms: SynonymTable,
    options: ServiceSearchOptions,
  ) {
    this.recentLimit = options.recent ?? RECENT_SEARCHES;
    this.scoreTerm = new Map();
    if (options.shortcuts ?? true) {
      fasterTermScoring(index);
      this.memoise(index);
    }
  }

  /** Query terms that occur more than once in the search under way (see `memoise`), with how many uses are left. */
  private repeated = new Map<string, number>();
  private readonly scoreTerm: Map<string, RawResults>;

  /**
   * Score a query term once per search: synonyms repeat words ("spel" and "spel om pengar"), and
   * each occurrence would walk the same prefix and fuzzy matches again. The result of a repeated
   * term is kept and handed out as a copy (MiniSearch changes what it combines), the last time as
   * it is, so scores, order and match info stay exactly the same.
   */
  private memoise(index: MiniSearch<Service>): void {
    const kept = this.scoreTerm;
    const target = index as unknown as { executeQuerySpec: ExecuteQuerySpec };
    const original = target.executeQuerySpec.bind(index);
    target.executeQuerySpec = (spec, options) => {
      const uses = this.repeated.get(spec.term);
      if (uses === undefined) return original(spec, options);
      this.repeated.set(spec.term, uses - 1);
      const found = kept.get(spec.term);
      if (!found) {
        const raw = original(spec, options);
        if (uses > 1) kept.set(spec.term, copyRaw(raw));
        return raw;
      }
      if (uses > 1) return copyRaw(found);
      kept.delete(spec.term);
      return found;
    };
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

  /** How many services are indexed. */
  get size(): number {
    return this.index.documentCount;
  }

  /**
   * Search `q`, keeping the hits `allowed` lets through (filtering does not change scores). Falls
   * back to any-word matching when no allowed entry has every word.
   */
  search(q: string, allowed?: (id: string) => boolean): SearchResult {
    const tokens = words(q).slice(0, 12);
    if (tokens.length === 0) return { hits: [], matchedAllWords: true };
    const keep = (hits: readonly SearchHit[]) => (allowed ? hits.filter((h) => allowed(h.id)) : hits);
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
    const variants = tokens.map((token) => this.variants(token));
    const uses = new Map<string, number>();
    for (const list of variants) for (const v of list) for (const w of words(v)) uses.set(w, (uses.get(w) ?? 0) + 1);
    const repeated = new Map([...uses].filter(([, n]) => n > 1));
    const perWord: Query[] = variants.map((list) => ({ combineWith: 'OR', queries: list.map(phrase) }));
    this.repeated = repeated;
    let raw: ReturnType<MiniSearch<Service>['search']>;
    try {
      raw = this.index.search({ combineWith, queries: perWord }, SEARCH_OPTIONS);
    } finally {
      this.repeated = new Map();
      this.scoreTerm.clear();
    }
    const hits: SearchHit[] = raw.map((r) => ({
      id: String(r.id),
      score: Math.round(r.score * 1000) / 1000,
      match: r.match,
      terms: r.terms,
    }));
    if (this.recentLimit > 0) {
      this.recent.set(key, hits);
      if (this.recent.size > this.recentLimit) this.recent.delete(this.recent.keys().next().value!);
    }
    return hits;
  }

  /** A word, its folded spelling and its synonyms (words and phrases). */
  private variants(token: string): string[] {
    const folded = foldDiacritics(token);
    return [...new Set([token, folded, ...synonymsFor(this.synonyms, token), ...synonymsFor(this.synonyms, folded)])];
  }
}
