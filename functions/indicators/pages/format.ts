import { t, type Lang, type Text } from '../../core/i18n.js';
import type { Cell, Coverage } from '../query/types.js';

const UNIT_SUFFIX: Record<string, Text> = {
  count: { sv: '', en: '' },
  percent: { sv: ' %', en: '%' },
  days: { sv: ' dagar', en: ' days' },
  ratio: { sv: '', en: '' },
};

/** A value as shown on pages: the number in the page's locale with its unit. */
export function formatValue(value: number, unit: string, lang: Lang): string {
  return (
    new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: 1 }).format(value) + (UNIT_SUFFIX[unit]?.[lang] ?? '')
  );
}

/** What a cell shows: its value, `..` for suppressed and missing, `.` for not applicable. */
export function cellText(cell: Cell | undefined, unit: string, lang: Lang): string {
  if (!cell || cell.value === null) return cell?.status === 'not-applicable' ? '.' : '..';
  return formatValue(cell.value, unit, lang);
}

/** Coverage in words: "12 av 15 organisationer har rapporterat". */
export function coverageText(coverage: Coverage | undefined, lang: Lang): string {
  if (!coverage) return '';
  return t(lang, {
    sv: `${coverage.reported} av ${coverage.expected} organisationer har rapporterat`,
    en: `${coverage.reported} of ${coverage.expected} organisations reported`,
  });
}

/** The legend explaining the symbols used in tables. */
export const SYMBOLS: Text = {
  sv: '.. betyder att uppgiften inte visas: antingen har den inte rapporterats, eller så bygger den på så få personer (1–4, eller färre än 10 bakom en andel, ett medelvärde eller en median) att någon skulle kunna pekas ut. Då döljs också ett närliggande värde så att det dolda inte kan räknas fram. . betyder att indikatorn inte är tillämplig.',
  en: '.. means the figure is not shown: either it has not been reported, or it rests on so few persons (1–4, or fewer than 10 behind a share, mean or median) that someone could be identified. A neighbouring figure is then hidden too, so the hidden one cannot be worked out. . means the indicator does not apply.',
};
