import type * as z from 'zod';
import { singleLine } from '../../core/text/index.js';
import { once } from '../../core/once.js';

/** A field after a text rule: its normalised value, or the rule's first issue. */
export type Checked = { readonly value: string } | { readonly issue: z.core.$ZodIssue };

/** Run a field through a text rule of `core/text`; empty stays empty. */
export function clean(schema: z.ZodType<string, string>, raw: string): Checked {
  if (raw.trim() === '') return { value: '' };
  const result = schema.safeParse(raw);
  return result.success ? { value: result.data } : { issue: result.error.issues[0] as z.core.$ZodIssue };
}

/** The Swedish and English text of a rule of `core/text` that failed. */
export function ruleText(issue: z.core.$ZodIssue): { sv: string; en: string } | undefined {
  const sv = issue.code === 'custom' ? issue.params?.['sv'] : undefined;
  return typeof sv === 'string' ? { sv, en: issue.message } : undefined;
}

/** The rule of the form's single-line fields. */
export const LINE = once(() => singleLine(200));
