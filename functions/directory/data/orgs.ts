import type { CountyConfig } from '../../core/config/schema.js';
import { organisationIds } from '../../core/config/rules.js';

/** The organisations of the area an entry may name: municipality codes, `region` and region unit ids. */
export function knownOrgs(config: CountyConfig): Set<string> {
  return organisationIds(config);
}

/** The display name of an organisation id of the area. */
export function orgName(config: CountyConfig, id: string): string {
  if (id === 'region') return config.region.name;
  return config.municipalities.find((m) => m.code === id)?.name ?? config.region.units.find((u) => u.id === id)?.name ?? id;
}
