import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../functions/core/config/load.js';
import type { IndicatorGoal } from '../../functions/core/config/schema.js';
import { createIndicatorsApp } from '../../functions/indicators/app.js';
import { agreementGoalsContract, type AgreementGoalsRow, writeContract } from '../../functions/core/contracts/index.js';
import { createLogger } from '../../functions/core/log.js';
import { goalFor, meetsAgreementGoal, meetsGoal } from '../../functions/indicators/model/goals.js';
import { indicatorsKit, json, putReport, sipReport } from './helpers.js';

const base = readFileSync('config/norrbotten.yaml', 'utf8');
const withGoals = (goals: string) => base.replace(/^indicators:\n/m, `indicators:\n  goals:\n${goals}`);

function problems(yaml: string) {
  try {
    parseConfig(yaml, 'norrbotten.yaml');
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.problems;
  }
}

describe('area goals in config', () => {
  it('accepts a goal with target, direction and year', () => {
    const config = parseConfig(
      withGoals('    - indicator: sip-established\n      target: 40\n      direction: at-least\n      year: 2026\n'),
      'norrbotten.yaml',
    );
    expect(config.indicators.goals).toEqual([{ indicator: 'sip-established', target: 40, direction: 'at-least', year: 2026 }]);
  });

  it('refuses a goal for an unknown indicator, naming file, line and key in Swedish and English', () => {
    const yaml = withGoals('    - indicator: naloxone-kits\n      target: 40\n      direction: at-least\n      year: 2026\n');
    const found = problems(yaml);
    expect(found).toHaveLength(1);
    const line = yaml.split('\n').findIndex((l) => l.includes('indicator: naloxone-kits')) + 1;
    expect(found[0]).toMatchObject({ file: 'norrbotten.yaml', line, key: 'indicators.goals[0].indicator' });
    expect(found[0]?.sv).toContain('Målet gäller indikatorn "naloxone-kits"');
    expect(found[0]?.en).toContain("not among the area's indicators");
  });

  it('refuses a goal with an unknown direction', () => {
    const yaml = withGoals('    - indicator: sip-established\n      target: 40\n      direction: more\n      year: 2026\n');
    expect(problems(yaml).map((p) => p.key)).toEqual(['indicators.goals[0].direction']);
  });

  it('refuses two goals for the same indicator and year', () => {
    const goal = (target: number) =>
      `    - indicator: sip-established\n      target: ${target}\n      direction: at-least\n      year: 2026\n`;
    const found = problems(withGoals(goal(40) + goal(50)));
    expect(found.map((p) => p.key)).toEqual(['indicators.goals[1].year']);
    expect(found[0]?.en).toContain('Duplicate goal (indicator and year) "sip-established 2026"');
  });

  it('picks the goal of the period year, else the next later, else the latest', () => {
    const goals: IndicatorGoal[] = [
      { indicator: 'a', target: 10, direction: 'at-least', year: 2025 },
      { indicator: 'a', target: 20, direction: 'at-least', year: 2027 },
      { indicator: 'b', target: 5, direction: 'at-most', year: 2026 },
    ];
    expect(goalFor(goals, 'a', '2025-Q3')?.target).toBe(10);
    expect(goalFor(goals, 'a', '2026-Q1')?.target).toBe(20);
    expect(goalFor(goals, 'a', '2030')?.target).toBe(20);
    expect(goalFor(goals, 'c', '2026')).toBeUndefined();
    expect(meetsGoal(goals[2] as IndicatorGoal, 5)).toBe(true);
    expect(meetsGoal(goals[2] as IndicatorGoal, 6)).toBe(false);
    expect(meetsGoal(goals[0] as IndicatorGoal, null)).toBeUndefined();
  });
});

