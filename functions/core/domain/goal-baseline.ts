import type { Text } from '../i18n.js';

/**
 * Agreement goals without a target value ("mål och mått" that state only a direction, as most
 * agreements do): such a goal is judged against a baseline, a released figure of the same
 * indicator. Shared by the directory (agreement and report pages) and indicators (indicator pages),
 * which both read released figures exactly as published: a hidden figure stays hidden and is never
 * worked out here, so a goal whose baseline or latest figure is hidden cannot be judged.
 */

/** A period as a goal's baseline names it: a year (`2015`), a quarter (`2015-Q1`) or a month (`2015-03`). */
export const BASELINE_PERIOD = /^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/;

/** The way a goal's figure is to go. */
export type GoalDirection = 'increase' | 'decrease' | 'maintain';

/** One released area figure of an indicator: the period and the value as published (`null`: hidden). */
export interface ReleasedFigure {
  readonly period: string;
  readonly value: number | null;
}

/** The last day (YYYY-MM-DD) of a period `2026`, `2026-Q3` or `2026-03`; `undefined` when malformed. */
export function periodLastDay(period: string): string | undefined {
  const m = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/.exec(period);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) * 3 : m[3] ? Number(m[3]) : 12;
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The figure a goal without a target is judged against, among `figures` (one indicator's released
 * periods in time order): the goal's own `baseline` period when it names one, else the first
 * released period that ends on or after `from` (the day the agreement applies from), else the
 * first released period. `undefined` while none of these is released.
 *
 * @example
 * baselineFigure([{ period: '2015-Q4', value: 3 }, { period: '2016-Q1', value: 5 }], {}, '2016-01-01'); // 2016-Q1: 5
 */
export function baselineFigure(
  figures: readonly ReleasedFigure[],
  goal: { readonly baseline?: string | undefined },
  from?: string | null,
): ReleasedFigure | undefined {
  if (goal.baseline !== undefined) return figures.find((f) => f.period === goal.baseline);
  if (!from) return figures[0];
  return figures.find((f) => (periodLastDay(f.period) ?? '') >= from);
}

/**
 * Whether `latest` has gone the goal's way from `baseline`: above it to increase, below it to
 * decrease, at or above it to maintain. `null` when it cannot be told: no baseline released yet, no
 * later period released, or either figure hidden.
 */
export function meetsBaseline(
  direction: GoalDirection,
  baseline: ReleasedFigure | undefined,
  latest: ReleasedFigure | undefined,
): boolean | null {
  if (!baseline || !latest || latest.period <= baseline.period) return null;
  if (baseline.value === null || latest.value === null) return null;
  if (direction === 'increase') return latest.value > baseline.value;
  if (direction === 'decrease') return latest.value < baseline.value;
  return latest.value >= baseline.value;
}

const AIM: Record<GoalDirection, Text> = {
  increase: { sv: 'ska öka', en: 'increase' },
  decrease: { sv: 'ska minska', en: 'decrease' },
  maintain: { sv: 'ska bibehållas', en: 'maintain' },
};

/**
 * A goal without a target in words, with its baseline: "ska öka (från 2015-Q1: 12)" / "increase
 * (from 2015-Q1: 12)". `format` writes a released value in the page's language; a hidden baseline
 * is shown as `..`, one not yet released by the period or the day it is to be taken from.
 */
export function baselineAimText(
  direction: GoalDirection,
  goal: { readonly baseline?: string | undefined },
  baseline: ReleasedFigure | undefined,
  from: string | null | undefined,
  format: (value: number) => Text,
): Text {
  const aim = AIM[direction];
  if (baseline) {
    const value = baseline.value === null ? { sv: '.. (dold)', en: '.. (hidden)' } : format(baseline.value);
    return { sv: `${aim.sv} (från ${baseline.period}: ${value.sv})`, en: `${aim.en} (from ${baseline.period}: ${value.en})` };
  }
  if (goal.baseline !== undefined)
    return {
      sv: `${aim.sv} (från ${goal.baseline}, ännu inte publicerad)`,
      en: `${aim.en} (from ${goal.baseline}, not yet released)`,
    };
  return from
    ? {
        sv: `${aim.sv} (från den första publicerade perioden från och med ${from})`,
        en: `${aim.en} (from the first period released from ${from})`,
      }
    : { sv: `${aim.sv} (från den första publicerade perioden)`, en: `${aim.en} (from the first released period)` };
}
