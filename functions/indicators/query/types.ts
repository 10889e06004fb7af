import type { IndicatorDefinition } from '../../core/config/schema.js';

/**
 * The state of one observation. Four states are kept apart: a figure (zero is a figure),
 * not reported, suppressed (hidden to protect persons, for whatever reason: no answer says why)
 * and not applicable; derived indicators whose source does not exist yet are not yet available.
 */
export type ObsStatus = 'reported' | 'not-reported' | 'suppressed' | 'not-applicable' | 'not-yet-available';

/** One published cell: a value, or `null` with the reason in `status`. */
export interface Cell {
  readonly value: number | null;
  readonly status: ObsStatus;
}

/** One organisation's observations for a period, per cell key (`T`, `gender:K`, …). */
export interface OrgRow {
  readonly organization: string;
  readonly period: string;
  readonly status: Exclude<ObsStatus, 'suppressed'>;
  readonly cells: Readonly<Record<string, Cell>>;
  /** When it was reported: staff views only. */
  readonly reportedAt?: string;
  /** The figures were corrected after first being reported: staff views only (public revisions are whole releases). */
  readonly revised?: boolean;
  /** Whether the figures shown are raw because the viewer has rights to this organisation. */
  readonly raw?: boolean;
  /** Persons behind each cell of a share, mean or median: only in raw views. */
  readonly denominators?: Readonly<Record<string, number>>;
}

/** How many organisations an aggregate rests on. */
export interface Coverage {
  /** Organisations that reported figures. */
  readonly reported: number;
  /** Organisations that marked the indicator as not applicable. */
  readonly notApplicable: number;
  /** Organisations expected to report. */
  readonly expected: number;
  /** Organisations whose figures went into the aggregate (for medians and means: the published ones). */
  readonly used: number;
}

/** The area's aggregate for a period, with how it was formed. */
export interface AreaRow {
  readonly period: string;
  readonly cells: Readonly<Record<string, Cell>>;
  readonly coverage: Coverage;
  readonly method: IndicatorDefinition['aggregate'];
  /** Organisations whose reports under an older counting rule may count joint cases twice (the figure says so). */
  readonly overlap?: readonly string[];
  /** Per länsdel (config `areas`): its cells, released and protected as the area's. */
  readonly parts?: Readonly<Record<string, Readonly<Record<string, Cell>>>>;
}

/** Everything published about one indicator, for one kind of viewer. */
export interface IndicatorTable {
  readonly indicator: IndicatorDefinition;
  /** Whether figures exist at all (derived indicators: whether their source exists). */
  readonly available: boolean;
  readonly periods: readonly string[];
  readonly organizations: readonly string[];
  /** Every organisation × period (not-reported rows included), periods ascending. */
  readonly rows: readonly OrgRow[];
  readonly area: readonly AreaRow[];
}

/** Who looks: the public, an admin (all raw) or staff with rights to some organisations (those raw). */
export type Viewer =
  { readonly kind: 'public' } | { readonly kind: 'admin' } | { readonly kind: 'staff'; readonly orgs: readonly string[] };
