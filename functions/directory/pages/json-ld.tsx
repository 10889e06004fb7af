import { raw } from 'hono/html';
import type { CountyConfig } from '../../core/config/schema.js';
import type { Schedule, Service, ServiceLocation } from '../model/service.js';
import { organizations } from '../model/organization.js';

/** Care levels whose services are health care (a clinic); the rest are social services, school or civil society. */
const HEALTH_CARE = new Set(['primary-care', 'specialist-addiction', 'specialist-psychiatry']);
/** Principals that are public bodies. */
const PUBLIC = new Set(['region', 'municipality', 'joint', 'state']);

/**
 * The schema.org type of a service by what it is: health care is a `MedicalClinic`; other services
 * of a public principal (social services, a municipal support group) a `GovernmentService`; the
 * rest (civil society, private) a `Service`.
 */
export function schemaOrgType(service: Pick<Service, 'careLevels' | 'principal'>): 'MedicalClinic' | 'GovernmentService' | 'Service' {
  if (service.careLevels.some((level) => HEALTH_CARE.has(level))) return 'MedicalClinic';
  return PUBLIC.has(service.principal) ? 'GovernmentService' : 'Service';
}

const DAYS = { MO: 'Monday', TU: 'Tuesday', WE: 'Wednesday', TH: 'Thursday', FR: 'Friday', SA: 'Saturday', SU: 'Sunday' } as const;

function hours(schedules: readonly Schedule[]) {
  return schedules.map((s) => ({
    '@type': 'OpeningHoursSpecification',
    dayOfWeek: s.byday.map((d) => `https://schema.org/${DAYS[d]}`),
    opens: s.opensAt,
    closes: s.closesAt,
    ...(s.validFrom ? { validFrom: s.validFrom } : {}),
    ...(s.validTo ? { validThrough: s.validTo } : {}),
  }));
}

/** The public address and coordinates of a place; nothing for a confidential one. */
function placeParts(location: ServiceLocation, config: CountyConfig): Record<string, unknown> {
  if (location.confidential) return {};
  const address =
    location.street || location.postalCode || location.city
      ? {
          '@type': 'PostalAddress',
          ...(location.street ? { streetAddress: location.street } : {}),
          ...(location.postalCode ? { postalCode: location.postalCode } : {}),
          ...(location.city ? { addressLocality: location.city } : {}),
          addressRegion: config.name,
          addressCountry: 'SE',
        }
      : undefined;
  return {
    ...(address ? { address } : {}),
    ...(location.latitude !== undefined && location.longitude !== undefined
      ? { geo: { '@type': 'GeoCoordinates', latitude: location.latitude, longitude: location.longitude } }
      : {}),
  };
}

/** schema.org data of a service page (a data block, not executed, so the CSP allows it). Only properties its type has. */
export function serviceJsonLd(service: Service, config: CountyConfig, url: string): Record<string, unknown> {
  const type = schemaOrgType(service);
  const org = organizations(config).find((o) => o.id === service.organizationId);
  const provider = org && {
    '@type': PUBLIC.has(service.principal) ? 'GovernmentOrganization' : service.principal === 'civil-society' ? 'NGO' : 'Organization',
    name: org.name,
  };
  const located = service.locations.map((l) => ({ name: l.name, parts: placeParts(l, config) })).filter((l) => Object.keys(l.parts).length);
  const places = located.map((l) => ({ '@type': 'Place', ...(l.name ? { name: l.name } : {}), ...l.parts }));
  const visiting = hours(service.schedules.filter((s) => s.kind !== 'phone'));
  const phoneHours = hours(service.schedules.filter((s) => s.kind === 'phone'));
  const phone = service.phones[0]
    ? {
        '@type': 'ContactPoint',
        telephone: service.phones[0].number,
        ...(service.email ? { email: service.email } : {}),
        availableLanguage: service.languages,
        ...(phoneHours.length ? { hoursAvailable: phoneHours } : {}),
      }
    : undefined;
  const common = {
    '@context': 'https://schema.org',
    '@type': type,
    '@id': url,
    name: service.name,
    url,
    ...(service.description ? { description: service.description } : {}),
    areaServed: service.municipalities.length
      ? config.municipalities.filter((m) => service.municipalities.includes(m.code)).map((m) => ({ '@type': 'City', name: m.name }))
      : [{ '@type': 'AdministrativeArea', name: config.name }],
    ...(service.url ? { sameAs: service.url } : {}),
  };
  if (type === 'MedicalClinic') {
    return {
      ...common,
      ...(service.phones[0] ? { telephone: service.phones[0].number } : {}),
      ...(service.email ? { email: service.email } : {}),
      ...located[0]?.parts,
      ...(places.length > 1 ? { location: places } : {}),
      ...(visiting.length ? { openingHoursSpecification: visiting } : {}),
      knowsLanguage: service.languages,
      ...(phone ? { contactPoint: phone } : {}),
      ...(provider ? { parentOrganization: provider } : {}),
    };
  }
  return {
    ...common,
    ...(provider ? { provider } : {}),
    ...(visiting.length ? { hoursAvailable: visiting } : {}),
    availableChannel: {
      '@type': 'ServiceChannel',
      availableLanguage: service.languages,
      ...(phone ? { servicePhone: phone } : {}),
      ...(service.url ? { serviceUrl: service.url } : {}),
      ...(places.length ? { serviceLocation: places } : {}),
    },
  };
}

/** The `<script type="application/ld+json">` element; `<` is escaped so the data cannot close the element. */
export function JsonLd(props: { data: unknown }) {
  const json = JSON.stringify(props.data).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
  return raw(`<script type="application/ld+json">${json}</script>`);
}
