import { RELEASED_TOTAL, type PublishedReleases } from '../../core/contracts/indicator-releases.js';
import { indicatorDefinitions } from '../../core/config/definitions.js';
import type { CountyConfig, IndicatorDefinition } from '../../core/config/schema.js';
import type { Agreement } from '../model/group.js';

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

/** Whether a figure meets a goal's target: `null` when it cannot be told (hidden or not released). */
export type Met = boolean | null;

/**
 * Whether `value` meets `target` in the goal's direction: `increase` at or above it, `decrease`
 * at or below it, `maintain` on the indicator's better side of it (at or above unless lower is
 * better). A hidden or missing figure cannot be judged.
 */
export function meetsTarget(
  value: number | null | undefined,
  goal: Pick<Agreement['goals'][number], 'target' | 'direction'>,
  definition?: Pick<IndicatorDefinition, 'higherIsBetter'>,
): Met {
  if (value === null || value === undefined) return null;
  const lowerIsBetter = goal.direction === 'decrease' || (goal.direction === 'maintain' && definition?.higherIsBetter === false);
  return lowerIsBetter ? value <= goal.target : value >= goal.target;
}

/** One goal of an agreement with the latest figure of each of its indicators. */
export interface GoalStatus {
  readonly goal: Agreement['goals'][number];
  readonly figures: readonly {
    readonly indicator: string;
    readonly definition?: IndicatorDefinition;
    readonly latest?: LatestFigure;
    readonly met: Met;
  }[];
  /** Met when every indicator meets the target, not met when one does not, else unknown. */
  readonly met: Met;
}

/** The goals of an agreement against the latest released figures. */
export function goalStatuses(
  agreement: Pick<Agreement, 'goals'>,
  published: PublishedReleases,
  definitions: readonly IndicatorDefinition[],
): GoalStatus[] {
  return agreement.goals.map((goal) => {
    const figures = goal.indicators.map((indicator) => {
      const definition = definitions.find((d) => d.id === indicator);
      const latest = latestFigure(published, indicator);
      return {
        indicator,
        ...(definition ? { definition } : {}),
        ...(latest ? { latest } : {}),
        met: meetsTarget(latest?.value, goal, definition),
      };
    });
    const met = figures.some((f) => f.met === false) ? false : figures.every((f) => f.met === true) ? true : null;
    return { goal, figures, met };
  });
}

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