describe('goals on the indicator page', () => {
  async function withGoal(goal: IndicatorGoal | undefined, values: number[], log = createLogger({ service: 'test', write: () => {} })) {
    const kit = await indicatorsKit();
    const config = { ...kit.deps.config, indicators: { ...kit.deps.config.indicators, goals: goal ? [goal] : [] } };
    const app = createIndicatorsApp({ ...kit.deps, config, log }, { cacheWindowMs: 0 });
    const admin = await kit.bearer({ roles: ['admin'] });
    const codes = ['2580', '2584', '2581'];
    for (const [i, v] of values.entries())
      expect((await putReport({ app }, `sip-established/2026-Q3/${codes[i]}`, sipReport(0, v), admin)).status).toBe(201);
    const made = await app.request('/api/indicators/releases', {
      method: 'POST',
      headers: { authorization: admin, 'content-type': 'application/json' },
      body: JSON.stringify({ period: '2026-Q3' }),
    });
    expect(made.status).toBe(201);
    return Object.assign(app, { store: kit.deps.store });
  }

  it('draws the goal line on the trend and says the latest period meets the goal', async () => {
    const app = await withGoal({ indicator: 'sip-established', target: 30, direction: 'at-least', year: 2026 }, [12, 11, 10]);
    const html = await (await app.request('/uppfoljning/sip-established')).text();
    expect(html).toContain('id="trend-goal"');
    expect(html).toContain('Mål för 2026: minst 30');
    expect(html).toMatch(/<p id="goal" class="notice"><strong>Mål för 2026: minst 30\.<\/strong> 2026-Q3 uppfyller målet\.<\/p>/);
    const english = await (await app.request('/uppfoljning/sip-established?lang=en')).text();
    expect(english).toContain('Goal for 2026: at least 30');
    expect(english).toContain('2026-Q3 meets the goal.');
    const definitions = await json(await app.request('/api/indicators/definitions'));
    expect(definitions.items.find((d: { id: string }) => d.id === 'sip-established').goals).toEqual([
      { target: 30, direction: 'at-least', year: 2026 },
    ]);
  });

  it('says so when the latest period does not meet the goal', async () => {
    const app = await withGoal({ indicator: 'sip-established', target: 50, direction: 'at-least', year: 2026 }, [12, 11, 10]);
    const html = await (await app.request('/uppfoljning/sip-established')).text();
    expect(html).toContain('2026-Q3 uppfyller inte målet.');
    const other = await (await app.request('/uppfoljning/persons-in-treatment')).text();
    expect(other).not.toContain('id="goal"');
    expect(other).not.toContain('-goal"');
  });

  const agreement = (over: Partial<AgreementGoalsRow>): AgreementGoalsRow => ({
    id: 'agr-sip',
    title: 'SIP i Norrbotten',
    parties: ['2580', 'region'],
    ends: null,
    goals: [],
    ...over,
  });

  it('shows the goals of agreements in force that name the indicator, each with whether the latest period meets it', async () => {
    const app = await withGoal({ indicator: 'sip-established', target: 30, direction: 'at-least', year: 2026 }, [12, 11, 10]);
    await writeContract(app.store, agreementGoalsContract, [
      agreement({
        goals: [
          { text: 'Fler SIP', indicators: ['sip-established'], target: 30, direction: 'increase' },
          { text: 'Färre väntande', indicators: ['sip-established', 'persons-in-treatment'], target: 20, direction: 'decrease' },
          { text: 'Annat', indicators: ['persons-in-treatment'], target: 1, direction: 'maintain' },
        ],
      }),
      agreement({
        id: 'agr-old',
        title: 'Gammal överenskommelse',
        ends: '2026-01-31',
        goals: [{ text: 'Gammalt', indicators: ['sip-established'], target: 1, direction: 'increase' }],
      }),
    ]);
    const html = await (await app.request('/uppfoljning/sip-established')).text();
    // the config goal is still there, beside the agreement's
    expect(html).toContain('Mål för 2026: minst 30');
    const items = [...html.matchAll(/<li class="([^"]+)" data-agreement="([^"]+)"><strong>([^<]+)<\/strong> ([^<]+)<\/li>/g)];
    expect(items.map((m) => [m[1], m[2], m[3], m[4]])).toEqual([
      ['notice', 'agr-sip', 'Mål i överenskommelsen SIP i Norrbotten: öka till minst 30 (Fler SIP).', '2026-Q3 uppfyller målet.'],
      [
        'notice warn',
        'agr-sip',
        'Mål i överenskommelsen SIP i Norrbotten: minska till högst 20 (Färre väntande).',
        '2026-Q3 uppfyller inte målet.',
      ],
    ]);
    expect(html).not.toContain('Gammal överenskommelse');
    const english = await (await app.request('/uppfoljning/sip-established?lang=en')).text();
    expect(english).toContain('Goal in the agreement SIP i Norrbotten: increase to at least 30 (Fler SIP).');
    expect(english).toContain('2026-Q3 does not meet the goal.');
    expect(meetsAgreementGoal({ target: 5, direction: 'maintain' }, 5)).toBe(true);
    expect(meetsAgreementGoal({ target: 5, direction: 'maintain' }, 4)).toBe(false);
  });

  it('draws an agreement goal as the trend’s goal line when the area sets none of its own', async () => {
    const app = await withGoal(undefined, [12, 11, 10]);
    expect(await (await app.request('/uppfoljning/sip-established')).text()).not.toContain('id="trend-goal"');
    await writeContract(app.store, agreementGoalsContract, [
      agreement({ goals: [{ text: 'Fler SIP', indicators: ['sip-established'], target: 30, direction: 'increase' }] }),
    ]);
    const html = await (await app.request('/uppfoljning/sip-established')).text();
    expect(html).toContain('id="trend-goal"');
    expect(html).toMatch(/<g id="trend-goal">[\s\S]*?Mål i överenskommelsen SIP i Norrbotten: öka till minst 30/);
  });

  it('shows no agreement goals, logs and still answers 200 when the directory’s file is missing or corrupt', async () => {
    const lines: string[] = [];
    const app = await withGoal(undefined, [12, 11, 10], createLogger({ service: 'test', write: (_level, line) => lines.push(line) }));
    const missing = await app.request('/uppfoljning/sip-established');
    expect(missing.status).toBe(200);
    expect(await missing.text()).not.toContain('id="agreement-goals"');
    for (const body of ['{"not": "json', JSON.stringify([{ id: 'agr-sip', title: 'SIP', goals: 'many' }])]) {
      lines.length = 0;
      await app.store.put(agreementGoalsContract.key, body);
      const res = await app.request('/uppfoljning/sip-established');
      expect(res.status).toBe(200);
      expect(await res.text()).not.toContain('id="agreement-goals"');
      expect(lines.filter((l) => l.includes(agreementGoalsContract.key))).toHaveLength(1);
    }
  });
});

