import type { CountyConfig, IndicatorDefinition } from '../../core/config/schema.js';

/**
 * National statistics from Kolada (RKA), imported by `npm run kolada`: public figures kept apart
 * from the reported values and the releases (they are public already and never go through the
 * disclosure audit). One object holds every imported KPI, so a page reads it with one GET.
 */
export const NATIONAL_KEY = 'indicators/national/kolada.json';

/** The source named on every page that shows these figures. */
export const NATIONAL_SOURCE = 'Kolada, RKA';

/** Kolada's code for the whole of Sweden. */
export const SWEDEN_CODE = '0000';

/** Kolada's gender codes: total, women (kvinnor), men (män). */
export const KOLADA_GENDERS = ['T', 'K', 'M'] as const;
export type KoladaGender = (typeof KOLADA_GENDERS)[number];

/** One Kolada value: a number, or `null` with Kolada's status (e.g. a value Kolada does not show). */
export interface NationalValue {
  readonly value: number | null;
  readonly status?: string;
  /** Kolada's `count`: how many units the value rests on. */
  readonly count?: number;
}

/** Values per year and gender: `{ "2024": { "T": {…}, "K": {…} } }`. */
export type NationalYears = Readonly<Record<string, Partial<Record<KoladaGender, NationalValue>>>>;

/** One KPI as imported: its values per Kolada municipality code, year and gender. */
export interface NationalKpi {
  readonly kpi: string;
  /** The area's indicators this KPI is the nearest equivalent of. */
  readonly indicators: readonly string[];
  /** When the figures were retrieved from Kolada (Stockholm date, `YYYY-MM-DD`). */
  readonly retrieved: string;
  /** When they were imported here (ISO time). */
  readonly importedAt: string;
  readonly values: Readonly<Record<string, NationalYears>>;
}

/** The stored object. */
export interface NationalStats {
  readonly kind: 'national-statistics';
  readonly source: typeof NATIONAL_SOURCE;
  readonly kpis: Readonly<Record<string, NationalKpi>>;
}

/** The Kolada code of the area's county (`00` + the county code), e.g. `0025` for Norrbotten. */
export function countyKoladaCode(config: CountyConfig): string {
  return `00${config.countyCode}`;
}

/**
 * The municipality codes a Kolada file may hold for an area: its municipalities, its county
 * (`00NN`) and Sweden (`0000`).
 */
export function allowedKoladaCodes(config: CountyConfig): Set<string> {
  return new Set([...config.municipalities.map((m) => m.code), countyKoladaCode(config), SWEDEN_CODE]);
}

/** The area's indicators per Kolada KPI id (defaults and custom ones that name a `koladaKpi`). */
export function indicatorsByKpi(definitions: readonly IndicatorDefinition[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const d of definitions) {
    if (!d.koladaKpi) continue;
    map.set(d.koladaKpi, [...(map.get(d.koladaKpi) ?? []), d.id]);
  }
  return map;
}

/** Whether `value` has the stored object's shape (a corrupt object reads as nothing imported). */
export function isNationalStats(value: unknown): value is NationalStats {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<NationalStats>;
  return v.kind === 'national-statistics' && typeof v.kpis === 'object' && v.kpis !== null;
}
