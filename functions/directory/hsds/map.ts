import type { CountyConfig } from '../../core/config/schema.js';
import type { Service } from '../model/service.js';
import type { Organization } from '../model/organization.js';
import { HSDS_TAXONOMIES, hsdsTerm } from './taxonomy.js';
import { hsdsId } from './uuid.js';

const STATUS: Record<Service['status'], string> = { active: 'active', planned: 'inactive', retired: 'defunct' };

/** The list form of an organization (HSDS `organization_list`: its one-to-one fields only). */
export function hsdsOrganizationSummary(config: CountyConfig, org: Organization): Record<string, unknown> {
  return {
    id: hsdsId(config.id, 'organization', org.id),
    name: org.name,
    description:
      org.kind === 'municipality'
        ? `Kommun (SCB-kod ${org.id})`
        : org.kind === 'region'
          ? 'Region (hälso- och sjukvård)'
          : 'Enhet inom regionen',
  };
}

/** A full HSDS organization from one of the area's organisations (without its services). */
export function hsdsOrganization(config: CountyConfig, org: Organization): Record<string, unknown> {
  return {
    ...hsdsOrganizationSummary(config, org),
    ...(org.municipalityCode
      ? {
          organization_identifiers: [
            { id: hsdsId(config.id, 'org-identifier', org.id), identifier_type: 'SCB kommunkod', identifier: org.id },
          ],
        }
      : {}),
  };
}

function attributes(config: CountyConfig, service: Service) {
  const link = hsdsId(config.id, 'service', service.id);
  return HSDS_TAXONOMIES.flatMap((def) =>
    def.of(service).map((code) => {
      const term = hsdsTerm(config, def, code);
      return {
        id: hsdsId(config.id, 'attribute', `${service.id}:${def.key}:${code}`),
        link_entity: 'service',
        link_id: link,
        taxonomy_term_id: term.id,
        taxonomy_term: term,
      };
    }),
  );
}

/** The public places of a service as HSDS `service_at_location` records (confidential ones left out). */
export function hsdsServiceAtLocations(config: CountyConfig, service: Service): Record<string, unknown>[] {
  const sid = hsdsId(config.id, 'service', service.id);
  return service.locations
    .filter((l) => !l.confidential)
    .map((l, i) => {
      const locationId = hsdsId(config.id, 'location', `${service.id}:${i}`);
      return {
        id: hsdsId(config.id, 'service-at-location', `${service.id}:${i}`),
        service_id: sid,
        location_id: locationId,
        location: {
          id: locationId,
          location_type: 'physical',
          ...(l.name ? { name: l.name } : {}),
          ...(l.latitude !== undefined && l.longitude !== undefined ? { latitude: l.latitude, longitude: l.longitude } : {}),
          ...(l.street && l.city && l.postalCode
            ? {
                addresses: [
                  {
                    id: hsdsId(config.id, 'address', `${service.id}:${i}`),
                    location_id: locationId,
                    address_1: l.street,
                    city: l.city,
                    state_province: config.name,
                    postal_code: l.postalCode,
                    country: 'SE',
                    address_type: 'physical',
                  },
                ],
              }
            : {}),
          ...(l.accessibility
            ? {
                accessibility: [
                  { id: hsdsId(config.id, 'accessibility', `${service.id}:${i}`), location_id: locationId, description: l.accessibility },
                ],
              }
            : {}),
        },
      };
    });
}

/** A full HSDS service from a directory service (confidential addresses left out). */
export function hsdsService(config: CountyConfig, service: Service, orgs: readonly Organization[]): Record<string, unknown> {
  const sid = hsdsId(config.id, 'service', service.id);
  const org = orgs.find((o) => o.id === service.organizationId);
  const codes = service.municipalities.length ? service.municipalities : config.municipalities.map((m) => m.code);
  const eligibility = [
    service.referralRequired === false ? 'Ingen remiss behövs.' : service.referralRequired ? 'Remiss krävs.' : '',
    service.needsAssessmentRequired === false
      ? 'Ingen biståndsprövning.'
      : service.needsAssessmentRequired
        ? 'Biståndsprövning krävs.'
        : '',
    service.ageNote ?? '',
  ].filter(Boolean);
  return {
    id: sid,
    organization_id: hsdsId(config.id, 'organization', service.organizationId),
    name: service.name,
    ...(service.description ? { description: service.description } : {}),
    ...(service.url ? { url: service.url } : {}),
    ...(service.email ? { email: service.email } : {}),
    status: STATUS[service.status],
    ...(eligibility.length ? { eligibility_description: eligibility.join(' ') } : {}),
    ...(service.minimumAge !== undefined ? { minimum_age: service.minimumAge } : {}),
    ...(service.maximumAge !== undefined ? { maximum_age: service.maximumAge } : {}),
    ...(service.verified ? { assured_date: service.verified.at.slice(0, 10) } : {}),
    last_modified: new Date(service.updated.at).toISOString(),
    phones: service.phones.map((p, i) => ({
      id: hsdsId(config.id, 'phone', `${service.id}:${i}`),
      number: p.number,
      ...(p.description ? { description: p.description } : {}),
    })),
    schedules: service.schedules.map((s, i) => ({
      id: hsdsId(config.id, 'schedule', `${service.id}:${i}`),
      service_id: sid,
      freq: 'WEEKLY',
      wkst: 'MO',
      byday: s.byday.join(','),
      opens_at: s.opensAt,
      closes_at: s.closesAt,
      ...(s.validFrom ? { valid_from: s.validFrom } : {}),
      ...(s.validTo ? { valid_to: s.validTo } : {}),
      description: { visiting: 'Besökstid', phone: 'Telefontid', 'drop-in': 'Drop-in' }[s.kind],
    })),
    service_areas: codes.map((code) => ({
      id: hsdsId(config.id, 'service-area', `${service.id}:${code}`),
      name: config.municipalities.find((m) => m.code === code)?.name ?? code,
      description: `SCB kommunkod ${code}`,
      // HSDS allows geojson, topojson, kml or text; the kit has no boundaries, so the extent is the municipality named in text
      extent_type: 'text',
      extent: `${config.municipalities.find((m) => m.code === code)?.name ?? code} (SCB kommunkod ${code})`,
    })),
    service_at_locations: hsdsServiceAtLocations(config, service),
    languages: service.languages.map((code) => ({ id: hsdsId(config.id, 'language', `${service.id}:${code}`), code })),
    ...(org ? { organization: hsdsOrganization(config, org) } : {}),
    attributes: attributes(config, service),
  };
}

/** The summary form used in `/services` lists (HSDS `service_list`). */
export function hsdsServiceSummary(config: CountyConfig, service: Service): Record<string, unknown> {
  return {
    id: hsdsId(config.id, 'service', service.id),
    organization_id: hsdsId(config.id, 'organization', service.organizationId),
    name: service.name,
    ...(service.description ? { description: service.description } : {}),
    status: STATUS[service.status],
    ...(service.minimumAge !== undefined ? { minimum_age: service.minimumAge } : {}),
    ...(service.maximumAge !== undefined ? { maximum_age: service.maximumAge } : {}),
    ...(service.verified ? { assured_date: service.verified.at.slice(0, 10) } : {}),
    last_modified: new Date(service.updated.at).toISOString(),
  };
}
