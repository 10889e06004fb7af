const ASCII = /^[\x20-\x7e]*$/;
const COMMON: Record<string, string> = { å: 'a', ä: 'a', ö: 'o', é: 'e', è: 'e', ü: 'u', æ: 'ae', ø: 'o' };

/** Fold Swedish and other Latin diacritics: å/ä → a, ö → o, é → e. Input should be lower case. */
export function foldDiacritics(text: string): string {
  // called for every indexed word: skip the work for plain ASCII and the common letters
  if (ASCII.test(text)) return text;
  const quick = text.replace(/[åäöéèüæø]/g, (ch) => COMMON[ch] ?? ch);
  return ASCII.test(quick) ? quick : quick.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** NFC and lower case: the form every term is indexed and searched in. */
export function normalizeTerm(term: string): string {
  return term.normalize('NFC').toLowerCase();
}

/** Split text into words (letters and digits, Swedish letters included). */
export function words(text: string): string[] {
  return normalizeTerm(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}
