import type { CsvCell } from '../../core/csv/index.js';
import type { Service } from '../model/service.js';

/** One CSV column: its Swedish header (what coordinators see in Excel) and the service field. */
export interface CsvColumn {
  readonly header: string;
  readonly field: string;
  readonly kind: 'text' | 'list' | 'bool' | 'int';
}

/** The columns of the services CSV, in order. Lists are comma separated; yes/no is "ja"/"nej" (empty: unknown). */
export const CSV_COLUMNS: readonly CsvColumn[] = [
  { header: 'id', field: 'id', kind: 'text' },
  { header: 'namn', field: 'name', kind: 'text' },
  { header: 'beskrivning', field: 'description', kind: 'text' },
  { header: 'organisation', field: 'organizationId', kind: 'text' },
  { header: 'huvudman', field: 'principal', kind: 'text' },
  { header: 'vårdnivåer', field: 'careLevels', kind: 'list' },
  { header: 'målgrupper', field: 'targetGroups', kind: 'list' },
  { header: 'substanser', field: 'substances', kind: 'list' },
  { header: 'svårighetsgrader', field: 'severityLevels', kind: 'list' },
  { header: 'kommuner', field: 'municipalities', kind: 'list' },
  { header: 'remiss krävs', field: 'referralRequired', kind: 'bool' },
  { header: 'biståndsprövning krävs', field: 'needsAssessmentRequired', kind: 'bool' },
  { header: 'drop-in', field: 'dropIn', kind: 'bool' },
  { header: 'anonymt', field: 'anonymous', kind: 'bool' },
  { header: 'digital kontakt', field: 'digitalContact', kind: 'bool' },
  { header: 'lägsta ålder', field: 'minimumAge', kind: 'int' },
  { header: 'högsta ålder', field: 'maximumAge', kind: 'int' },
  { header: 'språk', field: 'languages', kind: 'list' },
  { header: 'telefon', field: 'phones', kind: 'list' },
  { header: 'e-post', field: 'email', kind: 'text' },
  { header: 'webbplats', field: 'url', kind: 'text' },
  { header: 'status', field: 'status', kind: 'text' },
  { header: 'källa', field: 'source', kind: 'text' },
  { header: 'senast kontrollerad', field: 'verified', kind: 'text' },
];

/** The cells of one service, in column order (the core writer keeps codes as text and neutralises formulas). */
export function serviceRow(service: Service): CsvCell[] {
  return CSV_COLUMNS.map((col) => {
    if (col.field === 'phones') return service.phones.map((p) => p.number).join(', ');
    if (col.field === 'verified') return service.verified?.at.slice(0, 10) ?? '';
    const value = (service as unknown as Record<string, unknown>)[col.field];
    if (value === undefined || value === null) return '';
    if (Array.isArray(value)) return value.join(', ');
    if (typeof value === 'boolean') return value ? 'ja' : 'nej';
    if (typeof value === 'number') return value;
    return String(value);
  });
}

/** Read one cell into the value the service schema expects; `undefined` leaves the field out. */
export function cellValue(col: CsvColumn, cell: string): unknown {
  const value = cell.trim();
  if (col.kind === 'list')
    return value
      ? value
          .split(',')
          .map((v) => v.trim())
          .filter(Boolean)
      : [];
  if (value === '')
    return col.kind === 'bool' && (col.field === 'referralRequired' || col.field === 'needsAssessmentRequired') ? null : undefined;
  if (col.kind === 'bool') return /^(ja|yes|true|1)$/i.test(value) ? true : /^(nej|no|false|0)$/i.test(value) ? false : value;
  if (col.kind === 'int') return /^\d+$/.test(value) ? Number(value) : value;
  return value;
}
