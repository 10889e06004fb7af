import type { CountyConfig } from '../../core/config/schema.js';
import { toCsv, type CsvCell } from '../../core/csv/index.js';
import { organisationName } from '../../core/organisations.js';
import type { Summary } from './build.js';

/**
 * The summary as CSV for Swedish Excel (the core dialect: UTF-8 with BOM, `;`, CRLF; municipality
 * codes kept as text), codes beside names, an empty count and `..` in the status column for a
 * suppressed cell.
 */
export function summaryCsv(summary: Summary, config: CountyConfig): string {
  const name = (code: string | null) =>
    code === 'total' ? 'Totalt' : code === null ? 'Ingen kommun angiven' : organisationName(config, code);
  const label = (id: string) => summary.categories.find((c) => c.id === id)?.sv ?? id;
  const lines: CsvCell[][] = [['period', 'malbild', 'malbild_namn', 'kommunkod', 'kommun', 'antal', 'status']];
  for (const c of summary.cells) {
    lines.push([
      c.period,
      c.malbild,
      label(c.malbild),
      c.municipality ?? '',
      name(c.municipality),
      c.count,
      c.status === 'suppressed' ? '..' : '',
    ]);
  }
  return toCsv(lines);
}
