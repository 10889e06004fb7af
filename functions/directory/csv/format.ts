/** The byte-order mark Excel needs to read UTF-8. */
export const BOM = '\uFEFF';

function quote(value: string): string {
  return /[;"\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A CSV document for Excel: UTF-8 with BOM, semicolon separated, CRLF line ends. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return BOM + rows.map((row) => row.map(quote).join(';')).join('\r\n') + '\r\n';
}

/** A CSV parse failure at a line. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly row: number,
    message: string,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

/**
 * Parse semicolon (or comma, when the header has no semicolon) separated text with quoted fields.
 * A BOM and CRLF or LF line ends are accepted; blank lines are skipped. Rows are numbered as in Excel, from 1 (the header).
 */
export function parseCsv(text: string): { row: number; cells: string[] }[] {
  const body = text.startsWith(BOM) ? text.slice(1) : text;
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const sep = firstLine.includes(';') || !firstLine.includes(',') ? ';' : ',';
  const rows: { row: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  // rows are counted as Excel shows them: a line break inside quotes stays in its row
  let record = 1;
  const endRow = () => {
    cells.push(cell);
    if (cells.some((c) => c.trim() !== '')) rows.push({ row: record, cells });
    record++;
    cells = [];
    cell = '';
  };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === sep) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      endRow();
    } else cell += ch;
  }
  if (quoted) throw new CsvSyntaxError(record, 'A quoted field is not closed');
  if (cell !== '' || cells.length) endRow();
  return rows;
}