describe('agreement goals without a target on the indicator page', () => {
  /** Norrbotten's SIP figures released for 2026-Q2 (`q2`) and 2026-Q3 (`q3`), and the directory's file with `goals`. */
  async function twoQuarters(q2: number[], q3: number[], goals: AgreementGoalsRow['goals'], from = '2026-01-01') {
    const kit = await indicatorsKit();
    const app = createIndicatorsApp(kit.deps, { cacheWindowMs: 0 });
    const admin = await kit.bearer({ roles: ['admin'] });
    const codes = ['2580', '2584', '2581'];
    for (const [period, values] of [
      ['2026-Q2', q2],
      ['2026-Q3', q3],
    ] as const) {
      for (const [i, v] of values.entries())
        expect((await putReport({ app }, `sip-established/${period}/${codes[i]}`, sipReport(0, v), admin)).status).toBe(201);
      const made = await app.request('/api/indicators/releases', {
        method: 'POST',
        headers: { authorization: admin, 'content-type': 'application/json' },
        body: JSON.stringify({ period }),
      });
      expect(made.status).toBe(201);
    }
    await writeContract(kit.deps.store, agreementGoalsContract, [
      { id: 'agr-sip', title: 'SIP i Norrbotten', parties: ['2580', 'region'], ends: null, from, goals },
    ]);
    return async (lang = '') => (await app.request(`/uppfoljning/sip-established${lang}`)).text();
  }
  const notes = (html: string) =>
    [...html.matchAll(/<li class="([^"]+)" data-agreement="[^"]+"><strong>([^<]+)<\/strong> ([^<]+)<\/li>/g)].map((m) => [
      m[1],
      m[2],
      m[3],
    ]);

  it('says the direction and the baseline it is judged against, whether the latest period meets it, and draws no goal line', async () => {
    const page = await twoQuarters(
      [10, 11, 12],
      [12, 13, 14],
      [
        { text: 'Fler SIP', indicators: ['sip-established'], direction: 'increase' },
        { text: 'Färre SIP', indicators: ['sip-established'], direction: 'decrease' },
      ],
    );
    const html = await page();
    expect(notes(html)).toEqual([
      ['notice', 'Mål i överenskommelsen SIP i Norrbotten: ska öka (från 2026-Q2: 33) (Fler SIP).', '2026-Q3 uppfyller målet.'],
      [
        'notice warn',
        'Mål i överenskommelsen SIP i Norrbotten: ska minska (från 2026-Q2: 33) (Färre SIP).',
        '2026-Q3 uppfyller inte målet.',
      ],
    ]);
    // a direction has no level to draw: the trend has no goal line
    expect(html).toContain('id="trend-t"');
    expect(html).not.toContain('id="trend-goal"');
    const english = await page('?lang=en');
    expect(notes(english)[0]).toEqual([
      'notice',
      'Goal in the agreement SIP i Norrbotten: increase (from 2026-Q2: 33) (Fler SIP).',
      '2026-Q3 meets the goal.',
    ]);
  });

  it('takes the baseline from the day the agreement applies, or the named period, and says when it cannot judge', async () => {
    const page = await twoQuarters(
      [10, 11, 12],
      [12, 13, 14],
      [
        { text: 'Från Q3', indicators: ['sip-established'], direction: 'increase', baseline: '2026-Q3' },
        { text: 'Från Q1', indicators: ['sip-established'], direction: 'increase', baseline: '2026-Q1' },
        { text: 'Minst 30', indicators: ['sip-established'], direction: 'increase', target: 30 },
      ],
      '2026-07-01',
    );
    const html = await page();
    expect(notes(html)).toEqual([
      [
        'notice',
        'Mål i överenskommelsen SIP i Norrbotten: ska öka (från 2026-Q3: 39) (Från Q3).',
        'Målet kan bedömas först när en period efter 2026-Q3 är publicerad.',
      ],
      [
        'notice',
        'Mål i överenskommelsen SIP i Norrbotten: ska öka (från 2026-Q1, ännu inte publicerad) (Från Q1).',
        '2026-Q3 kan inte jämföras med målet: utgångsvärdet är inte publicerat.',
      ],
      ['notice', 'Mål i överenskommelsen SIP i Norrbotten: öka till minst 30 (Minst 30).', '2026-Q3 uppfyller målet.'],
    ]);
    // the goal with a target is the one drawn
    expect(html).toMatch(/<g id="trend-goal">[\s\S]*?öka till minst 30/);
  });

  it('never judges against a hidden baseline: the release hides it and the page says so', async () => {
    // 2026-Q2: one organisation with 2 plans, hidden by the release; 2026-Q3 shown
    const page = await twoQuarters([2], [12, 13, 14], [{ text: 'Fler SIP', indicators: ['sip-established'], direction: 'increase' }]);
    const html = await page();
    expect(notes(html)).toEqual([
      [
        'notice',
        'Mål i överenskommelsen SIP i Norrbotten: ska öka (från 2026-Q2: .. (dold)) (Fler SIP).',
        '2026-Q3 kan inte jämföras med målet: utgångsvärdet visas inte.',
      ],
    ]);
  });
});
