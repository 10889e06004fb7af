import type { Lang, Text } from '../i18n.js';

const UNIT_SUFFIX: Record<string, Text> = {
  count: { sv: '', en: '' },
  percent: { sv: ' %', en: '%' },
  days: { sv: ' dagar', en: ' days' },
  ratio: { sv: '', en: '' },
};

/**
 * An indicator value as pages show it: the number in the page's locale with its unit
 * (the indicators' pages and the directory's steering-group report show figures alike).
 *
 * @example
 * formatValue(12.5, 'percent', 'sv'); // '12,5 %'
 */
export function formatValue(value: number, unit: string, lang: Lang): string {
  return (
    new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: 1 }).format(value) + (UNIT_SUFFIX[unit]?.[lang] ?? '')
  );
}
