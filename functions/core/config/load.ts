import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument, type Document, type Node as YamlNode, type Pair } from 'yaml';
import type * as z from 'zod';
import { countyConfigSchema } from './rules.js';
import { splitMessage, type CountyConfig } from './schema.js';

/** One problem in a config file, located by file, line and key path. */
export interface ConfigProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** Dotted key path, e.g. `municipalities[2].code`. */
  readonly key: string;
  readonly sv: string;
  readonly en: string;
}

/** Thrown when a config file cannot be used; `message` lists every problem in both languages. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ConfigError';
  }
}

/** `file:line:column key — Swedish message / English message`, one line per problem. */
export function formatProblem(p: ConfigProblem): string {
  return `${p.file}:${p.line}:${p.column} ${p.key || '(root)'}\n  sv: ${p.sv}\n  en: ${p.en}`;
}

function keyPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part)),
    '',
  );
}

/**
 * Find the node that best marks `path` in the document: the value, else its nearest parent. When
 * the whole path is found and its value is a scalar, `written` is that value exactly as typed.
 */
function locate(doc: Document, path: readonly PropertyKey[], unknownKey?: string): { offset: number; written?: string } {
  let node: unknown = doc.contents;
  let offset = 0;
  let complete = true;
  const mark = (n: unknown) => {
    const range = (n as YamlNode | undefined)?.range;
    if (range) offset = range[0];
  };
  mark(node);
  for (const part of unknownKey === undefined ? path : [...path, unknownKey]) {
    if (isMap(node)) {
      const pair = node.items.find((p: Pair) => isScalar(p.key) && p.key.value === part);
      if (!pair) {
        complete = false;
        break;
      }
      // For an unknown key, point at the key itself; otherwise at the value.
      mark(part === unknownKey ? pair.key : (pair.value ?? pair.key));
      node = pair.value;
    } else if (node && typeof node === 'object' && 'items' in node && typeof part === 'number') {
      node = (node as { items: unknown[] }).items[part];
      mark(node);
    } else {
      complete = false;
      break;
    }
  }
  const written = complete && isScalar(node) && typeof node.source === 'string' ? node.source : undefined;
  return { offset, written };
}

const messages: Record<string, (issue: z.core.$ZodIssue, written?: string) => { sv: string; en: string }> = {
  invalid_type: (i, written) =>
    i.input === undefined ? { sv: 'Nyckeln saknas men måste finnas.', en: 'This key is missing but required.' } : wrongType(i, written),
  too_small: (i) => ({
    sv: `Värdet är för litet eller för kort (minst ${minimum(i)}).`,
    en: `The value is too small or too short (at least ${minimum(i)}).`,
  }),
  too_big: (i) => ({
    sv: `Värdet är för stort eller för långt (högst ${maximum(i)}).`,
    en: `The value is too large or too long (at most ${maximum(i)}).`,
  }),
  invalid_value: (i, written) => {
    const found = i.input === undefined ? '' : ` ${quoteWritten(i.input, written)}`;
    return { sv: `Ogiltigt värde${found}. Tillåtna värden: ${allowed(i)}.`, en: `Invalid value${found}. Allowed values: ${allowed(i)}.` };
  },
  invalid_union: () => ({ sv: 'Värdet har inte någon av de tillåtna formerna.', en: 'The value has none of the allowed forms.' }),
  invalid_format: () => ({ sv: 'Värdet har fel format.', en: 'The value has the wrong format.' }),
};

const TYPE_NAMES: Record<string, { sv: string; en: string }> = {
  string: { sv: 'text', en: 'text' },
  number: { sv: 'ett tal', en: 'a number' },
  int: { sv: 'ett heltal', en: 'a whole number' },
  boolean: { sv: 'true eller false', en: 'true or false' },
  array: { sv: 'en lista', en: 'a list' },
  object: { sv: 'en uppsättning nycklar', en: 'a set of keys' },
  null: { sv: 'ett tomt värde', en: 'an empty value' },
};

/** What kind of value YAML made of what was written. */
function kindOf(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  return typeof input === 'number' && Number.isInteger(input) ? 'number' : typeof input;
}

/** The value as written in the file (or as YAML read it), shortened and quoted for a message. */
function quoteWritten(input: unknown, written?: string): string {
  const text = written ?? (typeof input === 'string' ? input : (JSON.stringify(input) ?? String(input)));
  return `"${text.length > 40 ? `${text.slice(0, 39)}…` : text}"`;
}

