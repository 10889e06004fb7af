import { KOLADA_GENDERS, type KoladaGender, type NationalValue } from './model.js';

/** A Kolada file that cannot be imported, in Swedish and English, naming the row, field or key; nothing was stored. */
export class NationalImportError extends Error {
  constructor(
    readonly sv: string,
    readonly en: string,
  ) {
    super(`sv: ${sv}\nen: ${en}`);
    this.name = 'NationalImportError';
  }
}

/** What a Kolada file may contain for this area. */
export interface KoladaRules {
  /** The area's indicators per KPI id. */
  readonly kpis: ReadonlyMap<string, readonly string[]>;
  /** The Kolada municipality codes of the area (its municipalities, county and Sweden). */
  readonly codes: ReadonlySet<string>;
}

/** The parsed file: values per KPI, municipality code, year and gender. */
export type ParsedKolada = Map<string, Map<string, Map<string, Partial<Record<KoladaGender, NationalValue>>>>>;

const PAGING_KEYS = new Set(['values', 'count', 'next_page', 'previous_page', 'next_url', 'previous_url', 'total_hits']);
const ROW_KEYS = new Set(['kpi', 'municipality', 'period', 'values']);
const VALUE_KEYS = new Set(['gender', 'count', 'status', 'value', 'isdeleted']);

const fail = (sv: string, en: string): never => {
  throw new NationalImportError(sv, en);
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The JSON text parsed, or a message that says whether the file was cut short. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const at = /at position (\d+)/.exec(detail);
    const atEnd = at !== null && Number(at[1]) >= text.trimEnd().length;
    if (/end of JSON|Unterminated/i.test(detail) || atEnd || text.trim() === '')
      return fail(
        `Filen är avbruten: JSON-texten tar slut för tidigt (${detail}). Hämta filen från Kolada igen.`,
        `The file is truncated: the JSON text ends too early (${detail}). Fetch the file from Kolada again.`,
      );
    return fail(`Filen är inte giltig JSON: ${detail}.`, `The file is not valid JSON: ${detail}.`);
  }
}

/** A Kolada year: a four-digit year (number or string), 1990 or later and not in the future. */
function parseYear(raw: unknown, row: number): string {
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw : '';
  const year = /^\d{4}$/.test(text) ? Number(text) : NaN;
  if (!(year >= 1990 && year <= new Date().getUTCFullYear() + 1))
    fail(
      `values[${row}].period: ${JSON.stringify(raw)} är inget år. Kolada anger perioden som ett årtal, t.ex. 2024.`,
      `values[${row}].period: ${JSON.stringify(raw)} is not a year. Kolada gives the period as a year, e.g. 2024.`,
    );
  return text;
}

function parseValue(raw: unknown, row: number, index: number): { gender: KoladaGender; value?: NationalValue } {
  const at = `values[${row}].values[${index}]`;
  if (!isObject(raw)) return fail(`${at} ska vara ett objekt.`, `${at} must be an object.`);
  for (const key of Object.keys(raw))
    if (!VALUE_KEYS.has(key))
      fail(
        `${at}: okänd nyckel "${key}" (tillåtna: gender, count, status, value, isdeleted).`,
        `${at}: unknown key "${key}" (allowed: gender, count, status, value, isdeleted).`,
      );
  const gender = raw.gender;
  if (typeof gender !== 'string' || !(KOLADA_GENDERS as readonly string[]).includes(gender))
    fail(
      `${at}.gender: ${JSON.stringify(gender)} är inget kön i Kolada (T, K eller M).`,
      `${at}.gender: ${JSON.stringify(gender)} is not a Kolada gender (T, K or M).`,
    );
  const value = raw.value ?? null;
  if (value !== null && (typeof value !== 'number' || !Number.isFinite(value)))
    fail(`${at}.value: ${JSON.stringify(value)} är inget tal.`, `${at}.value: ${JSON.stringify(value)} is not a number.`);
  const count = raw.count ?? undefined;
  if (count !== undefined && !(Number.isInteger(count) && (count as number) >= 0))
    fail(`${at}.count: ${JSON.stringify(count)} är inget antal.`, `${at}.count: ${JSON.stringify(count)} is not a count.`);
  const status = raw.status ?? undefined;
  if (status !== undefined && typeof status !== 'string') fail(`${at}.status ska vara text.`, `${at}.status must be text.`);
  const deleted = raw.isdeleted ?? false;
  if (typeof deleted !== 'boolean') fail(`${at}.isdeleted ska vara true eller false.`, `${at}.isdeleted must be true or false.`);
  if (deleted) return { gender: gender as KoladaGender };
  return {
    gender: gender as KoladaGender,
    value: {
      value: value as number | null,
      ...(status ? { status: status as string } : {}),
      ...(count !== undefined ? { count: count as number } : {}),
    },
  };
}

