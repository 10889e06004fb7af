/**
 * The two CSV dialects the services write: Swedish Excel (UTF-8 with BOM, `;`, CRLF, decimal comma)
 * and, where a service offers `locale=en`, the international one (`,` and decimal point).
 */

/** A CSV dialect by language. */
export type CsvLocale = 'sv' | 'en';

/** Separator and decimal mark of a dialect. */
export const DIALECT: Readonly<Record<CsvLocale, { readonly separator: ';' | ','; readonly decimal: ',' | '.' }>> = {
  sv: { separator: ';', decimal: ',' },
  en: { separator: ',', decimal: '.' },
};

/** The byte order mark Excel needs to read a file as UTF-8. */
export const BOM = '\uFEFF';

/** A number in the dialect's notation, without thousands separators; empty for null or undefined. */
export function formatNumber(value: number | null | undefined, locale: CsvLocale): string {
  if (value === null || value === undefined) return '';
  return String(value).replace('.', DIALECT[locale].decimal);
}

/**
 * A number in the dialect's notation (spaces ignored); `undefined` for anything else. The Swedish
 * dialect takes a decimal point too: LibreOffice Calc saves `1,5` back as `1.5` unless its own
 * locale is Swedish, and with `;` as separator and no thousands separators the point is unambiguous.
 */
export function parseNumber(field: string, locale: CsvLocale): number | undefined {
  const t = field.replace(/\s/g, '');
  const pattern = locale === 'sv' ? /^-?\d+([,.]\d+)?$/ : /^-?\d+(\.\d+)?$/;
  return pattern.test(t) ? Number(t.replace(',', '.')) : undefined;
}
