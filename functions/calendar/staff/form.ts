import { fieldErrors } from '../../core/http/body.js';
import { ProblemError, type FieldError } from '../../core/http/problem.js';
import { toStockholmIso } from '../../core/i18n.js';
import { eventInputSchema, type CalendarEvent, type EventInput } from '../model/event.js';

/** The text fields of the training form, as typed (kept on an error). */
export const FORM_FIELDS = [
  'title',
  'description',
  'topic',
  'organizer',
  'start',
  'end',
  'registrationDeadline',
  'place',
  'address',
  'onlineUrl',
  'language',
  'capacity',
  'reason',
  'repeatEvery',
  'repeatCount',
] as const;

/** What the training form was sent with. */
export interface TrainingFormValues {
  readonly text: Readonly<Partial<Record<(typeof FORM_FIELDS)[number], string>>>;
  readonly audienceOrgs: readonly string[];
  readonly audienceRoles: readonly string[];
}

/** An error shown next to a form field (the field's form name; `form` for the whole form). */
export interface TrainingFormError {
  readonly field: string;
  readonly sv: string;
  readonly en: string;
}

/** `2026-03-03T13:00+01:00` → `2026-03-03 13:00` (Stockholm time as people write it). */
export function localInput(iso: string): string {
  return toStockholmIso(new Date(iso)).slice(0, 16).replace('T', ' ');
}

/** `2026-03-03 13:00` (or with `T`, or `13.00`) → `2026-03-03T13:00`; anything else unchanged, for the schema to refuse. */
export function localTime(typed: string | undefined): string {
  const m = /^\s*(\d{4}-\d{2}-\d{2})(?:\s+|T)(\d{1,2})[:.](\d{2})\s*$/.exec(typed ?? '');
  return m ? `${m[1]}T${m[2]!.padStart(2, '0')}:${m[3]}` : (typed ?? '');
}

/** The form values of a stored training (for the edit form). */
export function valuesOf(event: CalendarEvent): TrainingFormValues {
  return {
    text: {
      title: event.title,
      description: event.description,
      topic: event.topic,
      organizer: event.organizer,
      start: localInput(event.start),
      end: localInput(event.end),
      registrationDeadline: localInput(event.registrationDeadline),
      place: event.location.place ?? '',
      address: event.location.address ?? '',
      onlineUrl: event.location.onlineUrl ?? '',
      language: event.language,
      capacity: String(event.capacity),
    },
    audienceOrgs: event.audienceOrgs,
    audienceRoles: event.audienceRoles,
  };
}

/** Read the training form's fields from a parsed form body. */
export function readTrainingForm(form: URLSearchParams): TrainingFormValues {
  const text: Partial<Record<(typeof FORM_FIELDS)[number], string>> = {};
  for (const name of FORM_FIELDS) text[name] = form.get(name) ?? '';
  return { text, audienceOrgs: form.getAll('audienceOrgs'), audienceRoles: form.getAll('audienceRoles') };
}

/** A form field name for an API field path (`location.place` → `place`, `audienceOrgs.2` → `audienceOrgs`). */
function formField(path: string): string {
  if (path.startsWith('location.')) return path.slice('location.'.length);
  if (path === 'location') return 'place';
  return path.split('.')[0] ?? path;
}

const FIELD_HELP: Record<string, { sv: string; en: string }> = {
  title: { sv: 'Skriv en rubrik (högst 200 tecken).', en: 'Enter a title (at most 200 characters).' },
  topic: { sv: 'Välj ett ämne i listan.', en: 'Choose a topic from the list.' },
  organizer: { sv: 'Välj en arrangör i listan.', en: 'Choose an organiser from the list.' },
  start: { sv: 'Skriv en starttid som 2026-03-03 13:00.', en: 'Enter a start time like 2026-03-03 13:00.' },
  end: { sv: 'Skriv en sluttid som 2026-03-03 16:00.', en: 'Enter an end time like 2026-03-03 16:00.' },
  registrationDeadline: {
    sv: 'Skriv sista anmälningsdag som 2026-03-01 23:59.',
    en: 'Enter a registration deadline like 2026-03-01 23:59.',
  },
  place: { sv: 'Ange en plats, en digital länk eller båda.', en: 'Give a place, a digital link or both.' },
  onlineUrl: { sv: 'Skriv en länk som börjar med https://.', en: 'Enter a link starting with https://.' },
  language: { sv: 'Skriv språkets kod med små bokstäver, till exempel sv.', en: 'Enter the language code in lower case, e.g. sv.' },
  capacity: {
    sv: 'Skriv antalet platser, ett heltal från 1 till 10000.',
    en: 'Enter the number of seats, a whole number from 1 to 10000.',
  },
  reason: { sv: 'Skriv ett skäl (högst 500 tecken).', en: 'Enter a reason (at most 500 characters).' },
};

/** Field errors of the API (zod or the model's checks) as form errors, one per form field. */
export function formErrorsOf(errors: readonly FieldError[]): TrainingFormError[] {
  const out = new Map<string, TrainingFormError>();
  for (const e of errors) {
    const field = formField(e.field);
    if (out.has(field)) continue;
    const help = FIELD_HELP[field];
    out.set(field, {
      field,
      sv: e.sv ? `${e.sv}.`.replace(/\.\.$/, '.') : (help?.sv ?? 'Kontrollera fältet.'),
      en: e.sv ? `${e.message}.`.replace(/\.\.$/, '.') : (help?.en ?? 'Check the field.'),
    });
  }
  return [...out.values()];
}

/** The API's input from the form (through the API's own schema); field errors when it does not validate. */
export function trainingInput(values: TrainingFormValues): { input?: EventInput; errors: TrainingFormError[] } {
  const v = values.text;
  const capacity = /^\s*\d{1,6}\s*$/.test(v.capacity ?? '') ? Number(v.capacity) : Number.NaN;
  const optional = (s: string | undefined) => (s && s.trim() ? s.trim() : undefined);
  const raw = {
    title: v.title ?? '',
    description: v.description ?? '',
    topic: v.topic ?? '',
    organizer: v.organizer ?? '',
    audienceOrgs: values.audienceOrgs,
    audienceRoles: values.audienceRoles,
    start: localTime(v.start),
    end: localTime(v.end),
    location: { place: optional(v.place), address: optional(v.address), onlineUrl: optional(v.onlineUrl) },
    language: optional(v.language) ?? 'sv',
    capacity,
    registrationDeadline: localTime(v.registrationDeadline),
  };
  const parsed = eventInputSchema().safeParse(raw);
  if (!parsed.success) return { errors: formErrorsOf(fieldErrors(parsed.error.issues)) };
  return { input: parsed.data, errors: [] };
}

/** Form errors of a 400 problem from the service (the model's checks); `undefined` for any other problem. */
export function problemFormErrors(error: unknown): TrainingFormError[] | undefined {
  if (!(error instanceof ProblemError) || error.problem.status !== 400) return undefined;
  return formErrorsOf(error.problem.errors ?? []);
}
