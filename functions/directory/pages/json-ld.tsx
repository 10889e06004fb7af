import { raw } from 'hono/html';
import type { CountyConfig } from '../../core/config/schema.js';
import type { Service } from '../model/service.js';

/** schema.org data of a service page (a data block, not executed, so the CSP allows it). */
export function serviceJsonLd(service: Service, config: CountyConfig, url: string): Record<string, unknown> {
  const places = service.municipalities.length
    ? config.municipalities.filter((m) => service.municipalities.includes(m.code)).map((m) => ({ '@type': 'City', name: m.name }))
    : [{ '@type': 'AdministrativeArea', name: config.name }];
  return {
    '@context': 'https://schema.org',
    '@type': 'MedicalClinic',
    '@id': url,
    name: service.name,
    url,
    ...(service.description ? { description: service.description } : {}),
    areaServed: places,
    ...(service.phones[0] ? { telephone: service.phones[0].number } : {}),
    ...(service.email ? { email: service.email } : {}),
    ...(service.url ? { sameAs: service.url } : {}),
    isAccessibleForFree: true,
    availableLanguage: service.languages,
    openingHoursSpecification: service.schedules
      .filter((s) => s.kind !== 'phone')
      .map((s) => ({
        '@type': 'OpeningHoursSpecification',
        dayOfWeek: s.byday.map(
          (d) =>
            `https://schema.org/${{ MO: 'Monday', TU: 'Tuesday', WE: 'Wednesday', TH: 'Thursday', FR: 'Friday', SA: 'Saturday', SU: 'Sunday' }[d]}`,
        ),
        opens: s.opensAt,
        closes: s.closesAt,
      })),
    ...(service.verified ? { lastReviewed: service.verified.at.slice(0, 10) } : {}),
  };
}

/** The `<script type="application/ld+json">` element; `<` is escaped so the data cannot close the element. */
export function JsonLd(props: { data: unknown }) {
  const json = JSON.stringify(props.data).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
  return raw(`<script type="application/ld+json">${json}</script>`);
}
