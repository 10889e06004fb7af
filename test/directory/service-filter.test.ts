import { describe, expect, it } from 'vitest';
import { seedCollection } from '../../functions/directory/data/seed.js';
import type { Service } from '../../functions/directory/model/service.js';
import { openNow } from '../../functions/directory/search/open-now.js';
import { serviceFilter, serviceQuerySchema, type ServiceQuery } from '../../functions/directory/search/query.js';
import { areaConfig } from '../support/deps.js';
import { generateServices } from '../support/directory-services.js';

/** Every filter spelled out one by one: what the filters mean, to compare the composed test with. */
function expected(service: Service, query: ServiceQuery, now: Date): boolean {
  const anyOf = (wanted: readonly string[] | undefined, have: readonly string[]) => !wanted?.length || wanted.some((w) => have.includes(w));
  if (service.status === 'retired' && !query.includeRetired) return false;
  if (query.municipality?.length && service.municipalities.length > 0 && !anyOf(query.municipality, service.municipalities)) return false;
  if (!anyOf(query.targetGroup, service.targetGroups)) return false;
  if (!anyOf(query.substance, service.substances)) return false;
  if (!anyOf(query.principal, [service.principal])) return false;
  if (!anyOf(query.careLevel, service.careLevels)) return false;
  if (!anyOf(query.language, service.languages)) return false;
  if (query.noReferral && service.referralRequired !== false) return false;
  if (query.openNow && !openNow(service.schedules, now)) return false;
  if (query.age !== undefined && service.minimumAge !== undefined && query.age < service.minimumAge) return false;
  if (query.age !== undefined && service.maximumAge !== undefined && query.age > service.maximumAge) return false;
  return true;
}

describe('the filters of a service query', () => {
  const config = areaConfig('jamtland');
  const seeded = seedCollection(config, '2026-01-01T00:00:00+01:00').services;
  const services: Service[] = [
    ...seeded,
    ...generateServices(config, 400),
    { ...seeded[0]!, id: 'retired', status: 'retired' },
    { ...seeded[0]!, id: 'planned', status: 'planned', municipalities: [] },
    { ...seeded[0]!, id: 'teens', minimumAge: 13, maximumAge: 17, languages: ['sv', 'en'], careLevels: ['social-services-ifo'] },
  ];
  const schema = serviceQuerySchema(config);
  const queries = [
    {},
    { includeRetired: 'true' },
    { municipality: '2380' },
    { municipality: '2380,2309', targetGroup: 'youth' },
    { substance: 'gambling,alcohol', principal: 'region' },
    { careLevel: 'social-services-ifo' },
    { language: 'en' },
    { noReferral: 'true', openNow: 'true' },
    { age: '15' },
    // the bounds themselves are inside
    { age: '13' },
    { age: '17' },
    { age: '18', municipality: '2380', noReferral: '1', includeRetired: '1' },
  ];
  const instants = [new Date('2026-11-23T10:00:00+01:00'), new Date('2026-12-24T10:00:00+01:00'), new Date('2026-11-23T22:00:00+01:00')];

  it.each(queries)('lets through exactly the services every filter lets through (%o)', (raw) => {
    const query = schema.parse(raw);
    for (const now of instants) {
      const allowed = serviceFilter(query, now);
      const passing = services.filter((s) => expected(s, query, now)).map((s) => s.id);
      expect(services.filter(allowed).map((s) => s.id)).toEqual(passing);
      // the comparison means something: each query but the empty one leaves some services out, and some in
      if (Object.keys(raw).length > 0 && !('includeRetired' in raw && Object.keys(raw).length === 1)) {
        expect(passing.length).toBeLessThan(services.length);
      }
    }
  });
});
