import type { CountyConfig } from '../../core/config/schema.js';

/** An organisation of the area as the directory shows it. */
export interface Organization {
  readonly id: string;
  readonly name: string;
  readonly kind: 'region' | 'region-unit' | 'municipality';
  /** SCB municipality code, for municipalities. */
  readonly municipalityCode?: string;
}

/** The area's organisations: the region, its units and the municipalities (from config). */
export function organizations(config: CountyConfig): Organization[] {
  return [
    { id: 'region', name: config.region.name, kind: 'region' },
    ...config.region.units.map((u) => ({ id: u.id, name: u.name, kind: 'region-unit' as const })),
    ...config.municipalities.map((m) => ({ id: m.code, name: m.name, kind: 'municipality' as const, municipalityCode: m.code })),
  ];
}
