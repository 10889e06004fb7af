import type { CountyConfig } from '../../core/config/schema.js';
import type { Collection, ServiceIndexEntry } from '../model/collection.js';

/** The municipalities a service serves: its own list, or the whole area when it names none. */
export function servedMunicipalities(municipalities: readonly string[], config: CountyConfig): string[] {
  return municipalities.length > 0 ? [...municipalities] : config.municipalities.map((m) => m.code);
}

/** `directory/public/service-index.json`: every service that is not retired, for the feedback form. */
export function buildServiceIndex(collection: Collection, config: CountyConfig): ServiceIndexEntry[] {
  return collection.services
    .filter((s) => s.status !== 'retired')
    .map((s) => ({ id: s.id, name: s.name, municipalities: servedMunicipalities(s.municipalities, config) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}
