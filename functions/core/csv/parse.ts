import { BOM, type CsvLocale } from './dialect.js';
import { hiddenFormula, restore } from './text-cell.js';

/** One record of a parsed file: its row as a spreadsheet numbers it (the header is row 1) and its cells. */
export interface CsvRow {
  readonly row: number;
  readonly cells: string[];
}

/** A parsed file: the records that hold any text, and the dialect read from the header. */
export interface CsvTable {
  readonly rows: CsvRow[];
  readonly separator: ';' | ',';
  readonly locale: CsvLocale;
}

/**
 * A file the parser refuses, at a row (1 = header) and column (1 = A). `message` and `sv` name the
 * place; `reason` says what is wrong without it (for a list that names row and column itself).
 */
export class CsvError extends Error {
  readonly sv: string;
  constructor(
    readonly row: number,
    readonly column: number,
    readonly reason: { readonly sv: string; readonly en: string },
  ) {
    super(`Row ${row}, column ${columnLetter(column)}: ${reason.en}`);
    this.sv = `Rad ${row}, kolumn ${columnLetter(column)}: ${reason.sv}`;
    this.name = 'CsvError';
  }
}

/** The spreadsheet letter of a 1-based column: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let n = column;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** `;` unless the header line (outside quotes) has a `,` and no `;`. */
function detectSeparator(text: string): ';' | ',' {
  let quoted = false;
  let comma = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (ch === ';') return ';';
    else if (ch === ',') comma = true;
    else if (ch === '\n' || ch === '\r') break;
  }
  return comma ? ',' : ';';
}

/**
 * Scan `text` (no BOM) into records, numbering rows as a spreadsheet shows them: a quoted line
 * break stays in its row, a blank line is a row. Returns where it ended too.
 */
function scan(text: string, separator: string) {
  const rows: { row: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let wasQuoted = false;
  let quoted = false;
  let row = 1;
  let quoteRow = 0;
  let quoteColumn = 0;
  const endCell = () => {
    cells.push(cell);
    cell = '';
    wasQuoted = false;
  };
  const endRow = () => {
    endCell();
    rows.push({ row, cells });
    row++;
    cells = [];
  };
  // the next separator or line end, to copy a run of plain text at once
  const plainEnd = new RegExp(`[${separator}\\r\\n]`, 'g');
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      const next = text.indexOf('"', i);
      if (next === -1) {
        cell += text.slice(i);
        break;
      }
      cell += text.slice(i, next);
      if (text[next + 1] === '"') {
        cell += '"';
        i = next + 2;
      } else {
        quoted = false;
        i = next + 1;
      }
    } else if (ch === '"' && cell === '' && !wasQuoted) {
      quoted = true;
      wasQuoted = true;
      quoteRow = row;
      quoteColumn = cells.length + 1;
      i++;
    } else if (ch === separator) {
      endCell();
      i++;
    } else if (ch === '\n' || ch === '\r') {
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      endRow();
    } else {
      plainEnd.lastIndex = i;
      const end = plainEnd.exec(text)?.index ?? text.length;
      cell += text.slice(i, end);
      i = end;
    }
  }
  return {
    rows,
    quoted,
    quoteRow,
    quoteColumn,
    row,
    column: cells.length + 1,
    pending: cell !== '' || wasQuoted || cells.length > 0,
    endRow,
  };
}

/** The text of UTF-8 bytes, or a `CsvError` at the row and column of the first byte that is not UTF-8 (e.g. Windows-1252). */
function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    // the longest prefix that is UTF-8 so far (stream mode accepts a sequence cut at the end)
    let lo = 0;
    let hi = bytes.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      try {
        new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(0, mid), { stream: true });
        lo = mid;
      } catch {
        hi = mid - 1;
      }
    }
    const prefix = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(0, lo), { stream: true });
    const body = prefix.startsWith(BOM) ? prefix.slice(1) : prefix;
    const at = scan(body, detectSeparator(body));
    throw new CsvError(at.row, at.column, {
      en: 'Not UTF-8 (saved as Windows-1252?). Save the file as "CSV UTF-8" and import it again; nothing was stored.',
      sv: 'Texten är inte UTF-8 (sparad som Windows-1252?). Spara filen som "CSV UTF-8 (kommaavgränsad)" och läs in den igen; inget har sparats.',
    });
  }
}

/**
 * Parse a CSV file: UTF-8 with or without BOM (bytes that are not UTF-8 are refused with their
 * row), `;` or `,` as the header shows, RFC 4180 quotes, CRLF or LF. Cells come back as the export
 * wrote them before `protect` (the apostrophe it added is dropped); rows with no text are left out.
 * Throws `CsvError` naming row and column for a quote that is never closed (a cut-off file) and for
 * a cell hiding a formula behind a leading tab or carriage return.
 */
export function parseCsv(input: string | ArrayBuffer | Uint8Array): CsvTable {
  const decoded = typeof input === 'string' ? input : decode(input instanceof Uint8Array ? input : new Uint8Array(input));
  const text = decoded.startsWith(BOM) ? decoded.slice(1) : decoded;
  const separator = detectSeparator(text);
  const s = scan(text, separator);
  if (s.quoted) {
    throw new CsvError(s.quoteRow, s.quoteColumn, {
      en: 'The quote that opens this cell is never closed; the file may be cut off. Nothing was stored.',
      sv: 'Citattecknet som inleder cellen stängs aldrig; filen kan vara avkortad. Inget har sparats.',
    });
  }
  if (s.pending) s.endRow();
  const rows: CsvRow[] = [];
  for (const r of s.rows) {
    if (!r.cells.some((c) => c.trim() !== '')) continue;
    const cells = r.cells.map((c, i) => {
      if (hiddenFormula(c)) {
        throw new CsvError(r.row, i + 1, {
          en: 'The cell starts with a tab or line break before a formula character; remove it. Nothing was stored.',
          sv: 'Cellen börjar med tabb eller radbrytning före ett formeltecken; ta bort det. Inget har sparats.',
        });
      }
      return restore(c);
    });
    rows.push({ row: r.row, cells });
  }
  return { rows, separator, locale: separator === ';' ? 'sv' : 'en' };
}
