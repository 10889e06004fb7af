import type { CountyConfig } from '../../core/config/schema.js';
import { organisationIds } from '../../core/organisations.js';

/** The organisations of the area an entry may name: municipality codes, `region` and region unit ids. */
export function knownOrgs(config: CountyConfig): Set<string> {
  return organisationIds(config);
}

/** The display name of an organisation id of the area (see `organisationName`). */
export { organisationName as orgName } from '../../core/organisations.js';
