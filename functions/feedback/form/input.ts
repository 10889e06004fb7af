import type { CountyConfig } from '../../core/config/schema.js';
import type { Term } from '../../core/domain/vocabulary.js';
import { RATINGS, WRITERS } from '../categories.js';
import type { ServiceRef } from '../store/service-index.js';

/** What the form posts, as typed (nothing trimmed away that the person should see again). */
export interface FormInput {
  readonly writer: string;
  readonly categories: readonly string[];
  readonly municipality: string;
  readonly service: string;
  readonly text: string;
  readonly rating: string;
  readonly contact: string;
  readonly consent: boolean;
  /** The honeypot (`webbplats`): people leave it empty. */
  readonly honeypot: string;
  readonly token: string;
  /** `review` (check and show), `send` (store), `edit` (back from the review). */
  readonly action: 'review' | 'send' | 'edit';
  /** The person has already been told about personal data in the text. */
  readonly personalDataShown: boolean;
}

/** An empty form. */
export const EMPTY_INPUT: FormInput = {
  writer: '',
  categories: [],
  municipality: '',
  service: '',
  text: '',
  rating: '',
  contact: '',
  consent: false,
  honeypot: '',
  token: '',
  action: 'review',
  personalDataShown: false,
};

const field = (p: URLSearchParams, name: string, max = 20000) => (p.get(name) ?? '').slice(0, max);

/** Read the posted fields; unknown fields are ignored and every value is bounded. */
export function parseForm(p: URLSearchParams): FormInput {
  const action = p.get('action');
  return {
    writer: field(p, 'writer', 40),
    categories: [...new Set(p.getAll('malbild').map((v) => v.slice(0, 64)))].slice(0, 40),
    municipality: field(p, 'municipality', 10),
    service: field(p, 'service', 200),
    text: field(p, 'text').replace(/\r\n/g, '\n'),
    rating: field(p, 'rating', 4),
    contact: field(p, 'contact', 200).trim(),
    consent: p.get('consent') === 'yes',
    honeypot: field(p, 'webbplats', 200),
    token: field(p, 'token', 200),
    action: action === 'send' || action === 'edit' ? action : 'review',
    personalDataShown: p.get('pd') === 'shown',
  };
}

/** One problem with the form, worded for people; `href` points at the field to fix. */
export interface FormError {
  readonly field: string;
  readonly href: string;
  readonly sv: string;
  readonly en: string;
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,}$/;
const PHONE = /^(?:\+|00|0)[\d\s()-]{6,18}\d$/;

/** The number of characters as people count them (code points). */
export const textLength = (text: string): number => [...text].length;

/** What the validation needs to know about the area. */
export interface FormRules {
  readonly config: CountyConfig;
  readonly categories: readonly Term[];
  readonly services: readonly ServiceRef[] | undefined;
}

/**
 * Check a posted form; the messages follow the practice note (the summary uses the same words
 * as the inline errors).
 */
export function validateForm(input: FormInput, rules: FormRules): FormError[] {
  const errors: FormError[] = [];
  const add = (field: string, href: string, sv: string, en: string) => errors.push({ field, href, sv, en });
  if (input.writer && !WRITERS.some((w) => w.id === input.writer))
    add('writer', `#writer-${WRITERS[0]?.id}`, 'Välj vem du är bland alternativen', 'Choose who you are from the options');
  const first = `#malbild-${rules.categories[0]?.id}`;
  if (input.categories.length === 0)
    add('malbild', first, 'Välj minst ett område som din synpunkt handlar om', 'Choose at least one area your feedback is about');
  else if (input.categories.some((id) => !rules.categories.some((c) => c.id === id)))
    add('malbild', first, 'Välj områden bland alternativen', 'Choose areas from the options');
  if (input.municipality && !rules.config.municipalities.some((m) => m.code === input.municipality))
    add('municipality', '#municipality', 'Välj en kommun i listan', 'Choose a municipality from the list');
  if (input.service && !rules.services?.some((s) => s.id === input.service))
    add('service', '#service', 'Välj en verksamhet i listan', 'Choose a service from the list');
  const max = rules.config.feedback.maxTextLength;
  if (!input.text.trim()) add('text', '#text', 'Skriv din synpunkt', 'Write your feedback');
  else if (textLength(input.text) > max)
    add('text', '#text', `Synpunkten får vara högst ${max} tecken`, `Your feedback must be ${max} characters or fewer`);
  if (input.rating && !RATINGS.some((r) => r.id === input.rating))
    add('rating', '#rating-1', 'Välj ett betyg från 1 till 5', 'Choose a rating from 1 to 5');
  if (input.contact && !EMAIL.test(input.contact) && !PHONE.test(input.contact))
    add(
      'contact',
      '#contact',
      'Skriv en e-postadress som namn@exempel.se eller ett telefonnummer som 070-123 45 67',
      'Enter an e-mail address like name@example.com or a phone number like 070-123 45 67',
    );
  else if (input.contact && !input.consent)
    add(
      'consent',
      '#consent',
      'Kryssa i att vi får spara din kontaktuppgift, eller ta bort den',
      'Tick that we may keep your contact details, or remove them',
    );
  if (!input.contact && input.consent)
    add('contact', '#contact', 'Skriv hur vi kan nå dig, eller ta bort krysset', 'Enter how we can reach you, or untick the box');
  return errors;
}
