import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { secondarySuppress, type SdcCell } from '../../functions/indicators/disclosure/suppress.js';
import { indicatorsKit, json, putReport, sipReport } from './helpers.js';

const area = (rows: { organization: string; breakdown: string; category: string }[], org: string, breakdown: string, category: string) =>
  rows.find((r) => r.organization === org && r.breakdown === breakdown && r.category === category);

describe('secondary suppression', () => {
  it('hides the smallest other cell when exactly one cell of a relation is hidden', () => {
    const cells: SdcCell[] = [{ value: 12 }, { value: 3, suppressed: 'primary' }, { value: 9 }];
    secondarySuppress(cells, [[0, 1, 2]]);
    expect(cells.map((c) => c.suppressed)).toEqual([undefined, 'primary', 'secondary']);
  });

  it('never leaves a relation with exactly one hidden cell', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(30), { minLength: 4, maxLength: 12 }),
        fc.array(fc.array(fc.nat(11), { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
        (values, rawRelations) => {
          const cells: SdcCell[] = values.map((value) => ({ value, suppressed: value > 0 && value < 5 ? 'primary' : undefined }));
          const relations = rawRelations.map((r) => [...new Set(r.map((i) => i % values.length))]).filter((r) => r.length > 1);
          secondarySuppress(cells, relations);
          for (const r of relations) {
            const hidden = r.filter((i) => cells[i]?.suppressed).length;
            const nonZeroShown = r.filter((i) => !cells[i]?.suppressed && (cells[i]?.value ?? 0) > 0).length;
            expect(hidden === 1 && nonZeroShown > 0).toBe(false);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('published SIP figures for Luleå and Kiruna', () => {
  async function reported() {
    const kit = await indicatorsKit();
    await putReport(kit, 'sip-established/2026-Q3/2580', sipReport(3, 9), await kit.bearer({ roles: ['editor'], org: '2580' }));
    await putReport(kit, 'sip-established/2026-Q3/2584', sipReport(5, 5), await kit.bearer({ roles: ['editor'], org: '2584' }));
    return kit;
  }

  it('hides the cell of 3 and the cells that would give it away', async () => {
    const kit = await reported();
    const { observations } = await json(await kit.app.request('/api/indicators/export.json?indicator=sip-established'));
    expect(area(observations, '2580', 'gender', 'K')).toMatchObject({ value: null, status: 'suppressed', suppression: 'primary' });
    expect(area(observations, '2580', 'gender', 'M')).toMatchObject({ value: null, status: 'suppressed' });
    expect(area(observations, '2584', 'gender', 'K')).toMatchObject({ value: null, status: 'suppressed', suppression: 'secondary' });
    expect(area(observations, 'area', 'total', 'T')).toMatchObject({
      value: 22,
      status: 'reported',
      coverage: { reported: 2, expected: 15 },
    });
  });

  it('shows the Luleå editor the raw 3 for Luleå, but not Kiruna’s hidden cells', async () => {
    const kit = await reported();
    const res = await kit.app.request('/api/indicators/values?indicator=sip-established&period=2026-Q3', {
      headers: { authorization: await kit.bearer({ roles: ['editor'], org: '2580' }) },
    });
    expect(res.headers.get('cache-control')).toContain('private');
    const { items } = await json(res);
    expect(area(items, '2580', 'gender', 'K')).toMatchObject({ value: 3, status: 'reported' });
    expect(area(items, '2584', 'gender', 'K')).toMatchObject({ value: null, status: 'suppressed' });
  });

  it('shows an admin every raw figure', async () => {
    const kit = await reported();
    const { items } = await json(
      await kit.app.request('/api/indicators/values?indicator=sip-established&period=2026-Q3', {
        headers: { authorization: await kit.bearer({ roles: ['admin'] }) },
      }),
    );
    expect(area(items, '2584', 'gender', 'K')).toMatchObject({ value: 5 });
    expect(area(items, 'area', 'gender', 'K')).toMatchObject({ value: 8 });
  });

  it('keeps the 3 out of the CSV, the public page and the comparison', async () => {
    const kit = await reported();
    const csv = await (await kit.app.request('/api/indicators/export.csv?indicator=sip-established')).text();
    const lulea = csv.split('\r\n').filter((l) => l.includes('="2580"') && l.includes(';gender;'));
    expect(lulea.every((l) => l.split(';')[7] === '' && l.split(';')[8] === '..')).toBe(true);
    const page = await (await kit.app.request('/uppfoljning/sip-established')).text();
    const row = /<th scope="row">Luleå<\/th>(.*?)<\/tr>/s.exec(page)?.[1] ?? '';
    expect(row).toContain('12');
    expect(row.match(/\.\./g)).toHaveLength(2);
    const compare = await json(await kit.app.request('/api/indicators/compare?indicator=sip-established'));
    expect(JSON.stringify(compare)).not.toMatch(/"value":[1-4][,}]/);
  });
});
