import { t, type Lang, type Text } from '../../core/i18n.js';
import { formatValue } from '../../core/domain/indicator-format.js';
import type { Cell, Coverage } from '../query/types.js';

export { formatValue } from '../../core/domain/indicator-format.js';

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
  sv: '.. betyder att uppgiften inte visas: antingen har den inte rapporterats, eller så döljs den för att ingen person ska kunna pekas ut. Små antal döljs alltid, och därtill så många andra uppgifter (även stora tal och nollor) att inget dolt antal kan räknas fram ur allt som publicerats, inte heller ur tidigare publiceringar. . betyder att indikatorn inte är tillämplig.',
  en: '.. means the figure is not shown: either it has not been reported, or it is hidden so that no person can be identified. Small counts are always hidden, and with them as many other figures (large ones and zeros too) as it takes so that no hidden count can be worked out from everything published, earlier releases included. . means the indicator does not apply.',
};
