import { describe, expect, it } from 'vitest';
import { buildProblem, variableId } from '../../functions/indicators/release/problem.js';
import { withEarlier } from '../../functions/indicators/release/revision.js';
import type { StoredReport } from '../../functions/indicators/model/report.js';
import type { ReleaseRecord } from '../../functions/indicators/release/types.js';
import { indicatorsKit, json, putReport, release, sipReport } from './helpers.js';

const find = (rows: { organization: string; breakdown: string; category: string }[], org: string, breakdown: string, category: string) =>
  rows.find((r) => r.organization === org && r.breakdown === breakdown && r.category === category);

describe('the disclosure problem of a release', () => {
  const kitTables = async () => {
    const kit = await indicatorsKit();
    const { periodTables } = await import('../../functions/indicators/release/input.js');
    const { createIndicatorsContext } = await import('../../functions/indicators/context.js');
    const ctx = createIndicatorsContext(kit.deps);
    const def = ctx.definition('sip-established');
    return { kit, ctx, def: def as NonNullable<typeof def>, periodTables };
  };

  it('states T = Σ categories per complete breakdown and area = Σ the organisations that reported that cell', async () => {
    const { kit, ctx, def, periodTables } = await kitTables();
    const reports: StoredReport[] = [
      {
        indicator: def.id,
        organization: '2580',
        period: '2026-Q3',
        history: [],
        current: {
          status: 'reported' as const,
          cells: { T: 12, 'gender:K': 3, 'gender:M': 9 },
          denominators: {},
          reportedBy: 'x',
          reportedAt: 'x',
        },
      },
      {
        indicator: def.id,
        organization: '2584',
        period: '2026-Q3',
        history: [],
        current: { status: 'reported' as const, cells: { T: 7 }, denominators: {}, reportedBy: 'x', reportedAt: 'x' },
      },
    ];
    const tables = periodTables([def], kit.deps.config, { reports, derived: {}, version: 0 }, '2026-Q3');
    const problem = buildProblem(tables, ctx.categories, { lower: 3, upper: 3 });
    expect(problem.variables.find((v) => v.id === variableId(def.id, '2580', 'gender:K'))).toMatchObject({
      value: 3,
      sensitive: true,
      mustHide: true,
    });
    expect(problem.variables.find((v) => v.id === variableId(def.id, 'area', 'T'))).toMatchObject({ value: 19 });
    expect(problem.variables.find((v) => v.id === variableId(def.id, 'area', 'gender:K'))).toMatchObject({ value: 3, sensitive: true });
    const areaK = problem.equations.find((e) => e.terms[0]?.id === variableId(def.id, 'area', 'gender:K'));
    expect(areaK?.terms.map((t) => t.id)).toEqual([variableId(def.id, 'area', 'gender:K'), variableId(def.id, '2580', 'gender:K')]);
    const areaT = problem.equations.find((e) => e.terms[0]?.id === variableId(def.id, 'area', 'T'));
    expect(areaT?.terms).toHaveLength(3);
    expect(problem.equations.filter((e) => e.terms[0]?.id === variableId(def.id, '2584', 'T'))).toEqual([]);
  });

  it('keeps an earlier release known: unchanged shown cells stay fixed, changed ones become old variables with their equations', () => {
    const levels = { lower: 3, upper: 3 };
    const previous: ReleaseRecord = {
      period: '2026-Q3',
      revision: 1,
      releasedAt: '2026-11-01T10:00:00+01:00',
      inputHash: 'x',
      variables: [
        { id: 'a/T', value: 10 },
        { id: 'a/K', value: 3, sensitive: true, mustHide: true },
        { id: 'a/M', value: 7 },
      ],
      equations: [
        {
          terms: [
            { id: 'a/T', coef: 1 },
            { id: 'a/K', coef: -1 },
            { id: 'a/M', coef: -1 },
          ],
        },
      ],
      hidden: ['a/K', 'a/M'],
      log: [],
      optimal: true,
      informationLoss: 0,
      solverMs: 0,
      minRangeWidth: null,
    };
    const current = {
      variables: [
        { id: 'a/T', value: 10 },
        { id: 'a/K', value: 4, sensitive: true, mustHide: true },
        { id: 'a/M', value: 6 },
      ],
      equations: [
        {
          terms: [
            { id: 'a/T', coef: 1 },
            { id: 'a/K', coef: -1 },
            { id: 'a/M', coef: -1 },
          ],
        },
      ],
      levels,
    };
    const merged = withEarlier(current, previous);
    expect(merged.variables.find((v) => v.id === 'a/T')).toMatchObject({ fixed: 'published' });
    expect(merged.variables.find((v) => v.id === 'r1/a/K')).toMatchObject({ value: 3, sensitive: true, fixed: 'hidden' });
    expect(merged.equations[1]?.terms.map((t) => t.id)).toEqual(['a/T', 'r1/a/K', 'r1/a/M']);
  });
});

