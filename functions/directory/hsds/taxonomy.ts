import type { CountyConfig } from '../../core/config/schema.js';
import { CARE_LEVELS, PRINCIPALS, SEVERITY_LEVELS, SUBSTANCES, TARGET_GROUPS, type Term } from '../../core/domain/vocabulary.js';
import type { Service } from '../model/service.js';
import { hsdsId } from './uuid.js';

/** One of the kit's vocabularies as an HSDS taxonomy, with the service field that uses it. */
export interface HsdsTaxonomyDef {
  /** The readable key (`se-county-kit/<key>` is the taxonomy's name). */
  readonly key: string;
  readonly sv: string;
  readonly en: string;
  readonly terms: readonly Term[];
  /** The term codes a service carries in this vocabulary. */
  readonly of: (service: Service) => readonly string[];
}

/** The vocabularies of `functions/core/domain/vocabulary.ts` that services use, as HSDS taxonomies. */
export const HSDS_TAXONOMIES: readonly HsdsTaxonomyDef[] = [
  { key: 'principal', sv: 'Huvudman', en: 'Principal', terms: PRINCIPALS, of: (s) => [s.principal] },
  { key: 'care-level', sv: 'Vårdnivå', en: 'Care level', terms: CARE_LEVELS, of: (s) => s.careLevels },
  { key: 'target-group', sv: 'Målgrupp', en: 'Target group', terms: TARGET_GROUPS, of: (s) => s.targetGroups },
  { key: 'substance', sv: 'Substans eller spel', en: 'Substance or gambling', terms: SUBSTANCES, of: (s) => s.substances },
  { key: 'severity-level', sv: 'Svårighetsgrad', en: 'Severity', terms: SEVERITY_LEVELS, of: (s) => s.severityLevels },
];

/** The HSDS id of a taxonomy. */
export const taxonomyId = (config: CountyConfig, key: string) => hsdsId(config.id, 'taxonomy', key);
/** The HSDS id of a term of a taxonomy. */
export const termId = (config: CountyConfig, key: string, code: string) => hsdsId(config.id, 'taxonomy-term', `${key}:${code}`);

/** An HSDS `taxonomy`. */
export function hsdsTaxonomy(config: CountyConfig, def: HsdsTaxonomyDef): Record<string, unknown> {
  return { id: taxonomyId(config, def.key), name: `se-county-kit/${def.key}`, description: `${def.sv} (${def.en})`, version: '1' };
}

/** An HSDS `taxonomy_term` of a taxonomy (Swedish name, English description). */
export function hsdsTerm(config: CountyConfig, def: HsdsTaxonomyDef, code: string): Record<string, unknown> {
  const term = def.terms.find((t) => t.id === code);
  return {
    id: termId(config, def.key, code),
    code,
    name: term?.sv ?? code,
    description: term?.en ?? code,
    taxonomy: `se-county-kit/${def.key}`,
    taxonomy_id: taxonomyId(config, def.key),
    language: 'sv',
  };
}

/** Every term of every taxonomy, in vocabulary order. */
export function allTerms(config: CountyConfig): { def: HsdsTaxonomyDef; term: Record<string, unknown> }[] {
  return HSDS_TAXONOMIES.flatMap((def) => def.terms.map((t) => ({ def, term: hsdsTerm(config, def, t.id) })));
}

/** Whether a service carries the term `wantedTermId` (or any term of taxonomy `wantedTaxonomyId`). */
export function serviceHasTerm(config: CountyConfig, service: Service, wanted: { termId?: string; taxonomyId?: string }): boolean {
  return HSDS_TAXONOMIES.some((def) => {
    if (wanted.taxonomyId && taxonomyId(config, def.key) !== wanted.taxonomyId) return false;
    const codes = def.of(service);
    return wanted.termId ? codes.some((code) => termId(config, def.key, code) === wanted.termId) : codes.length > 0;
  });
}
