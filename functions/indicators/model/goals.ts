import type { IndicatorGoal } from '../../core/config/schema.js';
import type { AgreementGoalRow, AgreementGoalsRow } from '../../core/contracts/agreement-goals.js';
import { baselineFigure, meetsBaseline, type ReleasedFigure } from '../../core/domain/goal-baseline.js';

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
export function meetsGoal(goal: Pick<IndicatorGoal, 'target' | 'direction'>, value: number | null | undefined): boolean | undefined {
  if (value === null || value === undefined) return undefined;
  return goal.direction === 'at-least' ? value >= goal.target : value <= goal.target;
}

/** A goal of an agreement that names an indicator, with the agreement it belongs to. */
export interface AgreementGoal {
  readonly agreement: Pick<AgreementGoalsRow, 'id' | 'title' | 'parties' | 'from'>;
  readonly goal: AgreementGoalRow;
}

/**
 * The goals of the directory's agreements in force that name `indicator` (read from its public
 * file): agreements past their end date on `today` (YYYY-MM-DD, Stockholm) are left out.
 */
export function agreementGoalsFor(rows: readonly AgreementGoalsRow[], indicator: string, today: string): AgreementGoal[] {
  return rows
    .filter((a) => a.ends === null || a.ends >= today)
    .flatMap((a) =>
      a.goals
        .filter((g) => g.indicators.includes(indicator))
        .map((goal) => ({
          agreement: { id: a.id, title: a.title, parties: a.parties, ...(a.from !== undefined ? { from: a.from } : {}) },
          goal,
        })),
    );
}

/**
 * Whether a figure meets an agreement's target: at least the target when it is to increase or be
 * maintained, at most when it is to decrease; `undefined` when the figure is not shown.
 */
export function meetsAgreementGoal(
  goal: { readonly target: number; readonly direction: AgreementGoalRow['direction'] },
  value: number | null | undefined,
): boolean | undefined {
  return meetsGoal({ target: goal.target, direction: goal.direction === 'decrease' ? 'at-most' : 'at-least' }, value);
}

/** How an agreement goal stands against the indicator's released area figures. */
export interface AgreementGoalJudgement {
  /** For a goal without a target: the released figure it is judged against, once released. */
  readonly baseline?: ReleasedFigure;
  /** `undefined` when it cannot be told (a figure hidden, or no baseline or no later period released). */
  readonly met: boolean | undefined;
}

/**
 * An agreement goal against `figures`, the indicator's released area figures oldest first: a goal
 * with a target against the latest figure, one without against its baseline (see `baselineFigure`).
 */
export function judgeAgreementGoal(found: AgreementGoal, figures: readonly ReleasedFigure[]): AgreementGoalJudgement {
  const { goal } = found;
  const latest = figures.at(-1);
  if (goal.target !== undefined) return { met: meetsAgreementGoal({ target: goal.target, direction: goal.direction }, latest?.value) };
  const baseline = baselineFigure(figures, goal, found.agreement.from);
  return { ...(baseline ? { baseline } : {}), met: meetsBaseline(goal.direction, baseline, latest) ?? undefined };
}
