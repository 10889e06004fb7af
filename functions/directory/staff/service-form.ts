import { fieldErrors } from '../../core/http/body.js';
import type { FieldError } from '../../core/http/problem.js';
import type { Text } from '../../core/i18n.js';
import { serviceInputSchema, WEEKDAYS, type Schedule, type Service, type ServiceInput } from '../model/service.js';

/** What the service form holds: the text a person typed (or the stored entry as text), by field name. */
export interface ServiceFormValues {
  readonly fields: Readonly<Record<string, string>>;
  readonly lists: Readonly<Record<string, readonly string[]>>;
  readonly locations: readonly Readonly<Record<string, string>>[];
}

/** A bad field of the form, named as the form names it. */
export interface FormFieldError extends Text {
  readonly field: string;
}

/** The multi-choice fields of the form (checkboxes). */
export const LIST_FIELDS = ['careLevels', 'targetGroups', 'languages', 'municipalities'] as const;
/** The single-line and multi-line fields of the form. */
export const TEXT_FIELDS = [
  'name',
  'description',
  'organizationId',
  'principal',
  'referralRequired',
  'phones',
  'schedules',
  'email',
  'url',
] as const;
/** The fields of one location. */
export const LOCATION_FIELDS = [
  'name',
  'street',
  'postalCode',
  'city',
  'municipality',
  'accessibility',
  'confidential',
  'latitude',
  'longitude',
] as const;
/** The most locations a service has (as the API allows). */
export const MAX_LOCATIONS = 20;

const KINDS = ['visiting', 'phone', 'drop-in'] as const;

/** A stored service as form text. */
export function formFromService(service: Service): ServiceFormValues {
  return {
    fields: {
      name: service.name,
      description: service.description ?? '',
      organizationId: service.organizationId,
      principal: service.principal,
      referralRequired: service.referralRequired === null ? '' : service.referralRequired ? 'yes' : 'no',
      phones: service.phones.map((p) => (p.description ? `${p.number} | ${p.description}` : p.number)).join('\n'),
      schedules: service.schedules.map(scheduleText).join('\n'),
      email: service.email ?? '',
      url: service.url ?? '',
    },
    lists: {
      careLevels: service.careLevels,
      targetGroups: service.targetGroups,
      languages: service.languages,
      municipalities: service.municipalities,
    },
    locations: service.locations.map((l) => ({
      name: l.name ?? '',
      street: l.street ?? '',
      postalCode: l.postalCode ?? '',
      city: l.city ?? '',
      municipality: l.municipality ?? '',
      accessibility: l.accessibility ?? '',
      confidential: l.confidential ? 'on' : '',
      latitude: l.latitude === undefined ? '' : String(l.latitude),
      longitude: l.longitude === undefined ? '' : String(l.longitude),
    })),
  };
}

/** An empty form for a new service of `org`. */
export function emptyForm(org: string, principal: string): ServiceFormValues {
  return { fields: { organizationId: org, principal }, lists: { languages: ['sv'] }, locations: [] };
}

/** The form text of a post (location `n` as `loc<n>.<field>`; locations left empty are dropped). */
export function formFromPost(form: URLSearchParams): ServiceFormValues {
  const fields = Object.fromEntries(TEXT_FIELDS.map((f) => [f, form.get(f) ?? '']));
  const lists = Object.fromEntries(LIST_FIELDS.map((f) => [f, form.getAll(f)]));
  const locations: Record<string, string>[] = [];
  for (let n = 0; n < MAX_LOCATIONS + 1; n++) {
    const location = Object.fromEntries(LOCATION_FIELDS.map((f) => [f, form.get(`loc${n}.${f}`) ?? '']));
    // the map position travels in hidden fields: a location without typed text is left out
    const { confidential, latitude: _lat, longitude: _lon, ...address } = location;
    if (Object.values(address).some((v) => v.trim()) || confidential) locations.push(location);
  }
  return { fields, lists, locations };
}

function weekdays(text: string): string[] | undefined {
  const days: string[] = [];
  for (const part of text.toUpperCase().split(',')) {
    const [from, to] = part.split('-') as [string, string | undefined];
    const a = WEEKDAYS.indexOf(from as never);
    const b = to === undefined ? a : WEEKDAYS.indexOf(to as never);
    if (a < 0 || b < a) return undefined;
    days.push(...WEEKDAYS.slice(a, b + 1));
  }
  return days;
}

/** One opening period as a line of the form, with its dates when it holds only for a while. */
function scheduleText(s: Schedule): string {
  const dates = s.validFrom || s.validTo ? ` ${s.validFrom ?? ''}..${s.validTo ?? ''}` : '';
  return `${s.byday.join(',')} ${s.opensAt}-${s.closesAt} ${s.kind}${dates}`;
}

/** One line `MO-FR 08:00-16:30 visiting [2026-06-01..2026-08-31]` of the opening hours, or undefined. */
function scheduleLine(line: string): Record<string, unknown> | undefined {
  const match = /^(\S+)\s+(\d{2}:\d{2})\s*-\s*(\d{2}:\d{2})(?:\s+([a-z-]+))?(?:\s+(\d{4}-\d{2}-\d{2})?\.\.(\d{4}-\d{2}-\d{2})?)?$/.exec(
    line.trim(),
  );
  const byday = match ? weekdays(match[1]!) : undefined;
  const kind = match?.[4] ?? 'visiting';
  if (!match || !byday || !KINDS.includes(kind as never)) return undefined;
  return {
    kind,
    byday,
    opensAt: match[2],
    closesAt: match[3],
    ...(match[5] ? { validFrom: match[5] } : {}),
    ...(match[6] ? { validTo: match[6] } : {}),
  };
}

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

