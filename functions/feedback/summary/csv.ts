import type { CountyConfig } from '../../core/config/schema.js';
import type { Summary } from './build.js';

const quote = (v: string) => (/[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/**
 * The summary as CSV for Swedish Excel: UTF-8 with BOM, `;` separator, CRLF, codes beside names,
 * an empty count and `..` in the status column for a suppressed cell.
 */
export function summaryCsv(summary: Summary, config: CountyConfig): string {
  const name = (code: string | null) =>
    code === 'total'
      ? 'Totalt'
      : code === null
        ? 'Ingen kommun angiven'
        : (config.municipalities.find((m) => m.code === code)?.name ?? code);
  const label = (id: string) => summary.categories.find((c) => c.id === id)?.sv ?? id;
  const lines = [['period', 'malbild', 'malbild_namn', 'kommunkod', 'kommun', 'antal', 'status']];
  for (const c of summary.cells) {
    lines.push([
      c.period,
      c.malbild,
      label(c.malbild),
      c.municipality ?? '',
      name(c.municipality),
      c.count === null ? '' : String(c.count),
      c.status === 'suppressed' ? '..' : '',
    ]);
  }
  return `\uFEFF${lines.map((l) => l.map(quote).join(';')).join('\r\n')}\r\n`;
}
