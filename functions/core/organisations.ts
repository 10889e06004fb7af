import type { CountyConfig } from './config/schema.js';

/**
 * The organisation ids an area knows: municipality codes, `region` and the region's units.
 *
 * @example
 * organisationIds(config).has('2380'); // true in Jämtland
 */
export function organisationIds(config: Pick<CountyConfig, 'municipalities' | 'region'>): Set<string> {
  return new Set(['region', ...config.municipalities.map((m) => m.code), ...config.region.units.map((u) => u.id)]);
}

/** One organisation of the area with its display name. */
export interface Organisation {
  readonly id: string;
  readonly name: string;
}

/** The area's organisations (the region, its units, the municipalities), in that order. */
export function organisations(config: Pick<CountyConfig, 'municipalities' | 'region'>): readonly Organisation[] {
  return [
    { id: 'region', name: config.region.name },
    ...config.region.units.map((u) => ({ id: u.id, name: u.name })),
    ...config.municipalities.map((m) => ({ id: m.code, name: m.name })),
  ];
}

/**
 * The display name of an organisation id of the area (`region`, a region unit id or a
 * municipality code); the id itself when the area has no such organisation.
 *
 * @example
 * organisationName(config, '2380'); // 'Östersund'
 */
export function organisationName(config: Pick<CountyConfig, 'municipalities' | 'region'>, id: string): string {
  return organisations(config).find((o) => o.id === id)?.name ?? id;
}