const optional = (text: string | undefined) => (text?.trim() ? text.trim() : undefined);
/** A coordinate from a hidden field: a number, left out when empty (anything else fails the schema). */
const coordinate = (text: string | undefined) => (text?.trim() ? (Number.isFinite(Number(text)) ? Number(text) : text) : undefined);

const FIELD_TEXT: Record<string, Text> = {
  name: {
    sv: 'Skriv tjänstens namn (högst 160 tecken, utan styrtecken).',
    en: 'Enter the service name (at most 160 characters, no control characters).',
  },
  description: {
    sv: 'Beskrivningen kan inte sparas (högst 2000 tecken, utan styrtecken).',
    en: 'The description cannot be saved (at most 2000 characters, no control characters).',
  },
  organizationId: { sv: 'Välj en organisation i området som du får ändra.', en: 'Choose an organisation of the area that you may edit.' },
  principal: { sv: 'Välj huvudman.', en: 'Choose the principal.' },
  phones: {
    sv: 'Ett telefonnummer per rad, 5–20 siffror, till exempel 063-14 30 00 | Växel.',
    en: 'One phone number per line, 5–20 digits, e.g. 063-14 30 00 | Switchboard.',
  },
  schedules: {
    sv: 'En tid per rad, till exempel MO-FR 08:00-16:30 visiting, med datum om den bara gäller en tid: MO-FR 09:00-15:00 visiting 2026-06-22..2026-08-14.',
    en: 'One time per line, e.g. MO-FR 08:00-16:30 visiting, with dates when it holds only for a while: MO-FR 09:00-15:00 visiting 2026-06-22..2026-08-14.',
  },
  email: { sv: 'Skriv en giltig e-postadress.', en: 'Enter a valid e-mail address.' },
  url: { sv: 'Skriv en webbadress som börjar med https://.', en: 'Enter a web address starting with https://.' },
  postalCode: { sv: 'Ett postnummer är fem siffror.', en: 'A postal code is five digits.' },
};

/** The form's name for an API field path (`locations.0.street` → `loc0.street`, `phones.2.number` → `phones`). */
function formField(path: string): string {
  const [head, index, sub] = path.split('.');
  if (head === 'locations' && index !== undefined) return `loc${index}.${sub ?? 'name'}`;
  return head ?? '(form)';
}

function toFormError(error: FieldError): FormFieldError {
  const field = formField(error.field);
  const known = FIELD_TEXT[field.replace(/^loc\d+\./, '')];
  return { field, sv: error.sv ?? known?.sv ?? `Kontrollera fältet (${error.message}).`, en: known?.en ?? error.message };
}

/**
 * The service input of the form over `base` (stored fields the form does not show are kept), checked
 * with the API's schema; or the form's errors. `check` adds the API's checks against the area.
 */
export function serviceFromForm(
  values: ServiceFormValues,
  base: Partial<ServiceInput>,
  check: (input: ServiceInput) => FieldError[],
): { input: ServiceInput } | { errors: FormFieldError[] } {
  const { fields, lists } = values;
  const errors: FormFieldError[] = [];
  const phones = lines(fields.phones ?? '').map((line) => {
    const [number = '', ...rest] = line.split('|');
    const description = optional(rest.join('|'));
    return { number: number.trim(), ...(description ? { description } : {}) };
  });
  const schedules = lines(fields.schedules ?? '').map(scheduleLine);
  if (schedules.some((s) => s === undefined)) errors.push({ field: 'schedules', ...FIELD_TEXT.schedules! });
  const referral = fields.referralRequired;
  const raw = {
    ...base,
    name: fields.name ?? '',
    description: fields.description ?? '',
    organizationId: fields.organizationId ?? '',
    principal: fields.principal ?? '',
    careLevels: lists.careLevels ?? [],
    targetGroups: lists.targetGroups ?? [],
    languages: lists.languages ?? [],
    municipalities: lists.municipalities ?? [],
    referralRequired: referral === 'yes' ? true : referral === 'no' ? false : null,
    phones,
    schedules: schedules.filter(Boolean),
    email: optional(fields.email),
    url: optional(fields.url),
    locations: values.locations.map((l) => ({
      name: optional(l.name),
      street: optional(l.street),
      postalCode: optional(l.postalCode),
      city: optional(l.city),
      municipality: optional(l.municipality),
      accessibility: optional(l.accessibility),
      confidential: Boolean(l.confidential),
      latitude: coordinate(l.latitude),
      longitude: coordinate(l.longitude),
    })),
    verified: false,
  };
  const parsed = serviceInputSchema().safeParse(raw);
  if (!parsed.success) errors.push(...fieldErrors(parsed.error.issues).map(toFormError));
  else errors.push(...check(parsed.data).map(toFormError));
  const unique = errors.filter((e, i) => errors.findIndex((o) => o.field === e.field) === i);
  return parsed.success && unique.length === 0 ? { input: parsed.data } : { errors: unique };
}

/** The stored service as input again (for "still correct": the same fields, verified now). */
export function inputOf(service: Service): Omit<ServiceInput, 'verified'> {
  const { id: _id, created: _created, updated: _updated, verified: _verified, ...input } = service;
  return input;
}
