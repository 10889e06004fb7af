import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toStockholmIso } from '../../functions/core/i18n.js';
import { organisationName, organisations } from '../../functions/core/organisations.js';
import { QUARTER, quarterOf, quarterOfIso } from '../../functions/core/period.js';
import { areaConfig } from '../support/deps.js';

describe('the Stockholm quarter', () => {
  it('follows the Stockholm calendar at the turn of a quarter, not UTC', () => {
    expect(quarterOf(new Date('2026-09-30T21:59:59Z'))).toBe('2026-Q3');
    expect(quarterOf(new Date('2026-09-30T22:00:00Z'))).toBe('2026-Q4');
    expect(quarterOf(new Date('2026-12-31T23:30:00Z'))).toBe('2027-Q1');
    expect(quarterOfIso('2026-04-01T00:00:00+02:00')).toBe('2026-Q2');
  });

  it('is a well-formed quarter holding the Stockholm month of any moment', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const q = quarterOf(d);
        expect(q).toMatch(QUARTER);
        const month = Number(toStockholmIso(d).slice(5, 7));
        expect(Number(q.slice(-1))).toBe(Math.ceil(month / 3));
      }),
    );
  });
});

describe('organisation names', () => {
  const config = areaConfig('jamtland');

  it('names the region, every unit and every municipality, and falls back to the id', () => {
    const all = organisations(config);
    expect(all).toHaveLength(1 + config.region.units.length + config.municipalities.length);
    expect(organisationName(config, 'region')).toBe(config.region.name);
    for (const m of config.municipalities) expect(organisationName(config, m.code)).toBe(m.name);
    for (const u of config.region.units) expect(organisationName(config, u.id)).toBe(u.name);
    expect(organisationName(config, 'no-such-org')).toBe('no-such-org');
  });
});
