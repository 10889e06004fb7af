import * as z from 'zod';

/**
 * Text that people type: names, titles, descriptions. Normalised to NFC; single-line fields refuse
 * control characters (C0, C1, DEL, line and paragraph separators) and bidirectional overrides and
 * isolates; every field refuses text with no visible character (e.g. only zero-width spaces).
 */

// C0 and C1 controls and DEL, plus U+2028/U+2029 (line/paragraph separators).
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const CONTROL_SINGLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;
// Multi-line text may hold tab, LF and CR (normalised to LF), nothing else below U+0020.
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const CONTROL_MULTI = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;
// Lone surrogates (not text; they turn into U+FFFD on the way to UTF-8) and noncharacters.
const NOT_TEXT = /[\p{Cs}\p{Noncharacter_Code_Point}]/u;
// Bidirectional embeddings, overrides and isolates (Trojan Source), and the Arabic letter mark.
const BIDI = /[\u202a-\u202e\u2066-\u2069\u061c]/u;
// Characters that show nothing: white space, format characters (zero-width, soft hyphen, word joiner,
// BOM, …), Unicode's default-ignorable code points (Hangul fillers, variation selectors, tags, …),
// the blank Braille pattern, and combining marks on their own.
const INVISIBLE = /^[\s\p{Cf}\p{Zs}\p{Default_Ignorable_Code_Point}\u2800\p{M}]*$/u;

/** Why a piece of text is refused, in Swedish and English; `undefined` when it is fine. */
export function textProblem(
  value: string,
  options: { readonly multiline?: boolean } = {},
): { readonly sv: string; readonly en: string } | undefined {
  if ((options.multiline ? CONTROL_MULTI : CONTROL_SINGLE).test(value))
    return options.multiline
      ? { sv: 'Texten innehåller otillåtna styrtecken', en: 'The text contains control characters' }
      : {
          sv: 'Fältet får inte innehålla radbrytningar eller styrtecken',
          en: 'The field may not contain line breaks or control characters',
        };
  if (NOT_TEXT.test(value))
    return { sv: 'Texten innehåller tecken som inte är text', en: 'The text contains code points that are not characters' };
  if (BIDI.test(value))
    return { sv: 'Texten innehåller tecken som vänder skriftriktningen', en: 'The text contains bidirectional override characters' };
  if (INVISIBLE.test(value)) return { sv: 'Texten har inget synligt tecken', en: 'The text has no visible character' };
  return undefined;
}

/** Normalise typed text: NFC, every line end (CRLF, CR, U+2028, U+2029) to LF, trimmed. */
export function normaliseText(value: string): string {
  return value
    .normalize('NFC')
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .trim();
}

/**
 * A custom issue with its Swedish text beside the English message, so problem+json carries both.
 *
 * @example
 * .superRefine((a, ctx) => { if (a.ends < a.starts) bilingualIssue(ctx, ['ends'], 'Ends before it starts', 'Slutar innan den börjar'); })
 */
export function bilingualIssue(ctx: z.RefinementCtx, path: PropertyKey[], en: string, sv: string): void {
  ctx.addIssue({ code: 'custom', path, message: en, params: { sv } });
}

/** Length limits as custom issues, so their Swedish text reaches problem+json like the rest. */
function checkLength(value: string, ctx: z.RefinementCtx, min: number, max: number): boolean {
  if (value.length < min) {
    ctx.addIssue({ code: 'custom', message: 'Required', params: { sv: 'Fältet måste fyllas i' } });
    return false;
  }
  if (value.length > max) {
    ctx.addIssue({ code: 'custom', message: `At most ${max} characters`, params: { sv: `Högst ${max} tecken` } });
    return false;
  }
  return true;
}

/**
 * A zod schema for a single-line field (name, title): NFC, trimmed, 1–`max` characters, no control
 * or bidi-override characters, at least one visible character. The message is English; the
 * Swedish text rides along in `params.sv` for problem+json.
 *
 * @example
 * const name = singleLine(200); name.parse('  Mottagning\u0301 ') // → 'Mottagninǵ' in NFC
 */
export function singleLine(max: number) {
  return z
    .string()
    .transform(normaliseText)
    .superRefine((value, ctx) => {
      if (!checkLength(value, ctx, 1, max)) return;
      const problem = textProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem.en, params: { sv: problem.sv } });
    });
}

/**
 * A zod schema for multi-line text (description, message): NFC, line ends as LF, trimmed, at most
 * `max` characters, no control characters other than tab and line feed, no bidi overrides. Empty is
 * allowed unless `required`; when not empty it must have a visible character.
 */
export function multiLine(max: number, options: { readonly required?: boolean } = {}) {
  return z
    .string()
    .transform(normaliseText)
    .superRefine((value, ctx) => {
      if (!checkLength(value, ctx, options.required ? 1 : 0, max) || value === '') return;
      const problem = textProblem(value, { multiline: true });
      if (problem) ctx.addIssue({ code: 'custom', message: problem.en, params: { sv: problem.sv } });
    });
}
