import { describe, expect, test } from 'vitest';
import { findPersonalData, luhnValid, redact } from '../../functions/feedback/guard/personal-data.js';

const kinds = (text: string) => findPersonalData(text).map((f) => f.kind);

describe('personal identity and coordination numbers', () => {
  test.each(['19121212-1212', '121212+1212', '201212121212', '121212-1212', '1212121212'])('%s is found as a personnummer', (n) => {
    expect(kinds(`Mitt nummer är ${n}.`)).toEqual(['personal-identity-number']);
  });

  test('701063-2391 is found as a samordningsnummer', () => {
    expect(kinds('Han har 701063-2391 som nummer')).toEqual(['coordination-number']);
  });

  test('an organisation number (month 60) is not a personnummer', () => {
    expect(kinds('Bolaget 556036-0793 driver boendet')).toEqual([]);
  });

  test('an ISO date is not a personnummer nor a phone number', () => {
    expect(kinds('Jag var där 2025-03-14 och igen 2025-04-01.')).toEqual([]);
  });

  test('a number shaped like a personnummer that fails Luhn is still removed as a number', () => {
    expect(kinds('Nummer 19121212-1213')).toEqual(['identity-like-number']);
    expect(redact('Nummer 19121212-1213').text).toBe('Nummer [nummer borttaget]');
  });

  test('an interim number with a letter in the serial is found', () => {
    expect(kinds('Interimsnummer 850101-T234')).toEqual(['identity-like-number']);
  });

  test('a month 13 is not a date and is not taken for a personnummer', () => {
    expect(kinds('Kod 121312-1212')).toEqual([]);
  });

  test('the Luhn check accepts the textbook number and rejects a changed digit', () => {
    expect(luhnValid('1212121212')).toBe(true);
    expect(luhnValid('1212121213')).toBe(false);
  });
});

describe('phone numbers and e-mail addresses', () => {
  test.each(['070-123 45 67', '+46 70 123 45 67', '0046701234567', '08-123 456 78'])('%s is found as a phone number', (n) => {
    expect(kinds(`Ring mig på ${n} i kväll`)).toEqual(['phone']);
  });

  test('numbers that do not begin with +, 00 or 0 are not phone numbers', () => {
    expect(kinds('Vi var 12 345 678 personer, 2 000 000 kronor')).toEqual([]);
  });

  test('an e-mail address is found', () => {
    expect(kinds('Skriv till anna.svensson@example.se')).toEqual(['email']);
  });

  test('redaction replaces each finding and counts it by kind', () => {
    const r = redact('Jag heter 19121212-1212, ring 070-123 45 67 eller a@b.se');
    expect(r.text).toBe('Jag heter [personnummer borttaget], ring [telefonnummer borttaget] eller [e-post borttagen]');
    expect(r.counts).toEqual({ 'personal-identity-number': 1, phone: 1, email: 1 });
  });

  test('a text without personal data is left as it was', () => {
    expect(redact('Bra bemötande på mottagningen.').text).toBe('Bra bemötande på mottagningen.');
  });
});
