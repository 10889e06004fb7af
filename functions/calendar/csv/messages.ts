import type * as z from 'zod';
import { bilingualFieldErrors } from '../../core/http/field-messages.js';
import type { FieldError } from '../../core/http/problem.js';

/**
 * Field errors of the calendar's zod issues with a Swedish text on each (see `bilingualFieldErrors`):
 * the calendar's only number, the seats, is a whole number, so a number that is not one says so.
 */
export function calendarFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return bilingualFieldErrors(issues).map((e, i) => {
    const issue = issues[i];
    return issue?.code === 'invalid_type' && issue.expected === 'number' && !/received undefined$/.test(issue.message)
      ? { ...e, sv: 'Skriv ett heltal' }
      : e;
  });
}
