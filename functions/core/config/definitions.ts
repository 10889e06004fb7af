import { DEFAULT_INDICATORS } from '../domain/indicators.js';
import type { CountyConfig, IndicatorDefinition } from './schema.js';

/**
 * The indicator definitions in force for an area: included defaults, then the area's own. Works
 * on an already validated config and needs no schema, so a function bundle does not carry one.
 *
 * @example
 * indicatorDefinitions(config).map((d) => d.id);
 */
export function indicatorDefinitions(config: CountyConfig): IndicatorDefinition[] {
  const { include, custom, suppression } = config.indicators;
  const defaults = DEFAULT_INDICATORS.filter((d) => include === 'all' || include.includes(d.id)).map((d) => ({
    breakdown: [],
    source: d.derived ? 'derived' : 'manual',
    counting: 'each-own',
    ...d,
  })) as IndicatorDefinition[];
  return [...defaults, ...custom].map((d) => ({ ...d, suppression: { ...suppression, ...d.suppression } }));
}
