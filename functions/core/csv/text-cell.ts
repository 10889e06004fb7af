/**
 * How a text cell survives a spreadsheet. A cell a spreadsheet would run as a formula (it starts with
 * `=`, `+`, `-`, `@`, tab or carriage return; OWASP CSV injection) or turn into a number or date
 * (`0580` → 580, `65+` → 65, `2026-03-10`) is written with a leading apostrophe. LibreOffice Calc and
 * Excel keep such a cell as text, apostrophe included, and save it back unchanged; the import drops
 * exactly the apostrophe the export added, so export → spreadsheet → import gives the original text.
 *
 * The rule is a bijection: `protect` prefixes `'` when `needsApostrophe(text)`; a text that itself
 * starts with `'` followed by such a text is prefixed once more, so `restore` can tell the two apart.
 */

/**
 * Text a spreadsheet may run as a formula (it starts with tab or CR, or its first character after
 * any white space, which a reader may trim, is `=`, `+`, `-` or `@`) or read as a number, date or
 * time (a digit, then digits and number punctuation only), after any apostrophes of its own.
 */
const NEEDS_APOSTROPHE = /^'*(?:[\t\r]|\s*[=+\-@]|[0-9][0-9eE .,:/+-]*$)/;

/** Whether the writer puts an apostrophe before `text`. */
export const needsApostrophe = (text: string): boolean => NEEDS_APOSTROPHE.test(text);

/** The cell text for `text`: prefixed with `'` when a spreadsheet would otherwise run or convert it. */
export const protect = (text: string): string => (needsApostrophe(text) ? `'${text}` : text);

/** Undo `protect`: drops the one apostrophe the writer added, and nothing else. */
export const restore = (cell: string): string => (cell.startsWith("'") && needsApostrophe(cell.slice(1)) ? cell.slice(1) : cell);

/** A cell that hides a formula behind a leading tab or carriage return (trimming would expose it). */
export const hiddenFormula = (cell: string): boolean => /^\s*[\t\r]\s*[=+\-@]/.test(cell);
