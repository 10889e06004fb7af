import { RELEASED_TOTAL, type PublishedReleases } from '../../core/contracts/indicator-releases.js';
import { indicatorDefinitions } from '../../core/config/definitions.js';
import type { CountyConfig, IndicatorDefinition } from '../../core/config/schema.js';
import { baselineAimText, baselineFigure, meetsBaseline, type ReleasedFigure } from '../../core/domain/goal-baseline.js';
import { formatValue } from '../../core/domain/indicator-format.js';
import type { Text } from '../../core/i18n.js';
import type { Agreement, Goal } from '../model/group.js';
import { agreementFrom } from './agreement-state.js';

/** The latest released area figure of one indicator, exactly as published. */
export interface LatestFigure {
  readonly period: string;
  readonly revision: number;
  readonly releasedAt: string;
  /** The published figure; `null` when the release hides it (never worked out here). */
  readonly value: number | null;
}

/**
 * The area's total of `indicator` in the latest released period that publishes it: the period's
 * latest revision, the cell exactly as released (`null` when hidden). `undefined` before any
 * release holds the indicator. Periods of one indicator share a frequency, so their ids sort in time.
 */
export function latestFigure(published: PublishedReleases, indicator: string): LatestFigure | undefined {
  const periods = Object.keys(published.periods).sort().reverse();
  for (const period of periods) {
    const release = published.periods[period];
    const table = release?.tables[indicator];
    if (!release || !table?.available || !(RELEASED_TOTAL in table.area.cells)) continue;
    const value = table.area.cells[RELEASED_TOTAL] ?? null;
    return { period, revision: release.revision, releasedAt: release.releasedAt, value };
  }
  return undefined;
}

/** Whether a figure meets a goal: `null` when it cannot be told (hidden or not released). */
export type Met = boolean | null;

/**
 * Whether `value` meets `target` in the goal's direction: `increase` at or above it, `decrease`
 * at or below it, `maintain` on the indicator's better side of it (at or above unless lower is
 * better). A hidden or missing figure cannot be judged.
 */
export function meetsTarget(
  value: number | null | undefined,
  goal: { readonly target: number; readonly direction: Goal['direction'] },
  definition?: Pick<IndicatorDefinition, 'higherIsBetter'>,
): Met {
  if (value === null || value === undefined) return null;
  const lowerIsBetter = goal.direction === 'decrease' || (goal.direction === 'maintain' && definition?.higherIsBetter === false);
  return lowerIsBetter ? value <= goal.target : value >= goal.target;
}

/**
 * Every released period's area total of `indicator`, oldest first, each the period's latest revision
 * exactly as released (`null` when hidden).
 */
export function releasedFigures(published: PublishedReleases, indicator: string): ReleasedFigure[] {
  return Object.keys(published.periods)
    .sort()
    .flatMap((period) => {
      const table = published.periods[period]?.tables[indicator];
      return table?.available && RELEASED_TOTAL in table.area.cells ? [{ period, value: table.area.cells[RELEASED_TOTAL] ?? null }] : [];
    });
}

/** One goal of an agreement with the latest figure of each of its indicators (and, without a target, its baseline). */
export interface GoalStatus {
  readonly goal: Goal;
  readonly figures: readonly {
    readonly indicator: string;
    readonly definition?: IndicatorDefinition;
    readonly latest?: LatestFigure;
    /** For a goal without a target: the released figure it is judged against, once released. */
    readonly baseline?: ReleasedFigure;
    readonly met: Met;
  }[];
  /** Met when every indicator meets it, not met when one does not, else unknown. */
  readonly met: Met;
}

/**
 * The goals of an agreement against the latest released figures: a goal with a target against the
 * target, one without against its baseline (see `baselineFigure`; `from` is the day the agreement
 * applies from).
 */
export function goalStatuses(
  agreement: Pick<Agreement, 'goals' | 'starts' | 'lifecycle'>,
  published: PublishedReleases,
  definitions: readonly IndicatorDefinition[],
): GoalStatus[] {
  const from = agreementFrom(agreement);
  return agreement.goals.map((goal) => {
    const figures = goal.indicators.map((indicator) => {
      const definition = definitions.find((d) => d.id === indicator);
      const latest = latestFigure(published, indicator);
      if (goal.target !== undefined)
        return {
          indicator,
          ...(definition ? { definition } : {}),
          ...(latest ? { latest } : {}),
          met: meetsTarget(latest?.value, { target: goal.target, direction: goal.direction }, definition),
        };
      const baseline = baselineFigure(releasedFigures(published, indicator), goal, from);
      return {
        indicator,
        ...(definition ? { definition } : {}),
        ...(latest ? { latest } : {}),
        ...(baseline ? { baseline } : {}),
        met: meetsBaseline(goal.direction, baseline, latest),
      };
    });
    const met = figures.some((f) => f.met === false) ? false : figures.every((f) => f.met === true) ? true : null;
    return { goal, figures, met };
  });
}

/**
 * A goal's aim in words for one indicator: "Öka mot 30" with a target, "ska öka (från 2015-Q1: 12)"
 * without one (the baseline as released; see `baselineAimText`).
 */
export function goalAimText(goal: Goal, unit: string, baseline: ReleasedFigure | undefined, from: string | undefined): Text {
  const value = (v: number): Text => ({ sv: formatValue(v, unit, 'sv'), en: formatValue(v, unit, 'en') });
  if (goal.target === undefined) return baselineAimText(goal.direction, goal, baseline, from, value);
  const target = value(goal.target);
  return {
    sv: `${TARGET_AIM[goal.direction].sv} ${target.sv}`,
    en: `${TARGET_AIM[goal.direction].en} ${target.en}`,
  };
}

const TARGET_AIM: Record<Goal['direction'], Text> = {
  increase: { sv: 'ska öka till minst', en: 'increase to at least' },
  decrease: { sv: 'ska minska till högst', en: 'decrease to at most' },
  maintain: { sv: 'ska bibehållas vid', en: 'maintain at' },
};

/** The indicator definitions of the area (config and core domain), once per config. */
export function indicatorDefinitionsOf(config: CountyConfig): readonly IndicatorDefinition[] {
  let found = definitionsCache.get(config);
  if (!found) {
    found = indicatorDefinitions(config);
    definitionsCache.set(config, found);
  }
  return found;
}

const definitionsCache = new WeakMap<CountyConfig, readonly IndicatorDefinition[]>();
