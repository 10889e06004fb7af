import type { IndicatorDefinition } from '../../core/config/schema.js';
import type { FieldError } from '../../core/http/problem.js';
import { hasBegun, isPeriod, PERIOD_EXAMPLES } from './period.js';

/** What a value of each unit may be, with the words for an error message. */
export const UNIT_RULES: Record<IndicatorDefinition['unit'], { check: (v: number) => boolean; en: string; sv: string }> = {
  count: {
    check: (v) => Number.isInteger(v) && v >= 0 && v <= 10_000_000,
    en: 'a count: a whole number, 0 or more',
    sv: 'ett antal: ett heltal, 0 eller mer',
  },
  percent: { check: (v) => v >= 0 && v <= 100, en: 'a percentage from 0 to 100', sv: 'en procentsats från 0 till 100' },
  days: { check: (v) => v >= 0 && v <= 3650, en: 'a number of days, 0 or more', sv: 'ett antal dagar, 0 eller mer' },
  ratio: { check: (v) => v >= 0 && v <= 1_000_000, en: 'a ratio, 0 or more', sv: 'en kvot, 0 eller mer' },
};

/** Check a period for an indicator: well-formed for its frequency and not in the future. */
export function periodErrors(def: IndicatorDefinition, period: string, now: Date, field = 'period'): FieldError[] {
  if (!isPeriod(period, def.frequency))
    return [
      {
        field,
        message: `Expected a ${def.frequency} such as ${PERIOD_EXAMPLES[def.frequency]}`,
        sv: `Ange perioden som ${PERIOD_EXAMPLES[def.frequency]} (${def.frequency === 'year' ? 'år' : def.frequency === 'quarter' ? 'kvartal' : 'månad'})`,
      },
    ];
  if (!hasBegun(period, def.frequency, now))
    return [{ field, message: 'The period lies in the future', sv: 'Perioden har inte börjat än' }];
  return [];
}
