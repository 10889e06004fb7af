import type * as z from 'zod';
import type { FieldError } from './problem.js';

/**
 * Turn zod issues into field errors with dotted paths. Only a check that gives its own Swedish text
 * (`params.sv`, as `core/text` and the models' custom checks do) carries `sv`: staff forms show their
 * own field texts where it is absent. API answers use `bilingualFieldErrors`.
 */
export function fieldErrors(issues: readonly z.core.$ZodIssue[], prefix = ''): FieldError[] {
  return issues.map((i) => {
    const field = [prefix, ...i.path.map(String)].filter(Boolean).join('.') || '(body)';
    const sv = i.code === 'custom' && typeof i.params?.['sv'] === 'string' ? (i.params['sv'] as string) : undefined;
    return sv ? { field, message: i.message, sv } : { field, message: i.message };
  });
}

/** The Swedish words for the string formats zod checks. */
const FORMAT_SV: Readonly<Record<string, string>> = {
  url: 'Skriv en länk som börjar med https://',
  email: 'Skriv en giltig e-postadress',
  date: 'Skriv ett datum som ÅÅÅÅ-MM-DD',
  datetime: 'Skriv en tidpunkt som ÅÅÅÅ-MM-DDTtt:mm med tidszon',
  time: 'Skriv en tid som tt:mm',
  uuid: 'Skriv ett UUID',
};

/** The value a list of allowed values is shown as: at most eight, quoted when text. */
function allowed(values: readonly unknown[]): string {
  const shown = values.slice(0, 8).map((v) => (typeof v === 'string' ? `"${v}"` : String(v)));
  return `${shown.join(', ')}${values.length > 8 ? ' …' : ''}`;
}

/**
 * A Swedish message for a zod issue that carries none of its own (its kind, limit or allowed values).
 *
 * @example
 * swedishIssueText({ code: 'too_big', origin: 'string', maximum: 80, path: ['name'], message: '…' }); // 'Högst 80 tecken'
 */
export function swedishIssueText(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'Fältet får inte vara tomt' : `Minst ${issue.minimum} tecken`;
      if (issue.origin === 'array' || issue.origin === 'set') return `Minst ${issue.minimum} värden`;
      return issue.inclusive === false ? `Större än ${issue.minimum}` : `Minst ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `Högst ${issue.maximum} tecken`;
      if (issue.origin === 'array' || issue.origin === 'set') return `Högst ${issue.maximum} värden`;
      return issue.inclusive === false ? `Mindre än ${issue.maximum}` : `Högst ${issue.maximum}`;
    case 'invalid_type':
      // issues keep no input: zod's message says when nothing was given
      if (issue.input === undefined && /received undefined$/.test(issue.message)) return 'Fältet saknas';
      if (issue.expected === 'int') return 'Skriv ett heltal';
      if (issue.expected === 'number') return 'Skriv ett tal';
      if (issue.expected === 'string') return 'Skriv en text';
      if (issue.expected === 'boolean') return 'Ange true eller false';
      if (issue.expected === 'array') return 'Ange en lista';
      if (issue.expected === 'object') return 'Ange ett objekt';
      return 'Fältet har fel form';
    case 'invalid_format':
      return FORMAT_SV[issue.format] ?? 'Värdet har fel form';
    case 'invalid_value':
      return issue.values.length === 1 ? `Värdet ska vara ${allowed(issue.values)}` : `Välj ett av ${allowed(issue.values)}`;
    case 'unrecognized_keys':
      return `Okänt fält: ${issue.keys.join(', ')}`;
    case 'not_multiple_of':
      return `Ska vara en multipel av ${issue.divisor}`;
    case 'invalid_union':
      return 'Värdet passar ingen av de tillåtna formerna';
    case 'invalid_key':
      return 'Ogiltig nyckel';
    case 'invalid_element':
      return 'Ogiltigt element';
    default:
      return 'Ogiltigt värde';
  }
}

/**
 * Field errors of zod issues with a Swedish text on each: the check's own (`params.sv`, as the core
 * text rules and the models' checks give) or one made from the kind of issue. For answers of the
 * API (problem+json); a staff form that shows its own texts where a check has none reads
 * `fieldErrors` instead, so its texts keep winning over these general ones.
 */
export function bilingualFieldErrors(issues: readonly z.core.$ZodIssue[], prefix = ''): FieldError[] {
  return fieldErrors(issues, prefix).map((e, i) => (e.sv ? e : { ...e, sv: swedishIssueText(issues[i]!) }));
}
