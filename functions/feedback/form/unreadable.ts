import type { FormError } from './input.js';

const UNREADABLE: Readonly<Record<string, FormError>> = {
  text: {
    field: 'text',
    href: '#text',
    sv: 'Din synpunkt innehöll tecken som inte gick att läsa. De visas nu som \ufffd. Rätta texten och skicka igen',
    en: 'Your feedback held characters that could not be read. They now show as \ufffd. Correct the text and send it again',
  },
  contact: {
    field: 'contact',
    href: '#contact',
    sv: 'Kontaktuppgiften innehöll tecken som inte gick att läsa. Skriv den igen',
    en: 'The contact details held characters that could not be read. Enter them again',
  },
  'service-name': {
    field: 'service',
    href: '#service-name',
    sv: 'Namnet på verksamheten innehöll tecken som inte gick att läsa. Skriv det igen',
    en: 'The name of the service held characters that could not be read. Enter it again',
  },
};

/**
 * The errors for fields whose bytes were not UTF-8: the typed fields by name, any other field as
 * one error about the form.
 */
export function unreadableErrors(fields: readonly string[]): FormError[] {
  const errors = fields.flatMap((f) => (UNREADABLE[f] ? [UNREADABLE[f]] : []));
  if (errors.length < fields.length)
    errors.push({
      field: 'encoding',
      href: '#text',
      sv: 'Formuläret innehöll tecken som inte gick att läsa. Kontrollera dina svar och skicka igen',
      en: 'The form held characters that could not be read. Check your answers and send them again',
    });
  return errors;
}
