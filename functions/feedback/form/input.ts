import type { CountyConfig } from '../../core/config/schema.js';
import type { Term } from '../../core/domain/vocabulary.js';
import { multiLine } from '../../core/text/index.js';
import { RATINGS, WRITERS } from '../categories.js';
import type { ServiceCatalogue } from '../data/service-catalogue.js';
import { serviceAnswer } from './service-answer.js';
import { clean, LINE, ruleText } from './text-rules.js';

/** What the form posts, as typed (nothing trimmed away that the person should see again). */
export interface FormInput {
  readonly writer: string;
  readonly categories: readonly string[];
  readonly municipality: string;
  /** The chosen service's id (from the list or a choice among matches). */
  readonly service: string;
  /** The service's name as typed, when the directory is too large for a list. */
  readonly serviceName: string;
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
  serviceName: '',
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
    serviceName: field(p, 'service-name', 200),
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
  readonly services: ServiceCatalogue | undefined;
}

/** A checked form: the answers normalised (NFC, trimmed, line ends as LF) and what is wrong. */
export interface CheckedForm {
  readonly input: FormInput;
  readonly errors: FormError[];
}

/**
 * Check a posted form; the messages follow the practice note (the summary uses the same words
 * as the inline errors). Every typed field goes through `singleLine` or `multiLine` (the message
 * keeps its line breaks), so control and bidi-override characters and text with nothing visible
 * are refused; a service name typed instead of chosen is looked up in the directory.
 */
export function checkForm(raw: FormInput, rules: FormRules): CheckedForm {
  const errors: FormError[] = [];
  const add = (field: string, href: string, sv: string, en: string) => errors.push({ field, href, sv, en });
  const line = (value: string) => {
    const checked = clean(LINE(), value);
    return 'value' in checked ? checked.value : undefined;
  };
  // choices: a value with control characters is simply not one of the options
  const writer = line(raw.writer) ?? raw.writer;
  const categories = raw.categories.map((c) => line(c) ?? c);
  const municipality = line(raw.municipality) ?? raw.municipality;
  const rating = line(raw.rating) ?? raw.rating;
  if (writer && !WRITERS.some((w) => w.id === writer))
    add('writer', `#writer-${WRITERS[0]?.id}`, 'Välj vem du är bland alternativen', 'Choose who you are from the options');
  const first = `#malbild-${rules.categories[0]?.id}`;
  if (categories.length === 0)
    add('malbild', first, 'Välj minst ett område som din synpunkt handlar om', 'Choose at least one area your feedback is about');
  else if (categories.some((id) => !rules.categories.some((c) => c.id === id)))
    add('malbild', first, 'Välj områden bland alternativen', 'Choose areas from the options');
  const knownMunicipality = rules.config.municipalities.some((m) => m.code === municipality);
  if (municipality && !knownMunicipality)
    add('municipality', '#municipality', 'Välj en kommun i listan', 'Choose a municipality from the list');
  const service = serviceAnswer(raw, knownMunicipality ? municipality : '', rules.services, add);
  const max = rules.config.feedback.maxTextLength;
  // multiLine counts UTF-16 units; people count characters, checked below
  const text = clean(multiLine(2 * max), raw.text);
  if ('issue' in text) {
    const rule = ruleText(text.issue);
    if (rule) add('text', '#text', rule.sv, rule.en);
    else add('text', '#text', `Synpunkten får vara högst ${max} tecken`, `Your feedback must be ${max} characters or fewer`);
  } else if (!text.value) add('text', '#text', 'Skriv din synpunkt', 'Write your feedback');
  else if (textLength(text.value) > max)
    add('text', '#text', `Synpunkten får vara högst ${max} tecken`, `Your feedback must be ${max} characters or fewer`);
  if (rating && !RATINGS.some((r) => r.id === rating))
    add('rating', '#rating-1', 'Välj ett betyg från 1 till 5', 'Choose a rating from 1 to 5');
  const contact = line(raw.contact);
  if (contact === undefined || (contact && !EMAIL.test(contact) && !PHONE.test(contact)))
    add(
      'contact',
      '#contact',
      'Skriv en e-postadress som namn@exempel.se eller ett telefonnummer som 070-123 45 67',
      'Enter an e-mail address like name@example.com or a phone number like 070-123 45 67',
    );
  else if (contact && !raw.consent)
    add(
      'consent',
      '#consent',
      'Kryssa i att vi får spara din kontaktuppgift, eller ta bort den',
      'Tick that we may keep your contact details, or remove them',
    );
  if (!raw.contact.trim() && raw.consent)
    add('contact', '#contact', 'Skriv hur vi kan nå dig, eller ta bort krysset', 'Enter how we can reach you, or untick the box');
  const input: FormInput = {
    ...raw,
    writer,
    categories,
    municipality,
    rating,
    ...service,
    text: 'value' in text ? text.value : raw.text,
    contact: contact ?? raw.contact,
  };
  return { input: errors.length ? raw : input, errors };
}
