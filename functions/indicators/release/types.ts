import { indicatorReleasesContract } from '../../core/contracts/indicator-releases.js';
import type { DisclosureEquation, DisclosureVariable } from '../../core/disclosure/types.js';
import type { Coverage } from '../query/types.js';

/** A released cell: the figure, or `null` when hidden (shown as `..`). No reason is ever given. */
export type ReleasedValue = number | null;

/** One organisation's row in a release. */
export interface ReleasedRow {
  readonly organization: string;
  readonly status: 'reported' | 'not-applicable' | 'not-reported' | 'not-yet-available';
  /** Cells the organisation reported; a cell key absent here was not reported. */
  readonly cells: Readonly<Record<string, ReleasedValue>>;
}

/** One indicator in a release of a period. */
export interface ReleasedTable {
  readonly available: boolean;
  readonly rows: readonly ReleasedRow[];
  readonly area: {
    readonly cells: Readonly<Record<string, ReleasedValue>>;
    readonly coverage: Coverage;
    /** Organisations whose reports under an older counting rule may count joint cases twice in the area figure. */
    readonly overlap?: readonly string[];
    /** Per länsdel (config `areas`): its cells, each the sum of its municipalities that reported the cell. */
    readonly parts?: Readonly<Record<string, Readonly<Record<string, ReleasedValue>>>>;
  };
}

/** The public part of a release: everything the public routes may show about a period. */
export interface Release {
  readonly period: string;
  /** 1 for the first release of the period, 2 for its first revision, … */
  readonly revision: number;
  /** When it was made, ISO 8601 with offset (Europe/Stockholm). */
  readonly releasedAt: string;
  readonly tables: Readonly<Record<string, ReleasedTable>>;
  /** Made from sample data (`npm run demo`): every public page and export of the period says so. */
  readonly sample?: boolean;
}

/** What the release step keeps for itself (never read by a public route): the protected system. */
export interface ReleaseRecord {
  readonly period: string;
  readonly revision: number;
  readonly releasedAt: string;
  /** Fingerprint of the reports the release was made from (a revision needs a different one). */
  readonly inputHash: string;
  readonly variables: readonly DisclosureVariable[];
  readonly equations: readonly DisclosureEquation[];
  readonly hidden: readonly string[];
  /** The release log (Swedish and English lines). */
  readonly log: readonly string[];
  readonly optimal: boolean;
  readonly informationLoss: number;
  readonly solverMs: number;
  /** Smallest feasible-range width (max − min) of a hidden sensitive cell, by the audit; null when none is finite. */
  readonly minRangeWidth: number | null;
}

/** An entry of the release index. */
export interface ReleaseEntry {
  readonly period: string;
  readonly revision: number;
  readonly releasedAt: string;
}

/** The object every public read starts from: the latest revision of every released period. */
export interface Published {
  readonly releases: readonly ReleaseEntry[];
  /** Latest release per period. */
  readonly periods: Readonly<Record<string, Release>>;
}

/** Where the frozen releases and their records live (indicators function only). */
export const RELEASES_PREFIX = 'indicators/releases/';
/**
 * The published view, rewritten (with If-Match) after each release's frozen objects are written.
 * The public routes read only this object; other services read it through `indicatorReleasesContract`.
 */
export const PUBLISHED_KEY = indicatorReleasesContract.key;

/** Frozen public object of a release (create-only). */
export const releaseKey = (period: string, revision: number): string => `${RELEASES_PREFIX}${period}/r${revision}.json`;
/** Frozen record of the protected system of a release (create-only, staff and release step only). */
export const recordKey = (period: string, revision: number): string => `${RELEASES_PREFIX}${period}/r${revision}.record.json`;
