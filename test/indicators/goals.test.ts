import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../functions/core/config/load.js';
import type { IndicatorGoal } from '../../functions/core/config/schema.js';
import { createIndicatorsApp } from '../../functions/indicators/app.js';
import { goalFor, meetsGoal } from '../../functions/indicators/model/goals.js';
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
  async function withGoal(goal: IndicatorGoal, values: number[]) {
    const kit = await indicatorsKit();
    const config = { ...kit.deps.config, indicators: { ...kit.deps.config.indicators, goals: [goal] } };
    const app = createIndicatorsApp({ ...kit.deps, config }, { cacheWindowMs: 0 });
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
    return app;
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
});