/**
 * Parse a Kolada API v3 data answer (`/v3/data/kpi/{kpi}/municipality/{m}/year/{y}` and the like):
 * `{ values: [{ kpi, municipality, period, values: [{ gender, count, status, value, isdeleted }] }],
 * count, next_page, previous_page }`. Every row must name a KPI mapped to one of the area's
 * indicators and a municipality code of the area; a value Kolada marks as deleted is left out.
 * Throws `NationalImportError` naming the row and field at the first problem.
 */
export function parseKolada(text: string, rules: KoladaRules): ParsedKolada {
  const doc = parseJson(text);
  if (!isObject(doc) || !Array.isArray(doc.values))
    fail(
      'Filen har inte Koladas form: ett objekt med listan "values" (svaret från Kolada API v3, /v3/data/…).',
      'The file does not have Kolada\'s shape: an object with the list "values" (the answer of Kolada API v3, /v3/data/…).',
    );
  const top = doc as { values: unknown[]; count?: unknown; next_page?: unknown; next_url?: unknown };
  for (const key of Object.keys(top))
    if (!PAGING_KEYS.has(key))
      fail(
        `Okänd nyckel "${key}" överst i filen (tillåtna: values, count, next_page, previous_page).`,
        `Unknown key "${key}" at the top of the file (allowed: values, count, next_page, previous_page).`,
      );
  if (top.count !== undefined && top.count !== top.values.length)
    fail(
      `count är ${JSON.stringify(top.count)} men values har ${top.values.length} rader: filen är ofullständig.`,
      `count is ${JSON.stringify(top.count)} but values has ${top.values.length} rows: the file is incomplete.`,
    );
  const next = top.next_page ?? top.next_url;
  if (next !== undefined && next !== null && next !== '')
    fail(
      `next_page är satt: filen är bara en sida av svaret. Hämta alla sidor (eller fler rader per sida) och importera en fil.`,
      `next_page is set: the file is only one page of the answer. Fetch every page (or more rows per page) and import one file.`,
    );
  if (top.values.length === 0) fail('values är tom: filen har inga värden.', 'values is empty: the file has no values.');
  const out: ParsedKolada = new Map();
  top.values.forEach((raw, row) => {
    if (!isObject(raw)) fail(`values[${row}] ska vara ett objekt.`, `values[${row}] must be an object.`);
    const r = raw as Record<string, unknown>;
    for (const key of Object.keys(r))
      if (!ROW_KEYS.has(key))
        fail(
          `values[${row}]: okänd nyckel "${key}" (tillåtna: kpi, municipality, period, values).`,
          `values[${row}]: unknown key "${key}" (allowed: kpi, municipality, period, values).`,
        );
    const kpi = r.kpi;
    if (typeof kpi !== 'string' || !rules.kpis.has(kpi))
      fail(
        `values[${row}].kpi: ${JSON.stringify(kpi)} motsvarar ingen indikator i området (kända: ${[...rules.kpis.keys()].join(', ') || 'inga'}). Ange koladaKpi på indikatorn i konfigurationen först.`,
        `values[${row}].kpi: ${JSON.stringify(kpi)} is not mapped to any indicator of the area (known: ${[...rules.kpis.keys()].join(', ') || 'none'}). Set koladaKpi on the indicator in the config first.`,
      );
    const code = r.municipality;
    if (typeof code !== 'string' || !rules.codes.has(code))
      fail(
        `values[${row}].municipality: ${JSON.stringify(code)} är ingen kommun i området, och inte länet eller riket (${[...rules.codes].join(', ')}).`,
        `values[${row}].municipality: ${JSON.stringify(code)} is not a municipality of the area, nor its county or Sweden (${[...rules.codes].join(', ')}).`,
      );
    const year = parseYear(r.period, row);
    if (!Array.isArray(r.values))
      fail(`values[${row}].values ska vara en lista med värden per kön.`, `values[${row}].values must be a list of values per gender.`);
    const byCode = out.get(kpi as string) ?? new Map<string, Map<string, Partial<Record<KoladaGender, NationalValue>>>>();
    out.set(kpi as string, byCode);
    const byYear = byCode.get(code as string) ?? new Map<string, Partial<Record<KoladaGender, NationalValue>>>();
    byCode.set(code as string, byYear);
    const genders = byYear.get(year) ?? {};
    byYear.set(year, genders);
    (r.values as unknown[]).forEach((v, index) => {
      const parsed = parseValue(v, row, index);
      if (!parsed.value) return;
      if (genders[parsed.gender])
        fail(
          `values[${row}].values[${index}]: ${kpi as string} ${code as string} ${year} kön ${parsed.gender} finns redan i filen.`,
          `values[${row}].values[${index}]: ${kpi as string} ${code as string} ${year} gender ${parsed.gender} is already in the file.`,
        );
      genders[parsed.gender] = parsed.value;
    });
  });
  // a year whose every value Kolada marks as deleted is left out, and so is a code left empty
  for (const byCode of out.values())
    for (const [code, byYear] of byCode) {
      for (const [year, genders] of byYear) if (Object.keys(genders).length === 0) byYear.delete(year);
      if (byYear.size === 0) byCode.delete(code);
    }
  return out;
}
