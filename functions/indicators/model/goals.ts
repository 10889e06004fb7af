import type { IndicatorGoal } from '../../core/config/schema.js';

/**
 * The area goal that applies to a period of an indicator (config `indicators.goals`): the goal
 * for the period's year, else the nearest later one, else the latest earlier one.
 *
 * @example
 * goalFor(goals, 'sip-established', '2026-Q3'); // the 2026 goal, or the 2027 one when 2026 has none
 */
export function goalFor(goals: readonly IndicatorGoal[], indicator: string, period: string): IndicatorGoal | undefined {
  const year = Number(period.slice(0, 4));
  const own = goals.filter((g) => g.indicator === indicator).sort((a, b) => a.year - b.year);
  return own.find((g) => g.year >= year) ?? own.at(-1);
}

/** Whether a figure meets a goal; `undefined` when the figure is not shown (hidden or not reported). */
export function meetsGoal(goal: IndicatorGoal, value: number | null | undefined): boolean | undefined {
  if (value === null || value === undefined) return undefined;
  return goal.direction === 'at-least' ? value >= goal.target : value <= goal.target;
}
