import type { CountyConfig, IndicatorDefinition } from '../../core/config/schema.js';
import {
  AGE_BANDS,
  FOLLOW_UP_OUTCOMES,
  INTERVENTION_TYPES,
  MALBILDER,
  PRINCIPALS,
  SUBSTANCES,
  TRAINING_TOPICS,
} from '../../core/domain/vocabulary.js';
import type { Text } from '../../core/i18n.js';

/** A breakdown dimension an indicator may be split by. */
export type Dimension = IndicatorDefinition['breakdown'][number];

/** One category of a dimension, with its labels. */
export interface Category extends Text {
  readonly code: string;
}

/** The key of the total cell of an observation set. */
export const TOTAL = 'T';

/** Principals a value may be split by (the shared vocabulary's public-care ones). */
const PRINCIPAL_CODES = ['region', 'municipality', 'joint'];

/** Dimension labels for tables and exports. */
export const DIMENSION_LABELS: Record<Dimension | 'total', Text> = {
  total: { sv: 'Totalt', en: 'Total' },
  gender: { sv: 'Kön', en: 'Gender' },
  age: { sv: 'Ålder', en: 'Age' },
  principal: { sv: 'Huvudman', en: 'Principal' },
  topic: { sv: 'Ämne', en: 'Topic' },
  malbild: { sv: 'Målbild', en: 'Goal image' },
  substance: { sv: 'Huvudsaklig substans', en: 'Main substance' },
  intervention: { sv: 'Typ av insats', en: 'Type of intervention' },
  outcome: { sv: 'Resultat vid uppföljning', en: 'Result at follow-up' },
};

/** The categories of each dimension in an area: gender K/M as in Kolada, the shared vocabularies and the area's extra topics. */
export function dimensionCategories(config: CountyConfig): Record<Dimension, readonly Category[]> {
  const terms = (list: readonly { id: string; sv: string; en: string }[]) => list.map((t) => ({ code: t.id, sv: t.sv, en: t.en }));
  return {
    gender: [
      { code: 'K', sv: 'Kvinnor', en: 'Women' },
      { code: 'M', sv: 'Män', en: 'Men' },
    ],
    age: AGE_BANDS.map((band) => ({ code: band, sv: `${band} år`, en: `${band} years` })),
    principal: terms(PRINCIPALS.filter((p) => PRINCIPAL_CODES.includes(p.id))),
    topic: terms([...TRAINING_TOPICS, ...config.calendar.extraTopics]),
    malbild: terms(MALBILDER),
    substance: terms(SUBSTANCES),
    intervention: terms(INTERVENTION_TYPES),
    outcome: terms(FOLLOW_UP_OUTCOMES),
  };
}

/** The key of a breakdown cell (`gender:K`), or `T` for the total. */
export function cellKey(dimension: Dimension | 'total', code: string): string {
  return dimension === 'total' ? TOTAL : `${dimension}:${code}`;
}

/** Split a cell key into dimension and category code. */
export function splitCellKey(key: string): { dimension: Dimension | 'total'; code: string } {
  if (key === TOTAL) return { dimension: 'total', code: TOTAL };
  const at = key.indexOf(':');
  return { dimension: key.slice(0, at) as Dimension, code: key.slice(at + 1) };
}

/** Every cell key an indicator has, total first, in display order. */
export function cellKeysOf(def: IndicatorDefinition, categories: Record<Dimension, readonly Category[]>): string[] {
  return [TOTAL, ...def.breakdown.flatMap((d) => categories[d].map((c) => cellKey(d, c.code)))];
}
