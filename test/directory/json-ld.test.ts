import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CARE_LEVELS, PRINCIPALS } from '../../functions/core/domain/vocabulary.js';
import type { Service } from '../../functions/directory/model/service.js';
import { schemaOrgType, serviceJsonLd } from '../../functions/directory/pages/json-ld.js';
import { areaConfig } from '../support/deps.js';
import { directoryApp, json, jsonInit, kindaService, type J } from './helpers.js';

// The properties each schema.org type has (inherited ones included), from schema.org's own vocabulary files.
const SCHEMA_ORG = JSON.parse(readFileSync(join(import.meta.dirname, 'schema-org-properties.json'), 'utf8')) as {
  types: Record<string, string[]>;
};

/** Every property of every typed node that its type lacks (and every type schema.org's list does not know). */
function strayProperties(node: unknown, path = '$'): string[] {
  if (Array.isArray(node)) return node.flatMap((n, i) => strayProperties(n, `${path}[${i}]`));
  if (!node || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  const type = record['@type'];
  const allowed = typeof type === 'string' ? SCHEMA_ORG.types[type] : undefined;
  const own =
    typeof type !== 'string'
      ? []
      : !allowed
        ? [`${path}: unknown type ${type}`]
        : Object.keys(record)
            .filter((k) => !k.startsWith('@') && !allowed.includes(k))
            .map((k) => `${path}: ${type} has no ${k}`);
  return [...own, ...Object.entries(record).flatMap(([k, v]) => strayProperties(v, `${path}.${k}`))];
}

const config = areaConfig('ostergotland');
const pageLd = (html: string): J => JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1] ?? '{}');

const location = fc.record(
  {
    name: fc.constantFrom('Mottagningen', 'Kommunhuset'),
    street: fc.constantFrom('Storgatan 1', 'Hemlig väg 2'),
    postalCode: fc.constant('590 40'),
    city: fc.constant('Kisa'),
    latitude: fc.double({ min: 55, max: 69, noNaN: true }),
    longitude: fc.double({ min: 11, max: 24, noNaN: true }),
    confidential: fc.boolean(),
  },
  { requiredKeys: ['confidential'] },
);
const service = fc
  .record({
    principal: fc.constantFrom(...PRINCIPALS.map((t) => t.id)),
    careLevels: fc.subarray(CARE_LEVELS.map((t) => t.id)),
    locations: fc.array(location, { maxLength: 3 }),
    kinds: fc.subarray(['visiting', 'phone', 'drop-in'] as const),
    phone: fc.boolean(),
    url: fc.boolean(),
  })
  .map(
    (g) =>
      ({
        ...kindaService(),
        id: 'x',
        principal: g.principal,
        careLevels: g.careLevels,
        // a confidential place is marked by its street, so that a leak is easy to find
        locations: g.locations.map((l) => ({ ...l, street: l.confidential ? 'Hemlig väg 2' : 'Storgatan 1' })),
        schedules: g.kinds.map((kind) => ({ kind, byday: ['MO'], opensAt: '08:00', closesAt: '12:00' })),
        phones: g.phone ? [{ number: '0494-190 00' }] : [],
        ...(g.url ? { url: 'https://kinda.example/' } : {}),
        languages: ['sv', 'en'],
        created: { at: '2026-11-23T10:00:00+01:00', by: 'a' },
        updated: { at: '2026-11-23T10:00:00+01:00', by: 'a' },
      }) as unknown as Service,
  );

describe('schema.org JSON-LD of service pages', () => {
  it('types a service by what it is', () => {
    expect(schemaOrgType({ principal: 'municipality', careLevels: ['social-services-ifo'] })).toBe('GovernmentService');
    expect(schemaOrgType({ principal: 'region', careLevels: ['specialist-addiction'] })).toBe('MedicalClinic');
    expect(schemaOrgType({ principal: 'civil-society', careLevels: ['civil-society'] })).toBe('Service');
    expect(schemaOrgType({ principal: 'private', careLevels: [] })).toBe('Service');
  });

  it('uses only properties each type has, shows public addresses and coordinates, and never a confidential one', () => {
    fc.assert(
      fc.property(service, (s) => {
        const ld = serviceJsonLd(s, config, 'https://example.org/hitta-stod/tjanst/x');
        expect(strayProperties(ld)).toEqual([]);
        const text = JSON.stringify(ld);
        expect(text).not.toContain('Hemlig');
        const open = s.locations.filter((l) => !l.confidential);
        expect(text.includes('"streetAddress":"Storgatan 1"')).toBe(open.length > 0);
        expect(text.includes('"@type":"GeoCoordinates"')).toBe(open.some((l) => l.latitude !== undefined && l.longitude !== undefined));
      }),
      { numRuns: 300 },
    );
  });

  it('marks a municipal support group as a government service with its languages on the channel, not a clinic', async () => {
    const { app, kit } = await directoryApp();
    const admin = await kit.bearer({ roles: ['admin'] });
    const body = kindaService({
      name: 'Anhöriggruppen Kinda',
      languages: ['sv', 'en'],
      locations: [{ name: 'Kommunhuset', street: 'Storgatan 1', postalCode: '590 40', city: 'Kisa', latitude: 57.99, longitude: 15.63 }],
    });
    const { id } = await json(await app.request('/api/directory/services', jsonInit('POST', body, admin)));
    const ld = pageLd(await (await app.request(`/hitta-stod/tjanst/${id}`)).text());
    expect(ld['@type']).toBe('GovernmentService');
    expect(ld.provider).toEqual({ '@type': 'GovernmentOrganization', name: 'Kinda' });
    expect(ld.availableChannel.availableLanguage).toEqual(['sv', 'en']);
    expect(ld.availableChannel.servicePhone.telephone).toBe('0494-190 00');
    expect(ld.availableChannel.serviceLocation[0]).toMatchObject({
      address: { streetAddress: 'Storgatan 1', postalCode: '590 40', addressLocality: 'Kisa', addressCountry: 'SE' },
      geo: { latitude: 57.99, longitude: 15.63 },
    });
    expect(strayProperties(ld)).toEqual([]);
  });

  it('gives a clinic its address and coordinates, its languages as knowsLanguage, and no availableLanguage', async () => {
    const { app, kit } = await directoryApp();
    const admin = await kit.bearer({ roles: ['admin'] });
    const body = kindaService({
      organizationId: 'region',
      principal: 'region',
      careLevels: ['specialist-addiction'],
      locations: [{ street: 'Sjukhusvägen 1', postalCode: '581 85', city: 'Linköping', latitude: 58.4, longitude: 15.62 }],
    });
    const { id } = await json(await app.request('/api/directory/services', jsonInit('POST', body, admin)));
    const ld = pageLd(await (await app.request(`/hitta-stod/tjanst/${id}`)).text());
    expect(ld).toMatchObject({
      '@type': 'MedicalClinic',
      telephone: '0494-190 00',
      address: { streetAddress: 'Sjukhusvägen 1', addressLocality: 'Linköping' },
      geo: { '@type': 'GeoCoordinates', latitude: 58.4, longitude: 15.62 },
      knowsLanguage: ['sv'],
    });
    expect(ld.availableLanguage).toBeUndefined();
    expect(strayProperties(ld)).toEqual([]);
  });

  it('checks every seeded service page of an area', async () => {
    const { app } = await directoryApp('jamtland');
    const { items } = await json(await app.request('/api/directory/services?limit=100'));
    for (const s of items) expect(strayProperties(pageLd(await (await app.request(`/hitta-stod/tjanst/${s.id}`)).text()))).toEqual([]);
  });
});
