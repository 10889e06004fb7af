import type * as z from 'zod';
import { fieldErrors } from '../../core/http/body.js';
import type { FieldError } from '../../core/http/problem.js';

/** A Swedish message for a zod issue that carries none of its own. */
function swedish(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'Fältet får inte vara tomt' : `Minst ${issue.minimum} tecken`;
      if (issue.origin === 'array') return `Minst ${issue.minimum} värden`;
      return `Minst ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `Högst ${issue.maximum} tecken`;
      if (issue.origin === 'array') return `Högst ${issue.maximum} värden`;
      return `Högst ${issue.maximum}`;
    case 'invalid_type':
      return issue.expected === 'number' || issue.expected === 'int' ? 'Skriv ett heltal' : 'Fältet saknas eller har fel form';
    case 'invalid_format':
      return issue.format === 'url' ? 'Skriv en länk som börjar med https://' : 'Värdet har fel form';
    default:
      return 'Ogiltigt värde';
  }
}

/**
 * Field errors of zod issues with a Swedish text on each: the check's own (`params.sv`, as the
 * core text rules and the calendar's checks give) or one made from the kind of issue.
 */
export function bilingualFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  const base = fieldErrors(issues);
  return base.map((e, i) => (e.sv ? e : { ...e, sv: swedish(issues[i]!) }));
}
