/** Fold Swedish and other Latin diacritics: å/ä → a, ö → o, é → e. Input should be lower case. */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o');
}

/** NFC and lower case: the form every term is indexed and searched in. */
export function normalizeTerm(term: string): string {
  return term.normalize('NFC').toLowerCase();
}

/** Split text into words (letters and digits, Swedish letters included). */
export function words(text: string): string[] {
  return normalizeTerm(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}