/** A value of the wrong type: what was expected, what was found, and how to write it. */
function wrongType(i: z.core.$ZodIssue, written?: string): { sv: string; en: string } {
  const expected = 'expected' in i ? String(i.expected) : '';
  const want = TYPE_NAMES[expected] ?? { sv: expected, en: expected };
  const kind = kindOf(i.input);
  const got = TYPE_NAMES[kind] ?? { sv: kind, en: kind };
  const scalar = i.input === null || typeof i.input !== 'object';
  const shown = scalar && i.input !== null ? ` (${quoteWritten(i.input, written)})` : '';
  const text = written ?? (scalar ? String(i.input) : '');
  // YAML reads 0580 as the number 580: say so, since the file shows the zero.
  const read =
    typeof i.input === 'number' && written !== undefined && written !== String(i.input)
      ? { sv: ` YAML läser ${written} som talet ${i.input}.`, en: ` YAML reads ${written} as the number ${i.input}.` }
      : { sv: '', en: '' };
  const hint =
    expected === 'string' && scalar && i.input !== null
      ? {
          sv: `${read.sv} Skriv värdet inom citattecken: '${text}'.`,
          en: `${read.en} Put the value in quotes: '${text}'.`,
        }
      : (expected === 'number' || expected === 'int') && typeof i.input === 'string'
        ? {
            sv: ' Skriv talet med siffror och utan citattecken, till exempel 5.',
            en: ' Write the number in digits and without quotes, e.g. 5.',
          }
        : expected === 'boolean' && scalar
          ? { sv: ' Skriv true eller false.', en: ' Write true or false.' }
          : { sv: '', en: '' };
  return {
    sv: `Fel typ av värde: här ska stå ${want.sv}, men det står ${got.sv}${shown}.${hint.sv}`,
    en: `Wrong kind of value: expected ${want.en}, found ${got.en}${shown}.${hint.en}`,
  };
}

const minimum = (i: z.core.$ZodIssue) => ('minimum' in i ? String(i.minimum) : '?');
const maximum = (i: z.core.$ZodIssue) => ('maximum' in i ? String(i.maximum) : '?');
const allowed = (i: z.core.$ZodIssue) => ('values' in i ? (i.values as unknown[]).map((v) => JSON.stringify(v)).join(', ') : '');

function describe(issue: z.core.$ZodIssue, written?: string): { sv: string; en: string } {
  return splitMessage(issue.message) ?? messages[issue.code]?.(issue, written) ?? { sv: 'Ogiltigt värde.', en: issue.message };
}

/**
 * Parse and validate config text. Returns the typed config or throws `ConfigError` naming file,
 * line and key of every problem.
 *
 * @example
 * const config = parseConfig(readFileSync('config/jamtland.yaml', 'utf8'), 'config/jamtland.yaml');
 */
export function parseConfig(source: string, file: string): CountyConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => lineCounter.linePos(offset);
  if (doc.errors.length > 0) {
    throw new ConfigError(
      doc.errors.map((e) => {
        const pos = at(e.pos[0]);
        return {
          file,
          line: pos.line,
          column: pos.col,
          key: '',
          sv: `Filen är inte giltig YAML: ${e.code === 'DUPLICATE_KEY' ? 'samma nyckel står två gånger' : 'kontrollera indrag, kolon och citattecken'}.`,
          en: `The file is not valid YAML: ${e.message.split('\n')[0]}`,
        };
      }),
    );
  }
  // reportInput: without it zod 4 leaves `input` out of issues, and a wrong type reads as missing.
  const result = countyConfigSchema.safeParse(doc.toJS(), { reportInput: true });
  if (result.success) {
    const stem = basename(file).replace(/\.ya?ml$/, '');
    if (stem !== result.data.id && !file.startsWith('<')) {
      const pos = at(locate(doc, ['id']).offset);
      throw new ConfigError([
        {
          file,
          line: pos.line,
          column: pos.col,
          key: 'id',
          sv: `id ska vara samma som filnamnet ("${stem}").`,
          en: `id must equal the file name ("${stem}").`,
        },
      ]);
    }
    return result.data;
  }
  const problems = result.error.issues.flatMap((issue): ConfigProblem[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const pos = at(locate(doc, issue.path, key).offset);
        return {
          file,
          line: pos.line,
          column: pos.col,
          key: keyPath([...issue.path, key]),
          sv: `Okänd nyckel "${key}". Kontrollera stavningen mot docs/konfiguration.md.`,
          en: `Unknown key "${key}". Check the spelling against docs/konfiguration.md.`,
        };
      });
    }
    const { offset, written } = locate(doc, issue.path);
    const pos = at(offset);
    return [{ file, line: pos.line, column: pos.col, key: keyPath(issue.path), ...describe(issue, written) }];
  });
  throw new ConfigError(problems.sort((a, b) => a.line - b.line || a.column - b.column));
}

/** Read and validate one config file from disk (see `parseConfig`). */
export function loadConfigFile(file: string): CountyConfig {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    throw new ConfigError([{ file, line: 1, column: 1, key: '', sv: 'Filen kunde inte läsas.', en: 'The file could not be read.' }]);
  }
  return parseConfig(source, file);
}
