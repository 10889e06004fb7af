import type { CountyConfig, IndicatorDefinition } from '../../core/config/schema.js';
import type { FieldError } from '../../core/http/problem.js';

/** One national figure from Kolada: a KPI for a municipality, year and gender. */
export interface NationalValue {
  readonly kpi: string;
  /** The area's indicator the KPI is mapped to (`koladaKpi` of its definition). */
  readonly indicator: string;
  readonly municipality: string;
  readonly year: number;
  /** `T` total, `K` women, `M` men, as in Kolada. */
  readonly gender: 'T' | 'K' | 'M';
  /** `null` when Kolada has no value (its `status` says why). */
  readonly value: number | null;
  readonly status?: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const GENDERS = ['T', 'K', 'M'] as const;

/**
 * Read a file in Kolada API v3's data shape (`{ "values": [{ "kpi", "municipality", "period",
 * "values": [{ "gender", "value", "count", "status" }] }] }`) for the area's mapped indicators.
 * Every problem is named by its place in the file (`values[2].municipality`) in Swedish and
 * English: a KPI no indicator of the area maps to, a municipality outside the area, a period that
 * is not a year up to `thisYear`, a malformed entry. Nothing is returned unless all of it is valid.
 */
export function parseKolada(
  text: string,
  config: Pick<CountyConfig, 'municipalities'>,
  definitions: readonly IndicatorDefinition[],
  thisYear: number,
): { values: NationalValue[] } | { errors: FieldError[] } {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { errors: [{ field: '(file)', message: 'The file is not valid JSON', sv: 'Filen är inte giltig JSON' }] };
  }
  if (!isRecord(data) || !Array.isArray(data.values))
    return {
      errors: [
        {
          field: 'values',
          message: 'Expected Kolada API v3 data: an object with a "values" list',
          sv: 'Väntade Koladas API v3-format: ett objekt med listan "values"',
        },
      ],
    };
  const mapped = new Map(definitions.flatMap((d) => (d.koladaKpi ? [[d.koladaKpi, d.id] as const] : [])));
  const codes = new Set(config.municipalities.map((m) => m.code));
  const errors: FieldError[] = [];
  const values: NationalValue[] = [];
  const seen = new Set<string>();
  data.values.forEach((item: unknown, i: number) => {
    const at = `values[${i}]`;
    const err = (field: string, message: string, sv: string) => void errors.push({ field: `${at}${field}`, message, sv });
    if (!isRecord(item)) return err('', 'Expected an object', 'Väntade ett objekt');
    const kpi = typeof item.kpi === 'string' ? item.kpi : '';
    const indicator = mapped.get(kpi);
    if (!indicator)
      err(
        '.kpi',
        `Unknown KPI "${String(item.kpi).slice(0, 20)}": no indicator of the area maps to it (mapped: ${[...mapped.keys()].join(', ') || 'none'})`,
        `Okänt nyckeltal "${String(item.kpi).slice(0, 20)}": ingen av områdets indikatorer motsvarar det`,
      );
    const municipality = typeof item.municipality === 'string' ? item.municipality : '';
    if (!codes.has(municipality))
      err(
        '.municipality',
        `"${String(item.municipality).slice(0, 20)}" is not a municipality of this area`,
        `"${String(item.municipality).slice(0, 20)}" är inte en kommun i området`,
      );
    const year = typeof item.period === 'number' ? item.period : typeof item.period === 'string' ? Number(item.period) : NaN;
    if (!Number.isInteger(year) || year < 1990 || year > thisYear)
      err('.period', `Expected a year from 1990 to ${thisYear}`, `Ange ett år från 1990 till ${thisYear}`);
    if (!Array.isArray(item.values)) return err('.values', 'Expected a list of values per gender', 'Väntade en lista med värden per kön');
    item.values.forEach((v: unknown, j: number) => {
      const vat = `.values[${j}]`;
      if (!isRecord(v)) return err(vat, 'Expected an object', 'Väntade ett objekt');
      const gender = GENDERS.find((g) => g === v.gender);
      if (!gender) err(`${vat}.gender`, 'Expected T, K or M', 'Ange T, K eller M');
      const value = v.value === null ? null : typeof v.value === 'number' && Number.isFinite(v.value) ? v.value : undefined;
      if (value === undefined) err(`${vat}.value`, 'Expected a number or null', 'Ange ett tal eller null');
      if (!indicator || !codes.has(municipality) || !gender || value === undefined || !Number.isInteger(year)) return;
      const key = `${kpi} ${municipality} ${year} ${gender}`;
      if (seen.has(key))
        return err(
          vat,
          `The same KPI, municipality, year and gender twice (${key})`,
          `Samma nyckeltal, kommun, år och kön två gånger (${key})`,
        );
      seen.add(key);
      values.push({
        kpi,
        indicator,
        municipality,
        year,
        gender,
        value,
        ...(typeof v.status === 'string' && v.status ? { status: v.status.slice(0, 20) } : {}),
      });
    });
  });
  return errors.length ? { errors } : { values };
}
