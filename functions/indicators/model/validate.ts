import type { CountyConfig, IndicatorDefinition } from '../../core/config/schema.js';
import type { FieldError } from '../../core/http/problem.js';
import { UNIT_RULES } from './units.js';
import { isMunicipality, RESIDENCE_PREFIX } from './single-reporter.js';
import { cellKey, TOTAL, type Category, type Dimension } from './cells.js';
import type { CellValues } from './report.js';

/** A report as sent by a client (JSON body or one group of CSV rows), before validation. */
export interface ReportInput {
  readonly status?: unknown;
  readonly value?: unknown;
  readonly breakdown?: unknown;
  readonly denominator?: unknown;
  readonly denominators?: unknown;
  readonly participated?: unknown;
  readonly note?: unknown;
  readonly reason?: unknown;
  readonly sample?: unknown;
}

/** A validated report, ready to store. */
export interface ValidReport {
  readonly status: 'reported' | 'not-applicable';
  readonly cells: CellValues;
  readonly denominators: CellValues;
  /** Joint cases taken part in but not convened (single-reporter indicators only; staff-only). */
  readonly participated?: number;
  readonly note?: string;
  readonly reason?: string;
  readonly sample?: true;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Who reports, for the checks that depend on it: the municipality of residence split. */
export interface Reporter {
  readonly organization: string;
  readonly config: Pick<CountyConfig, 'municipalities'>;
}

/**
 * Validate a report for one indicator. Every problem is named by its field (`value`,
 * `breakdown.gender.K`, `denominator`); nothing is accepted unless all of it is valid. With
 * `reporter`, a region-side organisation may split a count by municipality of residence
 * (`breakdown.residence`, see `residenceCells`).
 */
export function validateReport(
  def: IndicatorDefinition,
  categories: Record<Dimension, readonly Category[]>,
  raw: ReportInput,
  reporter?: Reporter,
): ValidReport | FieldError[] {
  const errors: FieldError[] = [];
  const { input, residence } = reporter ? withoutResidence(raw) : { input: raw, residence: undefined };
  const rule = UNIT_RULES[def.unit];
  const status = input.status ?? 'reported';
  if (status !== 'reported' && status !== 'not-applicable') {
    return [{ field: 'status', message: 'Expected "reported" or "not-applicable"', sv: 'Ange "reported" eller "not-applicable"' }];
  }
  const text = (field: 'note' | 'reason'): string | undefined => {
    const v = input[field];
    if (v === undefined || v === null || v === '') return undefined;
    if (typeof v !== 'string' || v.length > 500)
      errors.push({ field, message: 'Expected text of at most 500 characters', sv: 'Högst 500 tecken text' });
    return typeof v === 'string' ? v : undefined;
  };
  const note = text('note');
  const reason = text('reason');
  if (input.sample !== undefined && typeof input.sample !== 'boolean')
    errors.push({ field: 'sample', message: 'Expected true or false', sv: 'Ange true eller false' });
  const sample = input.sample === true ? { sample: true as const } : {};
  const participated = participation(def, input.participated, errors);
  if (status === 'not-applicable') {
    for (const field of ['value', 'breakdown', 'denominator', 'denominators', 'participated'] as const)
      if ((input[field] !== undefined && input[field] !== null) || (field === 'breakdown' && residence !== undefined))
        errors.push({
          field,
          message: 'Leave out figures when the indicator does not apply',
          sv: 'Lämna inga siffror när indikatorn inte är tillämplig',
        });
    return errors.length ? errors : { status, cells: {}, denominators: {}, note, reason, ...sample };
  }
  const cells: CellValues = {};
  const denominators: CellValues = {};
  const checkValue = (field: string, v: unknown): number | undefined => {
    if (!isNumber(v) || !rule.check(v)) {
      errors.push({ field, message: `Expected ${rule.en}`, sv: `Ange ${rule.sv}` });
      return undefined;
    }
    return v;
  };
  const checkDenominator = (field: string, v: unknown): number | undefined => {
    if (!isNumber(v) || !UNIT_RULES.count.check(v)) {
      errors.push({
        field,
        message: 'Expected the number of persons: a whole number, 0 or more',
        sv: 'Ange antalet personer: ett heltal, 0 eller mer',
      });
      return undefined;
    }
    return v;
  };
  if (input.value === undefined || input.value === null)
    errors.push({ field: 'value', message: 'Required: the total', sv: 'Totalen krävs' });
  else {
    const v = checkValue('value', input.value);
    if (v !== undefined) cells[TOTAL] = v;
  }
  const walk = (field: 'breakdown' | 'denominators', raw: unknown, each: (path: string, key: string, v: unknown) => void) => {
    if (raw === undefined || raw === null) return;
    if (!isRecord(raw))
      return void errors.push({ field, message: 'Expected an object of dimensions', sv: 'Ange ett objekt med nedbrytningar' });
    for (const [dimension, values] of Object.entries(raw)) {
      const path = `${field}.${dimension}`;
      if (!def.breakdown.includes(dimension as Dimension)) {
        errors.push({
          field: path,
          message: `This indicator has no breakdown "${dimension}" (it has: ${def.breakdown.join(', ') || 'none'})`,
          sv: `Indikatorn har ingen nedbrytning "${dimension}"`,
        });
        continue;
      }
      if (!isRecord(values)) {
        errors.push({ field: path, message: 'Expected an object of categories', sv: 'Ange ett objekt med kategorier' });
        continue;
      }
      const codes = categories[dimension as Dimension].map((c) => c.code);
      for (const [code, v] of Object.entries(values)) {
        if (!codes.includes(code))
          errors.push({ field: `${path}.${code}`, message: `Unknown category; expected one of ${codes.join(', ')}`, sv: 'Okänd kategori' });
        else each(`${path}.${code}`, cellKey(dimension as Dimension, code), v);
      }
      if (field === 'breakdown') {
        const missing = codes.filter((c) => !(c in values));
        if (missing.length)
          errors.push({
            field: path,
            message: `Give every category of the breakdown (0 is fine): missing ${missing.join(', ')}`,
            sv: `Ange alla kategorier (0 går bra): ${missing.join(', ')} saknas`,
          });
      }
    }
  };
  walk('breakdown', input.breakdown, (path, key, v) => {
    const n = checkValue(path, v);
    if (n !== undefined) cells[key] = n;
  });
  if (input.denominator !== undefined && input.denominator !== null) {
    const d = checkDenominator('denominator', input.denominator);
    if (d !== undefined) denominators[TOTAL] = d;
  } else if (def.unit !== 'count' && !def.weight)
    errors.push({
      field: 'denominator',
      message: 'Required for a share, mean or median: the number of persons behind the figure',
      sv: 'Krävs för andelar, medelvärden och medianer: antalet personer bakom siffran',
    });
  walk('denominators', input.denominators, (path, key, v) => {
    const d = checkDenominator(path, v);
    if (d !== undefined) denominators[key] = d;
  });
  if (def.unit === 'count' && errors.length === 0 && isRecord(input.breakdown)) {
    for (const dimension of Object.keys(input.breakdown)) {
      const sum = categories[dimension as Dimension].reduce((s, c) => s + (cells[cellKey(dimension as Dimension, c.code)] ?? 0), 0);
      if (sum !== cells[TOTAL]) {
        const what = dimension === 'gender' ? 'the sum of K and M' : `the sum of the ${dimension} categories`;
        errors.push({
          field: `breakdown.${dimension}`,
          message: `The total (${cells[TOTAL]}) must equal ${what} (${sum})`,
          sv: `Totalen (${cells[TOTAL]}) ska vara lika med summan av kategorierna (${sum})`,
        });
      }
    }
  }
  if (residence !== undefined && reporter) Object.assign(cells, residenceCells(def, reporter, residence, cells[TOTAL], errors));
  return errors.length
    ? errors
    : { status, cells, denominators, ...(participated !== undefined ? { participated } : {}), note, reason, ...sample };
}

/** The input with `breakdown.residence` taken out (it is checked apart: see `residenceCells`). */
function withoutResidence(input: ReportInput): { input: ReportInput; residence: unknown } {
  if (!isRecord(input.breakdown) || !('residence' in input.breakdown)) return { input, residence: undefined };
  const { residence, ...rest } = input.breakdown;
  return { input: { ...input, breakdown: Object.keys(rest).length ? rest : undefined }, residence };
}

/**
 * The municipality of residence split of a region-side count (`breakdown.residence`: `{"2380": 3}`):
 * only the region and its units give one (a municipality's residents are its own), only for
 * counts summed over the area, only municipalities of the area, whole numbers 0 or more, and the
 * split may leave part of the total without a residence but never add up to more than the total.
 * Returns the cells (`residence:2380`); errors name the field.
 */
function residenceCells(
  def: IndicatorDefinition,
  reporter: Reporter,
  raw: unknown,
  total: number | undefined,
  errors: FieldError[],
): CellValues {
  const field = 'breakdown.residence';
  const fail = (message: string, sv: string, at = field) => void errors.push({ field: at, message, sv });
  if (def.unit !== 'count' || def.aggregate !== 'sum')
    return (
      fail('Only counts summed over the area can be split by municipality of residence', 'Bara antal kan delas upp på hemkommun'),
      {}
    );
  if (isMunicipality(reporter.config, reporter.organization))
    return (
      fail(
        "A municipality's figures are for its own residents; only the region and its units split by municipality of residence",
        'En kommuns siffror gäller dess egna invånare; bara regionen och dess enheter delar upp på hemkommun',
      ),
      {}
    );
  if (!isRecord(raw)) return (fail('Expected an object of municipality codes', 'Ange ett objekt med kommunkoder'), {});
  const cells: CellValues = {};
  let sum = 0;
  for (const [code, v] of Object.entries(raw)) {
    const at = `${field}.${code}`;
    if (!isMunicipality(reporter.config, code)) {
      fail(
        `"${code.slice(0, 20)}" is not a municipality of this area (expected one of ${reporter.config.municipalities.map((m) => m.code).join(', ')})`,
        `"${code.slice(0, 20)}" är inte en kommun i området`,
        at,
      );
      continue;
    }
    if (!isNumber(v) || !UNIT_RULES.count.check(v)) {
      fail('Expected a whole number, 0 or more', 'Ange ett heltal, 0 eller mer', at);
      continue;
    }
    cells[`${RESIDENCE_PREFIX}${code}`] = v;
    sum += v;
  }
  if (total !== undefined && sum > total)
    fail(
      `The residence split adds up to ${sum}, more than the total (${total})`,
      `Uppdelningen på hemkommun blir ${sum}, mer än totalen (${total})`,
    );
  return cells;
}

/** `participated`: a whole number 0 or more, for indicators under the single-reporter rule only. */
function participation(def: IndicatorDefinition, raw: unknown, errors: FieldError[]): number | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (def.counting !== 'single-reporter') {
    errors.push({
      field: 'participated',
      message: 'Only indicators under the single-reporter counting rule take a participation count',
      sv: 'Bara indikatorer med räkneregeln en rapportör per fall tar emot antal deltaganden',
    });
    return undefined;
  }
  if (isNumber(raw) && UNIT_RULES.count.check(raw)) return raw;
  errors.push({
    field: 'participated',
    message: 'Expected the number of joint cases taken part in: a whole number, 0 or more',
    sv: 'Ange antalet gemensamma fall ni deltog i: ett heltal, 0 eller mer',
  });
  return undefined;
}
