import type { Text } from '../../core/i18n.js';
import type { ObsStatus } from '../query/types.js';

/** The columns of the export and the upload template, by id with the header in each dialect. */
export const COLUMNS = [
  { id: 'indicator', sv: 'indikator', en: 'indicator' },
  { id: 'indicatorName', sv: 'indikatornamn', en: 'indicator_name' },
  { id: 'organization', sv: 'organisation', en: 'organization' },
  { id: 'organizationName', sv: 'organisationsnamn', en: 'organization_name' },
  { id: 'period', sv: 'period', en: 'period' },
  { id: 'breakdown', sv: 'nedbrytning', en: 'breakdown' },
  { id: 'category', sv: 'kategori', en: 'category' },
  { id: 'value', sv: 'värde', en: 'value' },
  { id: 'status', sv: 'status', en: 'status' },
  { id: 'explanation', sv: 'förklaring', en: 'explanation' },
  { id: 'denominator', sv: 'antal_personer', en: 'persons' },
  { id: 'unit', sv: 'enhet', en: 'unit' },
  { id: 'method', sv: 'beräkning', en: 'method' },
  { id: 'coverage', sv: 'täckning', en: 'coverage' },
  { id: 'definition', sv: 'definition', en: 'definition' },
] as const;

/** A column id. */
export type ColumnId = (typeof COLUMNS)[number]['id'];

/** The status symbol of the status column: `..` for suppressed or missing, `.` for not applicable (as in PxWeb). */
export const STATUS_SYMBOL: Record<ObsStatus, string> = {
  reported: '',
  'not-reported': '..',
  suppressed: '..',
  'not-yet-available': '..',
  'not-applicable': '.',
};

/** The status in words. */
export const STATUS_TEXT: Record<ObsStatus, Text> = {
  reported: { sv: 'rapporterad', en: 'reported' },
  'not-reported': { sv: 'ej rapporterad', en: 'not reported' },
  suppressed: { sv: 'skyddad: för få personer för att visas', en: 'suppressed: too few persons to show' },
  'not-yet-available': { sv: 'ännu inte tillgänglig', en: 'not yet available' },
  'not-applicable': { sv: 'ej tillämplig', en: 'not applicable' },
};

/** How an area aggregate was formed, in words. */
export const METHOD_TEXT: Record<string, Text> = {
  sum: { sv: 'summa', en: 'sum' },
  'median-of-reported': { sv: 'median av rapporterade', en: 'median of reported' },
  'weighted-mean': { sv: 'viktat medelvärde', en: 'weighted mean' },
};

/** An export column by id, for a layout that shares it. */
const column = (id: ColumnId) => COLUMNS.find((c) => c.id === id) as (typeof COLUMNS)[number];

/** The columns of the definitions CSV, by id with the header in each dialect. */
export const DEFINITION_COLUMNS = [
  column('indicator'),
  column('indicatorName'),
  column('unit'),
  { id: 'frequency', sv: 'frekvens', en: 'frequency' },
  column('method'),
  { id: 'counted', sv: 'vad_räknas', en: 'counted' },
  { id: 'denominator', sv: 'nämnare', en: 'denominator' },
  { id: 'reporter', sv: 'vem_rapporterar', en: 'reporter' },
  { id: 'counting', sv: 'räkneregel', en: 'counting_rule' },
  { id: 'period', sv: 'period_och_referensdatum', en: 'period_and_reference_date' },
  { id: 'sourceSystem', sv: 'källa', en: 'source' },
  { id: 'limits', sv: 'kända_begränsningar', en: 'known_limits' },
  { id: 'koladaKpi', sv: 'kolada_kpi', en: 'kolada_kpi' },
] as const;
