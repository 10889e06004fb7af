import { findPersonalData, type FindingKind } from '../guard/personal-data.js';
import type { FormError } from './input.js';

const NAMES: Readonly<Record<FindingKind, { sv: string; en: string }>> = {
  'personal-identity-number': { sv: 'ett personnummer', en: 'a personal identity number' },
  'coordination-number': { sv: 'ett samordningsnummer', en: 'a coordination number' },
  'identity-like-number': { sv: 'något som liknar ett personnummer', en: 'something like a personal identity number' },
  phone: { sv: 'ett telefonnummer', en: 'a phone number' },
  email: { sv: 'en e-postadress', en: 'an e-mail address' },
};

const list = (items: string[], and: string) =>
  items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`;

/**
 * A plain-words error naming what kinds of personal data the text seems to hold, or `undefined`
 * when it holds none.
 */
export function personalDataError(text: string): FormError | undefined {
  const kinds = [...new Set(findPersonalData(text).map((f) => f.kind))];
  if (kinds.length === 0) return undefined;
  return {
    field: 'text-personal',
    href: '#text',
    sv: `Din text verkar innehålla ${list(
      kinds.map((k) => NAMES[k].sv),
      'och',
    )}. Ta bort det så att ingen kan känna igen dig. Skickar du ändå tar vi bort det innan texten sparas.`,
    en: `Your text seems to contain ${list(
      kinds.map((k) => NAMES[k].en),
      'and',
    )}. Remove it so that no one can recognise you. If you send it anyway, we remove it before the text is stored.`,
  };
}
