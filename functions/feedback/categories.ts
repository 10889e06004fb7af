import type { CountyConfig } from '../core/config/schema.js';
import { MALBILDER, type Term } from '../core/domain/vocabulary.js';

/**
 * What feedback can be tagged with: the ten målbilder, then the area's extra categories from
 * `feedback.extraCategories`.
 */
export function feedbackCategories(config: CountyConfig): readonly Term[] {
  return [...MALBILDER, ...config.feedback.extraCategories.filter((e) => !MALBILDER.some((m) => m.id === e.id))];
}

/** Who is writing: the optional first question of the form. */
export const WRITERS: readonly Term[] = [
  { id: 'user', sv: 'Jag har själv fått stöd eller vård', en: 'I have received support or care myself' },
  { id: 'relative', sv: 'Jag är anhörig eller närstående', en: 'I am a relative or someone close' },
  { id: 'professional', sv: 'Jag arbetar inom stöd eller vård', en: 'I work in support or care' },
  { id: 'other', sv: 'Annat', en: 'Other' },
];

/** The 1–5 rating's labels. */
export const RATINGS: readonly Term[] = [
  { id: '1', sv: '1 – mycket dåligt', en: '1 – very poor' },
  { id: '2', sv: '2 – dåligt', en: '2 – poor' },
  { id: '3', sv: '3 – varken bra eller dåligt', en: '3 – neither good nor poor' },
  { id: '4', sv: '4 – bra', en: '4 – good' },
  { id: '5', sv: '5 – mycket bra', en: '5 – very good' },
];