describe('published SIP figures for Luleå and Kiruna', () => {
  async function reported() {
    const kit = await indicatorsKit();
    await putReport(kit, 'sip-established/2026-Q3/2580', sipReport(3, 9), await kit.bearer({ roles: ['editor'], org: '2580' }));
    await putReport(kit, 'sip-established/2026-Q3/2584', sipReport(5, 5), await kit.bearer({ roles: ['editor'], org: '2584' }));
    await release(kit);
    return kit;
  }

  it('hides the cell of 3 and enough others, and says only "suppressed"', async () => {
    const kit = await reported();
    const { observations } = await json(await kit.app.request('/api/indicators/export.json?indicator=sip-established'));
    expect(find(observations, '2580', 'gender', 'K')).toEqual(expect.objectContaining({ value: null, status: 'suppressed' }));
    expect(find(observations, '2580', 'gender', 'M')).toMatchObject({ value: null, status: 'suppressed' });
    expect(JSON.stringify(observations)).not.toMatch(/primary|secondary|suppression/);
    expect(find(observations, 'area', 'total', 'T')).toMatchObject({ coverage: { reported: 2, expected: 18 } });
  });

  it('shows the Luleå editor the raw 3 for Luleå, but not Kiruna’s hidden cells', async () => {
    const kit = await reported();
    const res = await kit.app.request('/api/indicators/values?indicator=sip-established&period=2026-Q3', {
      headers: { authorization: await kit.bearer({ roles: ['editor'], org: '2580' }) },
    });
    expect(res.headers.get('cache-control')).toContain('private');
    const { items } = await json(res);
    expect(find(items, '2580', 'gender', 'K')).toMatchObject({ value: 3, status: 'reported' });
    const kirunaK = find(items, '2584', 'gender', 'K');
    const publicK = find(
      (await json(await kit.app.request('/api/indicators/export.json?indicator=sip-established'))).observations,
      '2584',
      'gender',
      'K',
    );
    expect(kirunaK).toEqual(publicK);
  });

  it('shows an admin every raw figure', async () => {
    const kit = await reported();
    const { items } = await json(
      await kit.app.request('/api/indicators/values?indicator=sip-established&period=2026-Q3', {
        headers: { authorization: await kit.bearer({ roles: ['admin'] }) },
      }),
    );
    expect(find(items, '2584', 'gender', 'K')).toMatchObject({ value: 5 });
    expect(find(items, 'area', 'gender', 'K')).toMatchObject({ value: 8 });
  });

  it('keeps the 3 out of the CSV, the public page and the comparison', async () => {
    const kit = await reported();
    const csv = await (await kit.app.request('/api/indicators/export.csv?indicator=sip-established')).text();
    const lulea = csv.split('\r\n').filter((l) => l.includes(";'2580;") && l.includes(';gender;K;'));
    expect(lulea).toHaveLength(1);
    expect(lulea.every((l) => l.split(';')[7] === '' && l.split(';')[8] === '..')).toBe(true);
    const page = await (await kit.app.request('/uppfoljning/sip-established')).text();
    const row = /<th scope="row">Luleå<\/th>(.*?)<\/tr>/s.exec(page)?.[1] ?? '';
    expect(row).not.toMatch(/<td class="num">3<\/td>/);
    const compare = await json(await kit.app.request('/api/indicators/compare?indicator=sip-established'));
    expect(JSON.stringify(compare)).not.toMatch(/"value":[1-4][,}]/);
  });
});
