import type { FieldError } from '../../core/http/problem.js';

/** The columns of a term's programme file, Swedish header first, and the event field each fills. */
export const PROGRAMME_COLUMNS = [
  { header: 'titel', field: 'title', required: true },
  { header: 'beskrivning', field: 'description', required: false },
  { header: 'ämne', field: 'topic', required: true },
  { header: 'arrangör', field: 'organizer', required: true },
  { header: 'start', field: 'start', required: true },
  { header: 'slut', field: 'end', required: true },
  { header: 'plats', field: 'location.place', required: false },
  { header: 'adress', field: 'location.address', required: false },
  { header: 'länk', field: 'location.onlineUrl', required: false },
  { header: 'språk', field: 'language', required: false },
  { header: 'platser', field: 'capacity', required: true },
  { header: 'sista anmälningsdag', field: 'registrationDeadline', required: true },
  { header: 'målgrupp', field: 'audienceOrgs', required: false },
  { header: 'roller', field: 'audienceRoles', required: false },
] as const;

/** A training needs a place, a digital link or both: a file must have at least one of these columns. */
export const PLACE_OR_LINK = ['plats', 'länk'] as const;

/** One bad cell of an import: 1-based row as in a spreadsheet (the header is row 1) and the column's header. */
export interface CellError extends FieldError {
  readonly row: number;
  readonly column: string;
}

const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

/** Turn one data row into the JSON shape of an event input (validated by the caller). */
export function rowToInput(headers: readonly string[], cells: readonly string[]): Record<string, unknown> {
  const get = (h: string) => (cells[headers.indexOf(h)] ?? '').trim();
  const location: Record<string, string> = {};
  for (const [h, k] of [
    ['plats', 'place'],
    ['adress', 'address'],
    ['länk', 'onlineUrl'],
  ] as const)
    if (get(h)) location[k] = get(h);
  return {
    title: get('titel'),
    description: get('beskrivning'),
    topic: get('ämne'),
    organizer: get('arrangör'),
    start: get('start').replace(' ', 'T'),
    end: get('slut').replace(' ', 'T'),
    location,
    ...(get('språk') ? { language: get('språk') } : {}),
    capacity: /^\d+$/.test(get('platser')) ? Number(get('platser')) : get('platser'),
    registrationDeadline: get('sista anmälningsdag').replace(' ', 'T'),
    audienceOrgs: list(get('målgrupp')),
    audienceRoles: list(get('roller')),
  };
}

/** The column header of an event field path (`location.place` → `plats`, `audienceOrgs.0` → `målgrupp`). */
export function columnOf(field: string): string {
  const col = PROGRAMME_COLUMNS.find((c) => field === c.field || field.startsWith(`${c.field}.`));
  if (col) return col.header;
  return field === 'location' ? 'plats' : field;
}
