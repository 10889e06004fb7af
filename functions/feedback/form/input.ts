import type * as z from 'zod';
import type { CountyConfig } from '../../core/config/schema.js';
import type { Term } from '../../core/domain/vocabulary.js';
import { multiLine, singleLine } from '../../core/text/index.js';
import { RATINGS, WRITERS } from '../categories.js';
import { selectable, type ServiceCatalogue } from '../store/service-catalogue.js';

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

type Checked = { readonly value: string } | { readonly issue: z.core.$ZodIssue };

/** Run a field through a text rule of `core/text`; empty stays empty. */
function clean(schema: z.ZodType<string, string>, raw: string): Checked {
  if (raw.trim() === '') return { value: '' };
  const result = schema.safeParse(raw);
  return result.success ? { value: result.data } : { issue: result.error.issues[0] as z.core.$ZodIssue };
}

/** The Swedish and English text of a rule of `core/text` that failed. */
function ruleText(issue: z.core.$ZodIssue): { sv: string; en: string } | undefined {
  const sv = issue.code === 'custom' ? issue.params?.['sv'] : undefined;
  return typeof sv === 'string' ? { sv, en: issue.message } : undefined;
}

const LINE = singleLine(200);

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
    const checked = clean(LINE, value);
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

/**
 * The service question: a chosen id must be one of the directory's services; a typed name must
 * lead to exactly one service (in the chosen municipality), which then becomes the answer.
 */
function serviceAnswer(
  raw: FormInput,
  municipality: string,
  services: ServiceCatalogue | undefined,
  add: (field: string, href: string, sv: string, en: string) => void,
): Pick<FormInput, 'service' | 'serviceName'> {
  if (raw.service) {
    const href = services && !selectable(services, municipality) ? '#service-name' : '#service';
    if (!services?.byId(raw.service)) add('service', href, 'Välj en verksamhet i listan', 'Choose a service from the list');
    return { service: raw.service, serviceName: raw.serviceName };
  }
  const typed = clean(LINE, raw.serviceName);
  if ('issue' in typed || !typed.value || !services) {
    if ('issue' in typed) {
      const rule = ruleText(typed.issue) ?? { sv: 'Namnet är för långt', en: 'The name is too long' };
      add('service', '#service-name', rule.sv, rule.en);
    }
    return { service: '', serviceName: raw.serviceName };
  }
  const match = services.find(typed.value, municipality);
  if (match.kind === 'one') return { service: match.service.id, serviceName: typed.value };
  if (match.kind === 'none')
    add(
      'service',
      '#service-name',
      'Vi hittar ingen verksamhet med det namnet. Skriv namnet på ett annat sätt, eller lämna fältet tomt',
      'We cannot find a service with that name. Write the name another way, or leave the field empty',
    );
  else if (match.kind === 'several')
    add('service', '#service-0', 'Flera verksamheter passar. Välj en av dem', 'Several services match. Choose one of them');
  else
    add(
      'service',
      '#service-name',
      'Många verksamheter passar. Skriv mer av namnet eller välj kommun',
      'Many services match. Write more of the name or choose a municipality',
    );
  return { service: '', serviceName: typed.value };
}
