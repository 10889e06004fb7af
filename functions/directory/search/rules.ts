import type { Options, SearchOptions } from 'minisearch';
import type { CountyConfig } from '../../core/config/schema.js';
import { CARE_LEVELS, PRINCIPALS, SUBSTANCES, TARGET_GROUPS } from '../../core/domain/vocabulary.js';
import type { Service } from '../model/service.js';
import { termLabels } from '../model/vocab.js';
import { foldDiacritics, normalizeTerm, words } from './normalize.js';
import type { ScoringRules } from './postings.js';
import type { ScoredQuery, TermRules } from './scorer.js';
import { synonymsFor, type SynonymTable } from './synonyms.js';

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

/** How query terms match and score (MiniSearch's search options, for the own scorer too). */
export const SCORING_RULES: ScoringRules = {
  fields: FIELDS,
  boost: BOOST,
  prefix: (term) => term.length >= 4,
  fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
  weights: { prefix: 0.5, fuzzy: 0.3 },
};
/** How a query's text becomes terms. */
export const TERM_RULES: TermRules = { processTerm: normalizeTerm, tokenize: (text) => words(text) };
/** The same rules as MiniSearch's search options. */
export const SEARCH_OPTIONS: SearchOptions = {
  boost: SCORING_RULES.boost,
  prefix: SCORING_RULES.prefix,
  fuzzy: SCORING_RULES.fuzzy,
  weights: SCORING_RULES.weights,
  ...TERM_RULES,
};

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
export function indexOptions(config: CountyConfig): Options<Service> {
  return {
    fields: FIELDS,
    storeFields: [],
    extractField: (doc, field) => (field === 'id' ? doc.id : fieldText(doc, field.replace(/Folded$/, '') as BaseField, config)),
    tokenize: (text) => words(text),
    // `words` has already normalised every term
    processTerm: (term, field) => (field?.endsWith('Folded') ? foldDiacritics(term) : term),
  };
}

/** The version of the indexing rules above (see `indexOptions`). */
export const INDEX_FORMAT = 1;

/** A variant as a query: a phrase needs all its words. */
const phrase = (v: string): ScoredQuery => (v.includes(' ') ? { combineWith: 'AND', queries: [v] } : v);

/** A word, its folded spelling and its synonyms (words and phrases). */
function variants(token: string, synonyms: SynonymTable): string[] {
  const folded = foldDiacritics(token);
  return [...new Set([token, folded, ...synonymsFor(synonyms, token), ...synonymsFor(synonyms, folded)])];
}

/**
 * The query for the words `tokens`: each word matches as written, folded or as one of its
 * synonyms (a phrase needs all its words), and the words are combined with `combineWith`.
 *
 * @example
 * serviceQuery(['spel'], 'AND', synonymTable({ spel: ['spelberoende', 'spel om pengar'] }));
 * // { combineWith: 'AND', queries: [{ combineWith: 'OR', queries: ['spel', 'spelberoende', { combineWith: 'AND', queries: ['spel om pengar'] }] }] }
 */
export function serviceQuery(tokens: readonly string[], combineWith: 'AND' | 'OR', synonyms: SynonymTable): ScoredQuery {
  return { combineWith, queries: tokens.map((token) => ({ combineWith: 'OR', queries: variants(token, synonyms).map(phrase) })) };
}
