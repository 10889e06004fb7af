import { CARE_LEVELS, PRINCIPALS, SEVERITY_LEVELS, SUBSTANCES, TARGET_GROUPS, type Term } from '../../core/domain/vocabulary.js';
import type { Lang } from '../../core/i18n.js';

/** How a person can get in: the Swedish profile's access routes. */
export const ACCESS_ROUTES: readonly Term[] = [
  { id: 'referral', sv: 'Remiss', en: 'Referral' },
  { id: 'own-request', sv: 'Egen ansökan eller kontakt', en: 'Own request' },
  { id: 'drop-in', sv: 'Drop-in', en: 'Drop-in' },
  { id: 'anonymous', sv: 'Anonymt', en: 'Anonymous' },
];

/** The directory's vocabularies by the field names services use. */
export const DIRECTORY_VOCABULARIES = {
  principal: PRINCIPALS,
  careLevels: CARE_LEVELS,
  targetGroups: TARGET_GROUPS,
  substances: SUBSTANCES,
  severityLevels: SEVERITY_LEVELS,
} as const;

/** The ids of a vocabulary as a non-empty tuple (for zod enums). */
export function termIds(terms: readonly Term[]): [string, ...string[]] {
  return terms.map((term) => term.id) as [string, ...string[]];
}

/** The label of a term in `lang`, or the id itself when unknown. */
export function termLabel(terms: readonly Term[], id: string, lang: Lang): string {
  return terms.find((term) => term.id === id)?.[lang] ?? id;
}

/** Both labels of a term (for the search index). */
export function termLabels(terms: readonly Term[], ids: readonly string[]): string[] {
  return ids.flatMap((id) => {
    const term = terms.find((x) => x.id === id);
    return term ? [term.sv, term.en] : [];
  });
}
