import type * as z from 'zod';
import { attendanceContract } from '../../core/contracts/attendance.js';
import type { Contract } from '../../core/contracts/contract.js';
import { feedbackCountsContract } from '../../core/contracts/feedback-counts.js';

/**
 * The stored shape of reported figures: one object per reporting organisation × indicator × period,
 * holding the current report and every earlier version with who reported it and when.
 */

/** Per cell: the value reported. Keys are cell keys (`T`, `gender:K`, `age:18-25`). */
export type CellValues = Record<string, number>;

/** One version of an organisation's report for an indicator and period. */
export interface ReportVersion {
  /** `reported`: the figures hold (zero is a figure); `not-applicable`: the indicator does not apply to this organisation. */
  readonly status: 'reported' | 'not-applicable';
  /** Reported cells (absent when not applicable). A cell not listed was not reported. */
  readonly cells: CellValues;
  /** Number of persons behind a share, mean or median, per cell key (for disclosure control). */
  readonly denominators: CellValues;
  /**
   * Under the single-reporter rule: joint cases the organisation took part in but did not convene
   * (the convener reports them). Staff-only: never part of a release or any public answer.
   */
  readonly participated?: number;
  /** The counting rule in force when the version was stored (absent: stored before the rule was kept). */
  readonly counting?: 'each-own' | 'single-reporter';
  /** Free-text note shown to staff only (never logged). */
  readonly note?: string;
  /** Why an earlier value was corrected. */
  readonly reason?: string;
  /** Sample data (`npm run demo`): a release made from it says so on every public page. */
  readonly sample?: true;
  /** Who reported it: the staff member's id. */
  readonly reportedBy: string;
  /** When, ISO 8601 with offset (Europe/Stockholm). */
  readonly reportedAt: string;
}

/** The stored object of one organisation's report for one indicator and period. */
export interface StoredReport {
  readonly indicator: string;
  readonly organization: string;
  readonly period: string;
  readonly current: ReportVersion;
  /** Earlier versions, oldest first. Corrections never delete what was reported before. */
  readonly history: readonly ReportVersion[];
}

/** Store key of a report object. Writers never share keys: one per organisation, indicator and period. */
export function reportKey(indicator: string, period: string, organization: string): string {
  return `${REPORTS_PREFIX}${indicator}/${period}/${organization}.json`;
}

/** Where every report object lives. */
export const REPORTS_PREFIX = 'indicators/reports/';

/** The read-only inputs of derived indicators: files other services publish, by contract. */
export const DERIVED_SOURCES = {
  feedback: feedbackCountsContract,
  'calendar-attendance': attendanceContract,
} as const;

/** The derived sources as a list of name and contract. */
export const DERIVED_CONTRACTS = Object.entries<Contract<z.ZodType>>(DERIVED_SOURCES);

/** The rows of each derived source as its contract defines them (absent when the file is absent or does not fit). */
export type DerivedData = { -readonly [K in keyof typeof DERIVED_SOURCES]?: z.output<(typeof DERIVED_SOURCES)[K]['schema']> };
